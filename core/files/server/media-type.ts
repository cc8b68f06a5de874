import { Readable } from 'node:stream';

import { FileErrors } from '../contract/errors.ts';

/*
 * The media type of an upload is decided from its first bytes, never from what the client
 * declared: a script renamed to .pdf must not come back as a PDF. Only an allow-list is
 * accepted, and the declared extension and type must agree with the content.
 */

type Content = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'mp4' | 'text';

interface Allowed {
  content: Content;
  mediaType: string;
  /** Declared types a client may send besides the generic ones. */
  declared: string[];
}

const ZIP_DECLARED = ['application/zip', 'application/x-zip-compressed'];
const CSV_DECLARED = ['text/csv', 'text/plain', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'];

const BY_EXTENSION: Readonly<Record<string, Allowed>> = {
  pdf: { content: 'pdf', mediaType: 'application/pdf', declared: ['application/pdf', 'application/x-pdf'] },
  png: { content: 'png', mediaType: 'image/png', declared: ['image/png'] },
  jpg: { content: 'jpeg', mediaType: 'image/jpeg', declared: ['image/jpeg', 'image/pjpeg'] },
  jpeg: { content: 'jpeg', mediaType: 'image/jpeg', declared: ['image/jpeg', 'image/pjpeg'] },
  gif: { content: 'gif', mediaType: 'image/gif', declared: ['image/gif'] },
  webp: { content: 'webp', mediaType: 'image/webp', declared: ['image/webp'] },
  docx: {
    content: 'zip',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    declared: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ...ZIP_DECLARED],
  },
  xlsx: {
    content: 'zip',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    declared: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...ZIP_DECLARED],
  },
  pptx: {
    content: 'zip',
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    declared: ['application/vnd.openxmlformats-officedocument.presentationml.presentation', ...ZIP_DECLARED],
  },
  txt: { content: 'text', mediaType: 'text/plain; charset=utf-8', declared: ['text/plain'] },
  // Windows browsers declare .csv as application/vnd.ms-excel when Excel is installed.
  csv: { content: 'text', mediaType: 'text/csv; charset=utf-8', declared: CSV_DECLARED },
  mp4: { content: 'mp4', mediaType: 'video/mp4', declared: ['video/mp4'] },
};

/** Declared types that say nothing; the extension and the content decide alone. */
const GENERIC_DECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'dash']);

/** Enough for every signature below and for a fair look at text. */
export const SNIFF_BYTES = 4096;

const startsWith = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const asciiAt = (head: Uint8Array, at: number, length: number) => String.fromCharCode(...head.subarray(at, at + length));

/** True when the bytes are UTF-8 (a multibyte character may be cut at the end) with no NUL. */
function isText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** What the first bytes are, or null when nothing on the allow-list matches. */
export function sniffContent(head: Uint8Array): Content | null {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (head.length >= 12 && startsWith(head, ascii('ftyp'), 4) && MP4_BRANDS.has(asciiAt(head, 8, 4))) return 'mp4';
  if (head.length > 0 && isText(head)) return 'text';
  return null;
}

export const extensionOf = (filename: string): string => {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
};

const bareType = (declared: string | null | undefined) => (declared ?? '').split(';')[0].trim().toLowerCase();

export interface Declared {
  filename: string;
  declaredType?: string | null;
}

/**
 * The media type to store and serve for content starting with `head`, or `files.type_not_allowed`
 * when the content is off the allow-list or disagrees with the declared extension or type.
 */
export function decideMediaType(head: Uint8Array, declared: Declared): { mediaType: string; isText: boolean } {
  const extension = extensionOf(declared.filename);
  const declaredType = bareType(declared.declaredType);
  const detected = sniffContent(head.subarray(0, SNIFF_BYTES));
  const allowed = Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
  const isAgreed =
    !!allowed && allowed.content === detected && (GENERIC_DECLARED.has(declaredType) || allowed.declared.includes(declaredType));
  if (!allowed || !isAgreed) throw FileErrors.typeNotAllowed({ extension, declaredType, detected });
  return { mediaType: allowed.mediaType, isText: detected === 'text' };
}

/**
 * Reads the first bytes of an upload and decides its media type before anything is stored,
 * then hands back a stream of the whole upload. Text is checked to its last byte as it flows,
 * so a binary tail behind a text-looking head fails the store, which then keeps nothing.
 */
export async function inspectUpload(source: Readable, declared: Declared): Promise<{ mediaType: string; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let isEnded = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      isEnded = true;
      break;
    }
    const chunk = Buffer.from(next.value);
    headChunks.push(chunk);
    headLength += chunk.length;
  }
  const head = Buffer.concat(headChunks);
  let decided: { mediaType: string; isText: boolean };
  try {
    if (head.length === 0) throw FileErrors.empty();
    decided = decideMediaType(head, declared);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const { mediaType, isText } = decided;
  const checkText = isText ? textChecker(declared) : null;

  async function* replay() {
    checkText?.(head);
    yield head;
    if (!isEnded) {
      // for-await hands the iterator back on an early exit, which destroys the source.
      for await (const chunk of { [Symbol.asyncIterator]: () => iterator }) {
        const bytes = Buffer.from(chunk);
        checkText?.(bytes);
        yield bytes;
      }
    }
    checkText?.(null);
  }
  return { mediaType, stream: Readable.from(replay(), { objectMode: false }) };
}

/** Feeds chunks (null at the end) through a strict UTF-8 decoder; throws at the first bad byte. */
function textChecker(declared: Declared) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const refuse = () =>
    FileErrors.typeNotAllowed({ extension: extensionOf(declared.filename), declaredType: bareType(declared.declaredType), detected: null });
  return (chunk: Buffer | null) => {
    if (chunk?.includes(0)) throw refuse();
    try {
      if (chunk) decoder.decode(chunk, { stream: true });
      else decoder.decode();
    } catch {
      throw refuse();
    }
  };
}
