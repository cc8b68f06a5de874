import type { FieldCipher } from '#kernel/crypto/sm.ts';

let cipher: FieldCipher | undefined;

/** The host installs the cipher made from the configured master key before serving. */
export function installFieldCipher(c: FieldCipher): void {
  cipher = c;
}

export function fieldCipher(): FieldCipher {
  if (!cipher) throw new Error('field cipher not installed: EDUCLOUD_FIELD_KEY must be configured');
  return cipher;
}
