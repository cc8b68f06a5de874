// Controls, and the bidirectional overrides that make "txt.exe" display as "exe.txt".
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this pattern's purpose
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_LENGTH = 200;

/** The uploaded name as kept and offered back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(UNSAFE, '').trim();
  const chars = [...base];
  if (chars.length <= MAX_LENGTH) return base || 'file';
  // Shorten the stem, not the extension the media type was checked against.
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? [...base.slice(dot)] : [];
  const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
  return chars.slice(0, MAX_LENGTH - keep.length).join('') + keep.join('');
}

/** RFC 6266 attachment with an ASCII fallback and the exact name as RFC 5987 `filename*`. */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
