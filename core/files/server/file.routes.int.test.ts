import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCtxFactory, DomainError, openDatabase, type Access, type Ctx, type Database } from '#kernel';
import { up } from '../migrations/20261129T0805_core_files.ts';
import { FilePermissions } from '../contract/permissions.ts';
import { LocalBlobStore } from './blob-store.ts';
import { registerFileRoutes } from './file.routes.ts';

// Until apps/server wires the real session and error mapping, the test stands in for both:
// `x-user` names the caller, who may upload to and read county C.
const STATUS: Record<string, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

function accessFor(userId: string): Access {
  const can = (permission: string, path?: string) =>
    userId === 'county-staff' && (permission === FilePermissions.upload || permission === FilePermissions.read) && (path ?? '/R/C/').startsWith('/R/C/');
  return { userId, can, require: (p, path) => { if (!can(p, path)) throw new DomainError('forbidden', 'access.forbidden'); }, scopes: () => [] };
}

function multipartBody(filename: string, type: string, content: Buffer) {
  const boundary = '----educloud-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('file routes', () => {
  let database: Database;
  let root: string;
  let app: FastifyInstance;

  beforeEach(async () => {
    database = openDatabase(':memory:');
    await database.db.schema.createTable('core_orgs').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('path', 'text').execute();
    await database.db.insertInto('core_orgs').values([{ id: 'R', path: '/R/' }, { id: 'C', path: '/R/C/' }]).execute();
    await up(database.db);
    root = await mkdtemp(join(tmpdir(), 'educloud-file-routes-'));
    const makeCtx = createCtxFactory({ db: database.db, engine: 'sqlite', auditSink: { append: async () => undefined } });
    app = Fastify();
    app.decorateRequest('ctx', null as unknown as Ctx);
    app.addHook('onRequest', async (req) => {
      const userId = String(req.headers['x-user'] ?? 'nobody');
      req.ctx = makeCtx({ actor: { kind: 'user', id: userId, name: userId }, access: accessFor(userId) });
    });
    app.setErrorHandler((error, _req, reply) => {
      if (error instanceof DomainError) return reply.code(STATUS[error.kind] ?? 500).send({ code: error.code, params: error.params });
      return reply.send(error);
    });
    registerFileRoutes(app, { store: new LocalBlobStore(root), maxUploadBytes: 1024 });
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
    await database.close();
    await rm(root, { recursive: true, force: true });
  });

  function uploadAs(user: string, filename: string, type: string, content: Buffer, orgId = 'C') {
    const { payload, headers } = multipartBody(filename, type, content);
    return app.inject({ method: 'POST', url: `/api/files?orgId=${orgId}`, payload, headers: { ...headers, 'x-user': user } });
  }

  it('uploads a file, then serves its metadata and its content as a download', async () => {
    const created = await uploadAs('county-staff', 'plan.pdf', 'application/pdf', PDF);
    expect(created.statusCode).toBe(201);
    const meta = created.json();
    expect(meta).toMatchObject({ name: 'plan.pdf', mediaType: 'application/pdf', size: PDF.length, orgId: 'C' });

    const info = await app.inject({ url: `/api/files/${meta.id}`, headers: { 'x-user': 'county-staff' } });
    expect(info.json()).toEqual(meta);

    const download = await app.inject({ url: `/api/files/${meta.id}/content`, headers: { 'x-user': 'county-staff' } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`,
      'x-content-type-options': 'nosniff',
    });
  });

  it('refuses an upload one byte over the limit', async () => {
    const response = await uploadAs('county-staff', 'big.txt', 'text/plain', Buffer.alloc(1025, 'a'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'files.too_large', params: { maxBytes: 1024 } });
  });

  it('refuses an upload to an org the caller has no grant on', async () => {
    expect((await uploadAs('county-staff', 'plan.pdf', 'application/pdf', PDF, 'R')).statusCode).toBe(403);
  });

  it('answers 404 to a caller who may not read the file', async () => {
    const { id } = (await uploadAs('county-staff', 'plan.pdf', 'application/pdf', PDF)).json();
    for (const url of [`/api/files/${id}`, `/api/files/${id}/content`]) {
      const response = await app.inject({ url, headers: { 'x-user': 'outsider' } });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('files.file_not_found');
    }
  });
});
