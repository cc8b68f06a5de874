import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, open, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { FileErrors } from '../contract/errors.ts';

/**
 * Content-addressed storage of file bodies: a body is named by its SHA-256, so identical
 * content is kept once however often it is uploaded. Metadata and permissions live in
 * core_files; a store knows nothing of either. An S3-compatible store implements the same.
 */
export interface BlobStore {
  /** Stores the stream's bytes; fails with `files.too_large` past `maxBytes`, keeping nothing. */
  put(stream: Readable, limits: { maxBytes: number }): Promise<{ sha256: string; size: number }>;
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /**
   * Deletes a body unless it was stored or stored again since `unlessStoredSince`; true when
   * it is gone. The caller has checked that no file row names it; the time guard covers an
   * upload of the same content that found the body and has not yet written its row.
   */
  remove(sha256: string, options: { unlessStoredSince: Date }): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (typeof sha256 !== 'string' || !SHA256.test(sha256)) throw FileErrors.invalidSha256();
}

/** Hashes and counts the bytes passing through; errors once they exceed `maxBytes`. */
function meter(maxBytes: number) {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(FileErrors.tooLarge({ maxBytes }));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

/** Bodies under `<root>/<aa>/<bb>/<sha256>`; the fan-out keeps folders small. */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  /** The only way a path is built: from a checked hash, never from what a user sent. */
  private pathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(stream: Readable, limits: { maxBytes: number }): Promise<{ sha256: string; size: number }> {
    await mkdir(this.root, { recursive: true });
    // The temp file sits in the root so that the final rename stays on one filesystem, atomic.
    const temp = join(this.root, `.upload-${randomUUID()}.tmp`);
    // Opened before streaming, so the file exists when a failure removes it; the stream closes it.
    const handle = await open(temp, 'wx');
    const counted = meter(limits.maxBytes);
    try {
      await pipeline(stream, counted.stream, handle.createWriteStream({ flush: true }));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const { sha256, size } = counted.result();
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) {
      await rm(temp, { force: true });
      // Marks the body as just stored, so a clean-up deciding to remove it now leaves it alone.
      const now = new Date();
      await utimes(target, now, now).catch(() => undefined);
    } else {
      await mkdir(dirname(target), { recursive: true });
      // Two uploads of the same body may both get here; either rename leaves the same bytes.
      await rename(temp, target);
    }
    return { sha256, size };
  }

  async open(sha256: string): Promise<Readable> {
    const handle = await open(this.pathOf(sha256), 'r');
    return handle.createReadStream();
  }

  async remove(sha256: string, options: { unlessStoredSince: Date }): Promise<boolean> {
    const path = this.pathOf(sha256);
    const info = await stat(path).catch(() => null);
    if (!info) return true;
    if (info.mtime >= options.unlessStoredSince) return false;
    await rm(path, { force: true });
    return true;
  }

  async has(sha256: string): Promise<boolean> {
    return access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }
}
