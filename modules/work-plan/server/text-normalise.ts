import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Puts a document into one form before parsing: full-width digits and brackets become
 * half-width (NFKC), traditional characters become simplified, lines are trimmed. The line
 * numbers of the original are kept so that problems point at the right place.
 */
export function normaliseLines(text: string): Array<{ line: number; text: string; display: string }> {
  const simplified: string = toSimplified(text.replace(/^\uFEFF/, ''));
  return simplified
    .split(/\r\n|\r|\n/)
    .map((t, i) => {
      // `text` is what the parser matches; `display` keeps the document's own punctuation.
      const display = t.replace(/[\s\u3000]+/g, ' ').trim();
      return { line: i + 1, text: display.normalize('NFKC'), display };
    })
    .filter((l) => l.text !== '');
}

/** Decodes a file's bytes: UTF-8 (with or without BOM) when valid, GB18030 otherwise. */
export function decodePlanFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
