#!/usr/bin/env node
// `npm run new-module -- <name> [--prefix <p>] [--zh <中文名>]`
//
// Writes modules/<name> with the whole shape a module has (docs/architecture.md, "Growing a
// module"): manifest, README, contract (schemas, permissions, events, errors, service ref),
// migration, typed tables, repo, service, routes with a unit and an integration test, console
// page, CLI verb and both locales. It registers the module on the server and in the console and
// gives the authorization matrix its routes, so `npm test` passes before anything is edited.
// The resource it starts with is a "record" owned by an org; rename and grow it from there.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  process.stderr.write(`new-module: ${message}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const out = { name: null, prefix: null, zh: null, root: ROOT };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--prefix') out.prefix = argv[++i];
    else if (a === '--zh') out.zh = argv[++i];
    else if (a === '--root') out.root = path.resolve(argv[++i]);
    else if (!a.startsWith('--') && !out.name) out.name = a;
    else fail(`unknown argument "${a}"`);
  }
  return out;
}

const camel = (name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());

function usedPrefixes(root) {
  const found = new Set();
  for (const group of ['core', 'modules']) {
    const dir = path.join(root, group);
    if (!existsSync(dir)) continue;
    for (const m of readdirSync(dir)) {
      const file = path.join(dir, m, 'module.ts');
      if (!existsSync(file)) continue;
      const hit = readFileSync(file, 'utf8').match(/tablePrefix:\s*'([a-z0-9]+)'/);
      if (hit) found.add(hit[1]);
    }
  }
  return found;
}

/** Inserts `text` before the line holding `marker` in `file`; fails if the marker is missing. */
function insertAtMarker(file, marker, text) {
  const source = readFileSync(file, 'utf8');
  const at = source.indexOf(marker);
  if (at < 0) fail(`${path.relative(ROOT, file)} has no "${marker}" marker`);
  const lineStart = source.lastIndexOf('\n', at) + 1;
  writeFileSync(file, source.slice(0, lineStart) + text + source.slice(lineStart));
}

function stamp(date = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}T${p(date.getUTCHours())}${p(date.getUTCMinutes())}`;
}

export function moduleFiles({ name, prefix, zh }) {
  const C = camel(name);
  const P = pascal(name);
  const table = `${prefix}_records`;
  const files = {};

  files['module.ts'] = `import { defineModule } from '#kernel';
import { ${C}Commands } from './cli/commands.ts';
import { ${P}Events } from './contract/events.ts';
import { ${P}Permissions } from './contract/permissions.ts';
import { ${C}Service } from './server/${name}.service.ts';
import { register${P}Routes } from './server/${name}.routes.ts';

export const ${C}Module = defineModule({
  id: '${name}',
  tablePrefix: '${prefix}',
  dependsOn: ['orgs'],
  permissions: [
    { id: ${P}Permissions.read, label: { zh: '查看${zh}', en: 'View ${name} records' } },
    { id: ${P}Permissions.manage, label: { zh: '管理${zh}', en: 'Manage ${name} records' } },
  ],
  roleGrants: [
    { role: 'org_admin', permissions: [${P}Permissions.read, ${P}Permissions.manage] },
    { role: 'reviewer', permissions: [${P}Permissions.read] },
  ],
  migrationsDir: new URL('./migrations/', import.meta.url),
  orgPathColumns: [{ table: '${table}', column: 'org_path' }],
  events: ${P}Events,
  createService: () => ${C}Service,
  routes: (app) => register${P}Routes(app),
  cli: ${C}Commands,
});
`;

  files['README.md'] = `# ${name} (${zh})

Scaffolded by \`npm run new-module -- ${name}\`. It starts with one resource, a record owned by
an org, listed, created, read and changed by whoever holds \`${name}.record.read\` /
\`${name}.record.manage\` on that org or above. Grow it from here; docs/architecture.md
("Growing a module") says where each kind of code goes.

| what | where |
|---|---|
| tables (\`${prefix}_*\`) | \`migrations/\`, typed in \`server/${name}.tables.ts\` |
| HTTP API | \`server/${name}.routes.ts\` (\`/api/${name}/records\`) |
| rules | \`server/${name}.service.ts\` (pure checks in \`server/${name}.rules.ts\`) |
| what other modules may use | \`contract/\` (schemas, permissions, events, errors, service) |
| console | \`web/\` (menu entry ${zh}) |
| command line | \`cli/commands.ts\` (\`educloud ${name} count\`) |
| words | \`locales/zh-CN.json\`, \`locales/en.json\` |
`;

  files['contract/permissions.ts'] = `/** What a role may do with ${name} records; granted on an org, they cover its subtree. */
export const ${P}Permissions = {
  read: '${name}.record.read',
  manage: '${name}.record.manage',
} as const;
`;

  files['contract/errors.ts'] = `import { defineErrors } from '#kernel';

/** Every code the ${name} module throws, with its params; the words are in ../locales. */
export const ${P}Errors = defineErrors('${name}', {
  recordNotFound: { code: '${name}.record_not_found', kind: 'not_found', params: ['id'] },
  orgNotFound: { code: '${name}.org_not_found', kind: 'not_found', params: ['field', 'id'] },
  nameTaken: { code: '${name}.name_taken', kind: 'conflict', params: ['field', 'name'] },
  staleRecord: { code: '${name}.record_changed', kind: 'conflict', params: ['id'] },
});
`;

  files['contract/record.schema.ts'] = `import { Type, type Static } from 'typebox';
import { PageQuery } from '#kernel/paging.ts';

const Name = Type.String({ minLength: 1, maxLength: 100, description: 'unique within its org' });
const Note = Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]);

export const ${P}Record = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  name: Type.String(),
  note: Note,
  version: Type.Integer({ minimum: 1 }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ${P}Record = Static<typeof ${P}Record>;

export const RecordBody = Type.Object({ orgId: Type.String({ maxLength: 40 }), name: Name, note: Type.Optional(Note) }, { additionalProperties: false });
export type RecordBody = Static<typeof RecordBody>;

export const RecordPatch = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), name: Type.Optional(Name), note: Type.Optional(Note) }, { additionalProperties: false });
export type RecordPatch = Static<typeof RecordPatch>;

export const RecordQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), orgId: Type.Optional(Type.String({ maxLength: 40 })), ...PageQuery.properties });
export type RecordQuery = Static<typeof RecordQuery>;

export const RecordIdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
`;

  files['contract/events.ts'] = `import { Type } from 'typebox';
import { defineEvent } from '#kernel';

/** Published in the transaction that created the record; other modules react through subscribers. */
export const RecordCreated = defineEvent('${name}.record.created', Type.Object({ recordId: Type.String(), orgId: Type.String(), name: Type.String() }));

export const ${P}Events = [RecordCreated];
`;

  files['contract/service.ts'] = `import { serviceRef } from '#kernel/service.ts';
import type { PlatformDb } from '#kernel/db/own-tables.ts';

/** What other modules may ask of ${name} (list it in their dependsOn, then host.service / ctx.service). */
export interface ${P}Contract {
  /** How many records the org's subtree holds. */
  countIn(db: PlatformDb, orgPath: string): Promise<number>;
}

export const ${P}Service = serviceRef<${P}Contract>('${name}');
`;

  files[`migrations/${stamp()}_${prefix}_create_records.ts`] = `import type { Kysely } from 'kysely';
import { column } from '#kernel';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('${table}')
    .$call((t) => column.id(t))
    .addColumn('org_id', 'text', (c) => c.notNull())
    // A copy of the org's path for subtree filters; moving the org rewrites it (orgPathColumns).
    .addColumn('org_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .$call((t) => column.timestamps(t))
    .execute();
  await db.schema.createIndex('${table}_org_name').unique().on('${table}').columns(['org_id', 'name']).execute();
  await db.schema.createIndex('${table}_org_path').on('${table}').columns(['org_path', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('${table}').execute();
}
`;

  files[`server/${name}.tables.ts`] = `import type { Kysely } from 'kysely';
import { ownTables, type PlatformDb } from '#kernel/db/own-tables.ts';

export interface RecordRow {
  id: string;
  orgId: string;
  orgPath: string;
  name: string;
  note: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The tables the ${name} module owns, camelCase in TypeScript. */
export interface ${P}Tables {
  ${table}: RecordRow;
}

export type ${P}Db = Kysely<${P}Tables>;

/** This module's view of a connection or transaction: its own tables and nothing else (ADR 0011). */
export const ${C}Db = (db: PlatformDb): ${P}Db => ownTables<${P}Tables>(db, '${name}', ['${table}']);
`;

  files[`server/${name}.repo.ts`] = `import { sql } from 'kysely';
import { cappedCount, inSubtrees, likeContains } from '#kernel';
import type { ${P}Db, RecordRow } from './${name}.tables.ts';

export const findRecord = (db: ${P}Db, id: string) => db.selectFrom('${table}').selectAll().where('id', '=', id).executeTakeFirst();

export const findByName = (db: ${P}Db, orgId: string, name: string) =>
  db.selectFrom('${table}').select('id').where('orgId', '=', orgId).where('name', '=', name).executeTakeFirst();

export const insertRecord = (db: ${P}Db, row: RecordRow) => db.insertInto('${table}').values(row).execute();

/** Applies a change if the record is still at \`version\`; false when someone changed it first. */
export async function updateRecord(db: ${P}Db, id: string, version: number, patch: Partial<Pick<RecordRow, 'name' | 'note'>>, at: string): Promise<boolean> {
  const result = await db.updateTable('${table}').set({ ...patch, version: version + 1, updatedAt: at })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listRecords(db: ${P}Db, f: { scopes: string[]; orgPath?: string; q?: string }, offset: number, limit: number) {
  let q = db.selectFrom('${table}').where((eb) => inSubtrees(eb, 'org_path', f.scopes));
  if (f.orgPath) q = q.where('orgPath', 'like', \`\${f.orgPath}%\`);
  if (f.q) q = q.where('name', 'like', sql<string>\`\${likeContains(f.q)} escape '\\\\'\`);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
    cappedCount(db, q),
  ]);
  return { items, ...count };
}

export const countIn = async (db: ${P}Db, orgPath: string) =>
  Number((await db.selectFrom('${table}').select((eb) => eb.fn.countAll<number>().as('n')).where('orgPath', 'like', \`\${orgPath}%\`).executeTakeFirstOrThrow()).n);
`;

  files[`server/${name}.rules.ts`] = `/** A record's name as stored: inner runs of white space become one space, the ends are trimmed. */
export const normaliseName = (name: string): string => name.replace(/\\s+/g, ' ').trim();
`;

  files[`server/${name}.rules.test.ts`] = `import { describe, expect, it } from 'vitest';
import { normaliseName } from './${name}.rules.ts';

describe('normaliseName', () => {
  it('trims the ends and folds inner white space', () => {
    expect(normaliseName('  第一\\t 中学  ')).toBe('第一 中学');
    expect(normaliseName('A')).toBe('A');
  });
});
`;

  files[`server/${name}.service.ts`] = `import { newId, pageWindow, type Ctx, type PageOf } from '#kernel';
import { OrgsService } from '#core/orgs/contract/orgs.service.ts';
import type { ${P}Contract } from '../contract/service.ts';
import { RecordCreated } from '../contract/events.ts';
import { ${P}Errors } from '../contract/errors.ts';
import { ${P}Permissions } from '../contract/permissions.ts';
import type { ${P}Record, RecordBody, RecordPatch, RecordQuery } from '../contract/record.schema.ts';
import { normaliseName } from './${name}.rules.ts';
import { ${C}Db, type RecordRow } from './${name}.tables.ts';
import * as repo from './${name}.repo.ts';

async function toViews(ctx: Ctx, rows: RecordRow[]): Promise<${P}Record[]> {
  const orgs = await ctx.service(OrgsService).byIds(ctx.db, rows.map((r) => r.orgId));
  return rows.map((r) => ({
    id: r.id, orgId: r.orgId, orgName: orgs.get(r.orgId)?.name ?? '', name: r.name, note: r.note,
    version: Number(r.version), createdAt: r.createdAt, updatedAt: r.updatedAt,
  }));
}

/** A record the caller may read; anything else is "not found", so ids outside the scope reveal nothing. */
async function readable(ctx: Ctx, id: string, permission: string) {
  const row = await repo.findRecord(${C}Db(ctx.db), id);
  if (!row || !ctx.access.can(permission, row.orgPath)) throw ${P}Errors.recordNotFound({ id });
  return row;
}

export async function listRecords(ctx: Ctx, query: RecordQuery): Promise<PageOf<${P}Record>> {
  const scopes = ctx.access.scopes(${P}Permissions.read);
  const { page, pageSize, offset } = pageWindow(query);
  const org = query.orgId ? await ctx.service(OrgsService).find(ctx.db, query.orgId) : null;
  if (query.orgId && !org) throw ${P}Errors.orgNotFound({ field: 'orgId', id: query.orgId });
  const { items, total, totalCapped } = await repo.listRecords(${C}Db(ctx.db), { scopes, orgPath: org?.path, q: query.q?.trim() || undefined }, offset, pageSize);
  return { items: await toViews(ctx, items), total, totalCapped, page, pageSize };
}

export async function getRecord(ctx: Ctx, id: string): Promise<${P}Record> {
  const [view] = await toViews(ctx, [await readable(ctx, id, ${P}Permissions.read)]);
  return view;
}

export async function createRecord(ctx: Ctx, body: RecordBody): Promise<${P}Record> {
  const org = await ctx.service(OrgsService).find(ctx.db, body.orgId);
  // An org outside the caller's reach reads as missing, like one that does not exist.
  if (!org?.isActive || !ctx.access.can(${P}Permissions.manage, org.path)) throw ${P}Errors.orgNotFound({ field: 'orgId', id: body.orgId });
  const name = normaliseName(body.name);
  return ctx.transaction(async (tx) => {
    const db = ${C}Db(tx.db);
    if (await repo.findByName(db, org.id, name)) throw ${P}Errors.nameTaken({ field: 'name', name });
    const at = tx.now().toISOString();
    const row = { id: newId(), orgId: org.id, orgPath: org.path, name, note: body.note ?? null, version: 1, createdBy: tx.actor.id, createdAt: at, updatedAt: at };
    await repo.insertRecord(db, row);
    tx.audit({ action: '${name}.record.created', objectType: '${name}.record', objectId: row.id, orgId: org.id, changes: { name, note: row.note } });
    tx.publish(RecordCreated, { recordId: row.id, orgId: org.id, name });
    return (await toViews(tx, [row]))[0];
  });
}

export async function updateRecord(ctx: Ctx, id: string, patch: RecordPatch): Promise<${P}Record> {
  return ctx.transaction(async (tx) => {
    const db = ${C}Db(tx.db);
    const before = await readable(tx, id, ${P}Permissions.manage);
    const name = patch.name === undefined ? undefined : normaliseName(patch.name);
    if (name !== undefined && name !== before.name && (await repo.findByName(db, before.orgId, name))) throw ${P}Errors.nameTaken({ field: 'name', name });
    const changes: Record<string, [unknown, unknown]> = {};
    if (name !== undefined && name !== before.name) changes.name = [before.name, name];
    if (patch.note !== undefined && patch.note !== before.note) changes.note = [before.note, patch.note];
    if (!(await repo.updateRecord(db, id, patch.version, { name, note: patch.note }, tx.now().toISOString()))) throw ${P}Errors.staleRecord({ id });
    tx.audit({ action: '${name}.record.updated', objectType: '${name}.record', objectId: id, orgId: before.orgId, changes });
    return (await toViews(tx, [(await repo.findRecord(db, id))!]))[0];
  });
}

/** The contract other modules get (contract/service.ts). */
export const ${C}Service: ${P}Contract = {
  countIn: (db, orgPath) => repo.countIn(${C}Db(db), orgPath),
};
`;

  files[`server/${name}.routes.ts`] = `import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Page, routeAccess } from '#kernel';
import { ${P}Permissions } from '../contract/permissions.ts';
import { ${P}Record, RecordBody, RecordIdParams, RecordPatch, RecordQuery } from '../contract/record.schema.ts';
import * as service from './${name}.service.ts';

const tags = ['${name}'];

/** Thin: validation by the schemas, rules and scope checks in the service. */
export function register${P}Routes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const read = { access: routeAccess.permission(${P}Permissions.read) };
  const manage = { access: routeAccess.permission(${P}Permissions.manage) };

  app.get('/api/${name}/records', { schema: { tags, summary: '${zh}列表', querystring: RecordQuery, response: { 200: Page(${P}Record) } }, config: read },
    (req) => service.listRecords(req.ctx, req.query));
  app.post('/api/${name}/records', { schema: { tags, summary: '新建${zh}', body: RecordBody, response: { 201: ${P}Record } }, config: manage },
    async (req, reply) => reply.code(201).send(await service.createRecord(req.ctx, req.body)));
  app.get('/api/${name}/records/:id', { schema: { tags, summary: '${zh}详情', params: RecordIdParams, response: { 200: ${P}Record } }, config: read },
    (req) => service.getRecord(req.ctx, req.params.id));
  app.patch('/api/${name}/records/:id', { schema: { tags, summary: '修改${zh}', params: RecordIdParams, body: RecordPatch, response: { 200: ${P}Record } }, config: manage },
    (req) => service.updateRecord(req.ctx, req.params.id, req.body));
}
`;

  files[`server/${name}.routes.int.test.ts`] = `import { expect, it } from 'vitest';
import { describeOnEngines, type TestApp } from '../../../apps/server/src/testing/test-app.ts';

describeOnEngines('${name} records', (h: () => TestApp) => {
  it('lets a county administrator create, list, read and change records of the county, audited', async () => {
    const admin = await h().signInAs('${prefix}-county', 'GB130102', ['org_admin']);
    const county = await h().orgId('GB130102');
    const created = await admin.request('POST', '/api/${name}/records', { orgId: county, name: '  第一  记录 ', note: null });
    expect(created.statusCode).toBe(201);
    const record = created.json();
    expect(record).toMatchObject({ orgId: county, name: '第一 记录', version: 1 });
    expect((await admin.request('GET', '/api/${name}/records?q=第一')).json()).toMatchObject({ total: 1, items: [{ id: record.id }] });
    const changed = await admin.request('PATCH', \`/api/${name}/records/\${record.id}\`, { version: 1, note: '备注' });
    expect(changed.json()).toMatchObject({ note: '备注', version: 2 });
    const stale = await admin.request('PATCH', \`/api/${name}/records/\${record.id}\`, { version: 1, note: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('${name}.record_changed');
    const audit = (await h().system().db.selectFrom('core_audit_events').select('action').where('object_id', '=', record.id).execute()).map((r: { action: string }) => r.action);
    expect(audit.sort()).toEqual(['${name}.record.created', '${name}.record.updated']);
  });

  it('keeps records of another county out of reach: not listed, not found, not creatable there', async () => {
    const other = await h().signInAs('${prefix}-other', 'GB130104', ['org_admin']);
    const admin = await h().signInAs('${prefix}-owner', 'GB130102', ['org_admin']);
    const record = (await admin.request('POST', '/api/${name}/records', { orgId: await h().orgId('GB130102'), name: '县内记录' })).json();
    expect((await other.request('GET', '/api/${name}/records')).json().items.map((r: { id: string }) => r.id)).not.toContain(record.id);
    expect((await other.request('GET', \`/api/${name}/records/\${record.id}\`)).statusCode).toBe(404);
    const refused = await other.request('POST', '/api/${name}/records', { orgId: await h().orgId('GB130102'), name: '越权' });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('${name}.org_not_found');
  });

  it('refuses a duplicate name in one org with a message naming it', async () => {
    const admin = await h().signInAs('${prefix}-dup', 'GB130102', ['org_admin']);
    const county = await h().orgId('GB130102');
    await admin.request('POST', '/api/${name}/records', { orgId: county, name: '重名' });
    const again = await admin.request('POST', '/api/${name}/records', { orgId: county, name: '重名' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: '${name}.name_taken' });
    expect(again.json().detail).toContain('重名');
  });
});
`;

  files['cli/commands.ts'] = `import type { CliCommand } from '#kernel';
import { ${C}Db } from '../server/${name}.tables.ts';
import { countIn } from '../server/${name}.repo.ts';

export const ${C}Commands: Record<string, CliCommand> = {
  '${name} count': {
    summary: '${name}:cli.count.summary',
    needsPlatform: true,
    async run({ ctx, out, text }) {
      out(text('${name}:cli.count.line', { count: await countIn(${C}Db(ctx!.db), '/') }));
      return 0;
    },
  },
};
`;

  files['web/api.ts'] = `import { api } from '#ui';
import type { ${P}Record, RecordBody, RecordPatch } from '../contract/record.schema.ts';

export type { ${P}Record };

/** The HTTP calls behind the ${name} pages; the types come from the contract the server validates with. */
export const ${C}Api = {
  listUrl: '/api/${name}/records',
  create: (body: RecordBody) => api.post<${P}Record>('/api/${name}/records', body),
  update: (id: string, patch: RecordPatch) => api.patch<${P}Record>(\`/api/${name}/records/\${encodeURIComponent(id)}\`, patch),
};
`;

  files['web/index.ts'] = `import { lazy } from 'react';
import { defineWebModule } from '#ui/web-module.ts';
import zh from '../locales/zh-CN.json';
import en from '../locales/en.json';

export const ${C}Web = defineWebModule({
  id: '${name}',
  menu: [{ path: '/${name}', label: '${name}:web.menu', permission: '${name}.record.read', order: 60 }],
  routes: [{ path: '/${name}', title: '${name}:web.menu', permission: '${name}.record.read', page: lazy(() => import('./pages/record-list-page.tsx')) }],
  locales: { 'zh-CN': zh, en },
});
`;

  files['web/pages/record-list-page.tsx'] = `import { useState } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { DataTable, PageShell, type DataColumn } from '#ui';
import { ${C}Api, type ${P}Record } from '../api.ts';

/** The records the caller may read, newest first, searchable by name. */
export default function RecordListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const columns: DataColumn<${P}Record>[] = [
    { key: 'name', title: t('${name}:web.column.name'), render: (_, r) => r.name },
    { key: 'org', title: t('${name}:web.column.org'), render: (_, r) => r.orgName },
    { key: 'updatedAt', title: t('${name}:web.column.updatedAt'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm')}</span> },
  ];
  return (
    <PageShell title={t('${name}:web.title')} description={t('${name}:web.description')}>
      <Input.Search allowClear placeholder={t('${name}:web.search')} onSearch={setQ} style={{ maxWidth: 320, marginBottom: 12 }} />
      <DataTable<${P}Record> id="${name}-records" url={${C}Api.listUrl} query={q ? { q } : {}} columns={columns} rowKey={(r) => r.id} emptyDescription={t('${name}:web.empty')} />
    </PageShell>
  );
}
`;

  const locale = (lang) => {
    const zhText = lang === 'zh-CN';
    return `${JSON.stringify(
      {
        errors: {
          [`${name}.record_not_found`]: zhText ? '记录 {{id}} 不存在' : 'Record {{id}} does not exist',
          [`${name}.org_not_found`]: zhText
            ? '单位 {{id}} 不存在或不在您的管理范围内'
            : 'Org {{id}} does not exist or is outside your scope',
          [`${name}.name_taken`]: zhText ? '本单位已有名为“{{name}}”的记录' : 'This org already has a record named "{{name}}"',
          [`${name}.record_changed`]: zhText
            ? '记录 {{id}} 已被他人修改，请刷新后重试'
            : 'Record {{id}} was changed by someone else; reload and try again',
        },
        cli: {
          count: zhText
            ? { summary: `统计${zh}数量`, line: '共 {{count}} 条记录' }
            : { summary: `Count ${name} records`, line: '{{count}} records' },
        },
        web: {
          menu: zhText ? zh : name,
          title: zhText ? zh : name,
          description: zhText ? `本单位及下级单位的${zh}` : `${name} records of your org and the orgs below it`,
          search: zhText ? '按名称搜索' : 'Search by name',
          empty: zhText ? `还没有${zh}` : 'No records yet',
          column: zhText ? { name: '名称', org: '所属单位', updatedAt: '更新时间' } : { name: 'Name', org: 'Org', updatedAt: 'Updated' },
        },
      },
      null,
      2,
    )}\n`;
  };
  files['locales/zh-CN.json'] = locale('zh-CN');
  files['locales/en.json'] = locale('en');
  return files;
}

function register(root, { name, prefix }) {
  const C = camel(name);
  const P = pascal(name);
  insertAtMarker(
    path.join(root, 'apps/server/src/modules.ts'),
    '// @new-module:import',
    `import { ${C}Module } from '../../../modules/${name}/module.ts';\n`,
  );
  insertAtMarker(path.join(root, 'apps/server/src/modules.ts'), '// @new-module:entry', `  ${C}Module,\n`);
  insertAtMarker(
    path.join(root, 'apps/web/src/modules.ts'),
    '// @new-module:import',
    `import { ${C}Web } from '../../../modules/${name}/web/index.ts';\n`,
  );
  insertAtMarker(path.join(root, 'apps/web/src/modules.ts'), '// @new-module:entry', `  ${C}Web,\n`);
  const matrix = path.join(root, 'apps/server/src/authorization-matrix.int.test.ts');
  insertAtMarker(
    matrix,
    '// @new-module:import',
    `import { createRecord as create${P}Record } from '../../../modules/${name}/server/${name}.service.ts';\n`,
  );
  const record = `(await create${P}Record(f.h.system(), { orgId: await f.hebeiCounty(), name: \`矩阵记录\${Date.now()}\${Math.random()}\` })).id`;
  insertAtMarker(
    matrix,
    '// @new-module:entries',
    [
      `  'GET /api/${name}/records': { kind: 'list', request: async (f) => { await create${P}Record(f.h.system(), { orgId: await f.hebeiCounty(), name: \`矩阵记录\${Date.now()}\` }); return { method: 'GET', url: '/api/${name}/records?pageSize=100' }; }, hebeiRows: (b) => b.items.filter((r: { name: string }) => r.name.startsWith('矩阵记录')).length },`,
      `  'POST /api/${name}/records': { kind: 'scoped', request: async (f) => ({ method: 'POST', url: '/api/${name}/records', body: { orgId: await f.hebeiCounty(), name: \`矩阵新建\${Date.now()}\` } }) },`,
      `  'GET /api/${name}/records/:id': { kind: 'scoped', request: async (f) => ({ method: 'GET', url: \`/api/${name}/records/\${${record}}\` }) },`,
      `  'PATCH /api/${name}/records/:id': { kind: 'scoped', request: async (f) => ({ method: 'PATCH', url: \`/api/${name}/records/\${${record}}\`, body: { version: 1, note: '矩阵' } }) },`,
      '',
    ].join('\n'),
  );
  return prefix;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const { name, root } = args;
  if (!name) fail('usage: npm run new-module -- <name> [--prefix <p>] [--zh <中文名>]');
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) fail(`"${name}" is not a module id: lower-case words joined by "-", e.g. app-filing`);
  const dir = path.join(root, 'modules', name);
  if (existsSync(dir)) fail(`modules/${name} already exists`);
  const prefix =
    args.prefix ??
    name
      .split('-')
      .map((w) => w[0])
      .join('');
  if (!/^[a-z][a-z0-9]{1,5}$/.test(prefix)) fail(`table prefix "${prefix}" must be 2–6 lower-case letters or digits (--prefix)`);
  if (usedPrefixes(root).has(prefix)) fail(`table prefix "${prefix}" is taken by another module; choose one with --prefix`);
  const zh = args.zh ?? name;
  for (const [file, text] of Object.entries(moduleFiles({ name, prefix, zh }))) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  register(root, { name, prefix });
  // The written files take the repository's format (biome.json), so the format check passes untouched.
  const touched = [dir, 'apps/server/src/modules.ts', 'apps/web/src/modules.ts', 'apps/server/src/authorization-matrix.int.test.ts'].map(
    (f) => path.resolve(root, f),
  );
  const biome = spawnSync(path.join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', ...touched], {
    cwd: root,
    stdio: 'inherit',
  });
  if (biome.status !== 0) fail('biome could not format the written files');
  process.stdout.write(
    `modules/${name} written (tables ${prefix}_*), registered on the server, in the console and in the authorization matrix.\nNext: npm test -- modules/${name}\n`,
  );
}

main();
