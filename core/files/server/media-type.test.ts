import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { decideMediaType, inspectUpload, sniffContent, SNIFF_BYTES } from './media-type.ts';

const bytes = (...parts: Array<number[] | string>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const samples = {
  pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'),
  gif: bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  zip: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml'),
  mp4: bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'),
  text: Buffer.from('学校,学生数\n第一中学,1200\n', 'utf8'),
};

describe('sniffContent', () => {
  it('recognises every signature on the allow-list', () => {
    for (const [content, head] of Object.entries(samples)) expect(sniffContent(head), content).toBe(content);
  });

  it('refuses content off the allow-list', () => {
    expect(sniffContent(bytes('MZ\x90\0\x03\0'))).toBeNull(); // Windows executable
    expect(sniffContent(bytes([0x7f], 'ELF', [2, 1, 1, 0]))).toBeNull();
    expect(sniffContent(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBeNull(); // an image in an MP4 box
    expect(sniffContent(bytes('plain\0text'))).toBeNull();
    expect(sniffContent(bytes('caf\xe9 in latin-1'))).toBeNull();
    expect(sniffContent(Buffer.alloc(0))).toBeNull();
  });

  it('accepts text whose first look ends inside a multibyte character', () => {
    const text = Buffer.from('教'.repeat(2000), 'utf8');
    expect(sniffContent(text.subarray(0, SNIFF_BYTES))).toBe('text');
  });
});

describe('decideMediaType', () => {
  it('gives the canonical type when content, extension and declared type agree', () => {
    expect(decideMediaType(samples.pdf, { filename: 'plan.PDF', declaredType: 'application/pdf' }).mediaType).toBe('application/pdf');
    expect(decideMediaType(samples.jpeg, { filename: 'photo.jpeg', declaredType: 'image/jpeg' }).mediaType).toBe('image/jpeg');
    expect(decideMediaType(samples.webp, { filename: 'a.webp' }).mediaType).toBe('image/webp');
    expect(decideMediaType(samples.mp4, { filename: '课堂实录.mp4', declaredType: 'video/mp4' }).mediaType).toBe('video/mp4');
    expect(decideMediaType(samples.text, { filename: '名单.csv', declaredType: 'application/vnd.ms-excel' })).toEqual({
      mediaType: 'text/csv; charset=utf-8',
      isText: true,
    });
  });

  it('tells Office documents apart by their extension', () => {
    const xlsx = decideMediaType(samples.zip, { filename: 'roster.xlsx', declaredType: 'application/octet-stream' });
    expect(xlsx.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decideMediaType(samples.zip, { filename: 'a.docx', declaredType: '' }).mediaType).toContain('wordprocessingml');
    expect(decideMediaType(samples.zip, { filename: 'a.pptx', declaredType: null }).mediaType).toContain('presentationml');
  });

  it('refuses a plain archive', () => {
    expect(() => decideMediaType(samples.zip, { filename: 'bundle.zip', declaredType: 'application/zip' })).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'files.type_not_allowed' }),
    );
  });

  it('refuses content that disagrees with its extension', () => {
    expect(() => decideMediaType(samples.text, { filename: 'report.pdf', declaredType: 'application/pdf' })).toThrow(
      expect.objectContaining({
        code: 'files.type_not_allowed',
        params: { extension: 'pdf', declaredType: 'application/pdf', detected: 'text' },
      }),
    );
    expect(() => decideMediaType(samples.pdf, { filename: 'notes.txt' })).toThrow(
      expect.objectContaining({ code: 'files.type_not_allowed' }),
    );
    expect(() => decideMediaType(samples.png, { filename: 'no-extension' })).toThrow(
      expect.objectContaining({ code: 'files.type_not_allowed' }),
    );
  });

  it('refuses a declared type that disagrees with the content', () => {
    expect(() => decideMediaType(samples.png, { filename: 'a.png', declaredType: 'text/html' })).toThrow(
      expect.objectContaining({ code: 'files.type_not_allowed' }),
    );
    expect(() => decideMediaType(samples.text, { filename: 'a.txt', declaredType: 'text/html; charset=utf-8' })).toThrow(
      expect.objectContaining({ code: 'files.type_not_allowed' }),
    );
  });

  it('ignores parameters and case in the declared type', () => {
    expect(decideMediaType(samples.text, { filename: 'a.txt', declaredType: 'Text/Plain; charset=UTF-8' }).mediaType).toBe(
      'text/plain; charset=utf-8',
    );
  });

  it('does not read inherited object keys as extensions', () => {
    expect(() => decideMediaType(samples.text, { filename: 'a.constructor' })).toThrow(
      expect.objectContaining({ code: 'files.type_not_allowed' }),
    );
  });
});

describe('inspectUpload', () => {
  const stream = (...chunks: Buffer[]) => Readable.from(chunks);

  it('hands back every byte after deciding from the head', async () => {
    const body = Buffer.concat([samples.png, Buffer.alloc(10_000, 7)]);
    const { mediaType, stream: out } = await inspectUpload(stream(body.subarray(0, 100), body.subarray(100, 5000), body.subarray(5000)), {
      filename: 'a.png',
    });
    expect(mediaType).toBe('image/png');
    expect((await buffer(out)).equals(body)).toBe(true);
  });

  it('refuses an empty upload', async () => {
    await expect(inspectUpload(stream(), { filename: 'a.txt' })).rejects.toMatchObject({ code: 'files.empty' });
  });

  it('fails the stream when text turns binary past the first look', async () => {
    const { stream: out } = await inspectUpload(stream(Buffer.alloc(SNIFF_BYTES, 'a'), Buffer.from([0x61, 0, 0x62])), {
      filename: 'a.txt',
    });
    await expect(buffer(out)).rejects.toMatchObject({ code: 'files.type_not_allowed' });
  });

  it('fails the stream when text ends inside a multibyte character', async () => {
    const { stream: out } = await inspectUpload(stream(Buffer.from('教', 'utf8').subarray(0, 2)), { filename: 'a.txt' });
    await expect(buffer(out)).rejects.toMatchObject({ code: 'files.type_not_allowed' });
  });
});
