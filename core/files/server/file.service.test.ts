import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCtxFactory, openDatabase, type Access, type AuditEntry, type Ctx, type Database } from '#kernel';
import { AccessErrors } from '#core/access/contract/errors.ts';
import { up } from '../migrations/20261129T0805_core_files.ts';
import { FilePermissions } from '../contract/permissions.ts';
import { LocalBlobStore } from './blob-store.ts';
import { attachFile, getFile, openFile, registerOwnerPolicy, storeFile } from './file.service.ts';

const ORGS = { root: '/R/', province: '/R/P/', county: '/R/P/C/', otherCounty: '/R/P/D/' };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

type Grant = [permission: string, path: string];

/** Grants cover an org's subtree, as core/access resolves them. */
function accessWith(userId: string, grants: Grant[]): Access {
  const can = (permission: string, path?: string) =>
    grants.some(([p, scope]) => p === permission && (path === undefined || path.startsWith(scope)));
  return {
    userId,
    can,
    require(permission, path) {
      if (!can(permission, path)) throw AccessErrors.forbidden({ permission });
    },
    scopes: (permission) => grants.filter(([p]) => p === permission).map(([, scope]) => scope),
  };
}

describe('file service', () => {
  let database: Database;
  let root: string;
  let store: LocalBlobStore;
  let audits: AuditEntry[];
  let as: (userId: string, grants?: Grant[]) => Ctx;

  beforeEach(async () => {
    database = openDatabase(':memory:');
    const { db } = database;
    await db.schema
      .createTable('core_orgs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('path', 'text', (c) => c.notNull())
      .execute();
    await db
      .insertInto('core_orgs')
      .values([
        { id: 'R', path: ORGS.root },
        { id: 'P', path: ORGS.province },
        { id: 'C', path: ORGS.county },
        { id: 'D', path: ORGS.otherCounty },
      ])
      .execute();
    await up(db);
    root = await mkdtemp(join(tmpdir(), 'educloud-files-'));
    store = new LocalBlobStore(root);
    audits = [];
    const makeCtx = createCtxFactory({ db, engine: 'sqlite', auditSink: { append: async (_db, entries) => void audits.push(...entries) } });
    as = (userId, grants = []) => makeCtx({ actor: { kind: 'user', id: userId, name: userId }, access: accessWith(userId, grants) });
  });

  afterEach(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
  });

  const uploader = () => as('uploader', [[FilePermissions.upload, ORGS.county]]);
  const upload = (ctx: Ctx, body: Buffer = PDF, filename = '工作方案.pdf') =>
    storeFile(ctx, { stream: Readable.from([body]), filename, declaredType: 'application/pdf', orgId: 'C', maxBytes: 1024 }, store);
  const content = async (ctx: Ctx, id: string) => buffer((await openFile(ctx, id, store)).stream);
  const countRows = async () => (await database.db.selectFrom('core_files').selectAll().execute()).length;

  it('lets the uploader download what they uploaded', async () => {
    const meta = await upload(uploader());
    expect(meta).toMatchObject({
      name: '工作方案.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      orgId: 'C',
      createdBy: 'uploader',
      ownerType: null,
    });
    expect((await content(uploader(), meta.id)).equals(PDF)).toBe(true);
  });

  it('writes one audit entry with the name, size and hash but not the content', async () => {
    const meta = await upload(uploader());
    expect(audits).toEqual([
      {
        action: 'files.file.uploaded',
        objectType: 'file',
        objectId: meta.id,
        orgId: 'C',
        changes: { name: '工作方案.pdf', size: PDF.length, sha256: meta.sha256, mediaType: 'application/pdf' },
      },
    ]);
  });

  it("refuses an upload to an org outside the caller's grants and keeps nothing", async () => {
    const ctx = as('someone', [[FilePermissions.upload, ORGS.otherCounty]]);
    await expect(upload(ctx)).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await countRows()).toBe(0);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses content that is not what its name says and keeps nothing', async () => {
    await expect(upload(uploader(), Buffer.from('<script>alert(1)</script>'))).rejects.toMatchObject({ code: 'files.type_not_allowed' });
    expect(await countRows()).toBe(0);
    expect(audits).toEqual([]);
  });

  it("answers not_found to another user without read on the file's org", async () => {
    const meta = await upload(uploader());
    const sibling = as('sibling', [
      [FilePermissions.read, ORGS.otherCounty],
      [FilePermissions.upload, ORGS.county],
    ]);
    await expect(getFile(sibling, meta.id)).rejects.toMatchObject({ kind: 'not_found', code: 'files.file_not_found' });
    await expect(openFile(sibling, meta.id, store)).rejects.toMatchObject({ kind: 'not_found', code: 'files.file_not_found' });
  });

  it('answers the same not_found for a file that does not exist', async () => {
    await expect(getFile(uploader(), '01JZZZZZZZZZZZZZZZZZZZZZZZ')).rejects.toMatchObject({
      kind: 'not_found',
      code: 'files.file_not_found',
    });
  });

  it('lets a user with read on an ancestor org read the file', async () => {
    const meta = await upload(uploader());
    const provincial = as('provincial', [[FilePermissions.read, ORGS.province]]);
    expect((await getFile(provincial, meta.id)).id).toBe(meta.id);
    expect((await content(provincial, meta.id)).equals(PDF)).toBe(true);
  });

  describe('attached files', () => {
    const reviewers = new Set(['reviewer']);
    registerOwnerPolicy('test.report', async (ctx, ownerId) => ownerId === 'report-1' && reviewers.has(ctx.actor.id ?? ''));

    it('lets the owner policy decide who reads them', async () => {
      const meta = await upload(uploader());
      const attached = await attachFile(uploader(), meta.id, { ownerType: 'test.report', ownerId: 'report-1' });
      expect(attached).toMatchObject({ ownerType: 'test.report', ownerId: 'report-1' });
      expect((await content(as('reviewer'), meta.id)).equals(PDF)).toBe(true);
      // The owner's rules replace the uploader's and the org readers' rights.
      await expect(getFile(uploader(), meta.id)).rejects.toMatchObject({ code: 'files.file_not_found' });
      await expect(getFile(as('provincial', [[FilePermissions.read, ORGS.province]]), meta.id)).rejects.toMatchObject({
        code: 'files.file_not_found',
      });
      expect(audits.map((a) => a.action)).toEqual(['files.file.uploaded', 'files.file.attached']);
      expect(audits[1]).toMatchObject({ objectId: meta.id, orgId: 'C', changes: { ownerType: 'test.report', ownerId: 'report-1' } });
    });

    it('refuses a file whose owner type has no policy', async () => {
      const meta = await upload(uploader());
      await database.db.updateTable('core_files').set({ owner_type: 'gone.thing', owner_id: 'x' }).where('id', '=', meta.id).execute();
      await expect(getFile(as('provincial', [[FilePermissions.read, ORGS.root]]), meta.id)).rejects.toMatchObject({
        code: 'files.file_not_found',
      });
      await expect(attachFile(uploader(), meta.id, { ownerType: 'gone.thing', ownerId: 'y' })).rejects.toMatchObject({
        code: 'files.unknown_owner_type',
      });
    });

    it('will not attach a file the caller cannot read', async () => {
      const meta = await upload(uploader());
      await expect(attachFile(as('stranger'), meta.id, { ownerType: 'test.report', ownerId: 'report-1' })).rejects.toMatchObject({
        code: 'files.file_not_found',
      });
      expect((await getFile(uploader(), meta.id)).ownerType).toBeNull();
    });

    it('will not move a file to another owner', async () => {
      const meta = await upload(uploader());
      await attachFile(uploader(), meta.id, { ownerType: 'test.report', ownerId: 'report-1' });
      await expect(attachFile(as('reviewer'), meta.id, { ownerType: 'test.report', ownerId: 'report-1' })).resolves.toMatchObject({
        ownerId: 'report-1',
      });
      await expect(attachFile(as('reviewer'), meta.id, { ownerType: 'test.report', ownerId: 'report-2' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'files.already_attached',
      });
      expect(audits.filter((a) => a.action === 'files.file.attached')).toHaveLength(1);
    });
  });

  it('stores identical content once for two uploads', async () => {
    const first = await upload(uploader());
    const second = await upload(uploader(), PDF, 'copy.pdf');
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(await readdir(join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4)))).toEqual([first.sha256]);
  });
});
