import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '#kernel';
import { LocalBlobStore } from './blob-store.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));

/** Every file under the folder, relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('LocalBlobStore', () => {
  let root: string;
  let store: LocalBlobStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'educloud-blobs-'));
    store = new LocalBlobStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('names a body by its SHA-256 under two fan-out folders and reads it back', async () => {
    const body = '教育云 content';
    const stored = await store.put(chunks('教育云 ', 'content'), { maxBytes: 1000 });
    expect(stored).toEqual({ sha256: sha(body), size: Buffer.byteLength(body) });
    expect(await listFiles(root)).toEqual([join(stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256)]);
    expect(await store.has(stored.sha256)).toBe(true);
    expect(await text(await store.open(stored.sha256))).toBe(body);
  });

  it('keeps identical content once', async () => {
    const first = await store.put(chunks('same bytes'), { maxBytes: 100 });
    const second = await store.put(chunks('same ', 'bytes'), { maxBytes: 100 });
    expect(second).toEqual(first);
    expect(await listFiles(root)).toHaveLength(1);
  });

  it('aborts past the size limit and leaves no temp file behind', async () => {
    const error = await store.put(chunks('12345', '67890', 'x'), { maxBytes: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'files.too_large', params: { maxBytes: 10 } });
    expect(await listFiles(root)).toEqual([]);
  });

  it('accepts a body of exactly the limit', async () => {
    expect((await store.put(chunks('1234567890'), { maxBytes: 10 })).size).toBe(10);
  });

  it('removes the temp file when the source stream fails', async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('partial');
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(failing, { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(await listFiles(root)).toEqual([]);
  });

  it('rejects a malformed hash before touching the filesystem', async () => {
    for (const bad of ['../../etc/passwd', 'A'.repeat(64), `${'a'.repeat(63)}/`, '', 'a'.repeat(65)]) {
      await expect(store.open(bad)).rejects.toMatchObject({ code: 'files.invalid_sha256' });
      await expect(store.has(bad)).rejects.toMatchObject({ code: 'files.invalid_sha256' });
    }
  });

  it('reports a well-formed hash it does not hold as absent', async () => {
    expect(await store.has(sha('never stored'))).toBe(false);
    await expect(store.open(sha('never stored'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes a body only if nothing stored it since the given instant, a re-upload counting as storing', async () => {
    const { sha256 } = await store.put(chunks('left over'), { maxBytes: 100 });
    const path = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const hourAgo = new Date(Date.now() - 3_600_000);
    expect(await store.remove(sha256, { unlessStoredSince: hourAgo })).toBe(false);
    expect(await store.has(sha256)).toBe(true);

    const dayAgo = new Date(Date.now() - 86_400_000);
    await utimes(path, dayAgo, dayAgo);
    await store.put(chunks('left ', 'over'), { maxBytes: 100 });
    expect(await store.remove(sha256, { unlessStoredSince: hourAgo })).toBe(false);

    await utimes(path, dayAgo, dayAgo);
    expect(await store.remove(sha256, { unlessStoredSince: hourAgo })).toBe(true);
    expect(await listFiles(root)).toEqual([]);
    expect(await store.remove(sha256, { unlessStoredSince: hourAgo })).toBe(true);
  });
});
