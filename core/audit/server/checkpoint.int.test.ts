import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session, type TestApp } from '../../../apps/server/src/testing/test-app.ts';
import { runCliAgainst } from '../../../apps/server/src/testing/run-cli.ts';
import { schedulerFor } from '#core/jobs/server/scheduler.ts';
import { listRuns } from '#core/jobs/server/job.repo.ts';
import type { AuditCheckpoint } from '../contract/audit.schema.ts';
import { GENESIS_HASH } from './chain.ts';
import { checkpointFilePath } from './checkpoint.file.ts';
import { auditCheckpointJob } from './checkpoint.job.ts';
import { checkpointSigningKeys, installCheckpointLog, signCheckpoint } from './checkpoint.ts';
import { sm2KeyPairFromSecret } from '#kernel/crypto/sm2.ts';

const PASSWORD = 'Blue-Harbour-71';
const HOUR = 3600_000;

const checkpointFile = (h: TestApp) => checkpointFilePath(h.platform.config.auditCheckpointDir);
const checkpointLines = (h: TestApp): AuditCheckpoint[] =>
  existsSync(checkpointFile(h))
    ? readFileSync(checkpointFile(h), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];
const headSeq = async (h: TestApp) =>
  Number((await h.platform.database.db.selectFrom('core_audit_head').select('seq').executeTakeFirstOrThrow()).seq);

/** The records after `keep` are deleted and the head row rewound to the record at `keep`: a truncation that leaves a consistent chain. */
async function truncateAfter(h: TestApp, keep: number): Promise<void> {
  const db = h.platform.database.db;
  await db.deleteFrom('core_audit_events').where('seq', '>', keep).execute();
  const last = await db.selectFrom('core_audit_events').select('hash').where('seq', '=', keep).executeTakeFirst();
  await db
    .updateTable('core_audit_head')
    .set({ seq: keep, hash: last?.hash ?? GENESIS_HASH })
    .where('id', '=', 1)
    .execute();
}

async function createUsers(admin: Session, h: TestApp, accounts: string[]): Promise<void> {
  const orgId = await h.orgId('GB130102');
  for (const account of accounts) {
    expect((await admin.request('POST', '/api/users', { account, realName: '检查点用户', orgId, password: PASSWORD })).statusCode).toBe(
      201,
    );
  }
}

describeOnEngines('audit checkpoints written by the job', (h) => {
  it('writes a signed checkpoint of the head, and no second one while the chain does not grow', async () => {
    const logged: AuditCheckpoint[] = [];
    installCheckpointLog((c) => logged.push(c));
    const scheduler = schedulerFor(h().platform, { jobs: [auditCheckpointJob], instanceId: 'checkpoint-test' });
    const [first] = await scheduler.tick();
    expect(first.status).toBe('ok');
    const lines = checkpointLines(h());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      type: 'educloud.audit.checkpoint',
      seq: await headSeq(h()),
      algorithm: 'SM2-SM3',
      userId: '1234567812345678',
    });
    expect(lines[0].count).toBe(lines[0].seq);
    expect(lines[0].publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(logged).toEqual(lines);

    h().advance(HOUR);
    const [second] = await scheduler.tick();
    expect(second).toMatchObject({ status: 'ok', summary: `审计链自序号 ${lines[0].seq} 的检查点以来没有新记录，未签发` });
    expect(checkpointLines(h())).toHaveLength(1);
    expect(logged).toHaveLength(1);
  });

  it('writes the next checkpoint once the chain grew, and one a day even when it did not', async () => {
    const admin = await h().signInAs('job-admin', 'MOE', ['platform_admin']);
    await createUsers(admin, h(), ['grown-a']);
    h().advance(HOUR);
    const scheduler = schedulerFor(h().platform, { jobs: [auditCheckpointJob], instanceId: 'checkpoint-test' });
    await scheduler.tick();
    const lines = checkpointLines(h());
    expect(lines).toHaveLength(2);
    expect(lines[1].seq).toBe(await headSeq(h()));
    expect(lines[1].seq).toBeGreaterThan(lines[0].seq);

    h().advance(25 * HOUR);
    await scheduler.tick();
    const after = checkpointLines(h());
    expect(after).toHaveLength(3);
    expect(after[2].seq).toBe(lines[1].seq);
  });

  it('refuses to sign, and fails the run, after the newest records were cut and the head rewound', async () => {
    const before = checkpointLines(h());
    await truncateAfter(h(), before.at(-1)!.seq - 3);
    h().advance(25 * HOUR);
    const scheduler = schedulerFor(h().platform, { jobs: [auditCheckpointJob], instanceId: 'checkpoint-test' });
    const [outcome] = await scheduler.tick();
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toContain(`审计链短于上一个检查点：检查点序号 ${before.at(-1)!.seq}`);
    expect(checkpointLines(h())).toHaveLength(before.length);
    expect((await listRuns(h().platform.host.db, 'audit.checkpoint', 0, 1)).items[0].status).toBe('failed');
  });
});

describeOnEngines('educloud audit verify --checkpoint', (h) => {
  let admin: Session;
  let file: string;
  let signed: AuditCheckpoint;

  beforeAll(async () => {
    admin = await h().signInAs('verify-admin', 'MOE', ['platform_admin']);
    await createUsers(admin, h(), ['cp-a', 'cp-b', 'cp-c']);
    const cli = await runCliAgainst(h(), ['audit', 'checkpoint']);
    expect(cli.code).toBe(0);
    file = checkpointFile(h());
    signed = checkpointLines(h()).at(-1)!;
    expect(cli.out[0]).toContain(`已签发审计检查点：序号 ${signed.seq}`);
  });

  it('passes an untampered chain that grew after the checkpoint', async () => {
    await createUsers(admin, h(), ['cp-later']);
    expect(await headSeq(h())).toBeGreaterThan(signed.seq);
    const cli = await runCliAgainst(h(), ['audit', 'verify', '--checkpoint', file]);
    expect(cli.err).toEqual([]);
    expect(cli.code).toBe(0);
    expect(cli.out.join('\n')).toContain(`检查点全部相符：已逐一核对 1 个检查点，最新的为序号 ${signed.seq}`);
  });

  it('fails on a checkpoint file altered after signing, naming the line', async () => {
    const altered = join(h().platform.config.dataDir, 'altered.jsonl');
    writeFileSync(altered, `${JSON.stringify(signed)}\n${JSON.stringify({ ...signed, seq: signed.seq - 1 })}\n`);
    const cli = await runCliAgainst(h(), ['audit', 'verify', '--checkpoint', altered]);
    expect(cli.code).toBe(1);
    expect(cli.err.join('\n')).toContain('检查点不符：2 个检查点中 1 个未通过');
    expect(cli.err.join('\n')).toContain(`第 2 行检查点（序号 ${signed.seq - 1}）签名无效`);
  });

  it('passes the API a checkpoint and reports it held', async () => {
    const res = await admin.request('POST', '/api/audit/verify', { checkpoints: [signed] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ok: true,
      checkpoints: { checked: 1, failed: 0, latest: { seq: signed.seq, at: signed.at }, failures: [] },
    });
  });

  it('fails, naming the seq, when the newest records were deleted and the head rewound; plain verify does not see it', async () => {
    await truncateAfter(h(), signed.seq - 2);
    const plain = await runCliAgainst(h(), ['audit', 'verify']);
    expect(plain.code).toBe(0);

    const cli = await runCliAgainst(h(), ['audit', 'verify', '--checkpoint', file]);
    expect(cli.code).toBe(1);
    expect(cli.out.join('\n')).not.toContain('完整');
    expect(cli.err.join('\n')).toContain('审计哈希链自身连贯');
    expect(cli.err.join('\n')).toContain(`审计链只到序号 ${signed.seq - 2}，短于第 1 行检查点的序号 ${signed.seq}：链尾记录被删除（截断）`);
    const res = await admin.request('POST', '/api/audit/verify', { checkpoints: [signed] });
    expect(res.json()).toMatchObject({
      ok: false,
      checkpoints: { failed: 1, chainEndSeq: signed.seq - 2, failures: [{ line: 1, seq: signed.seq, reason: 'chain_shorter' }] },
    });
  });

  it('fails when the record at a checkpoint was replaced, and on a checkpoint signed by another key', async () => {
    const db = h().platform.database.db;
    const row = await db.selectFrom('core_audit_events').select(['hash', 'at']).where('seq', '=', 3).executeTakeFirstOrThrow();
    const statement = { seq: 3, hash: row.hash as string, count: 3, recordAt: row.at as string, at: h().now().toISOString() };
    const older = signCheckpoint(checkpointSigningKeys(), statement);
    const foreign = signCheckpoint(sm2KeyPairFromSecret(Buffer.alloc(32, 5), 'intruder'), statement);
    await db
      .updateTable('core_audit_events')
      .set({ hash: 'f'.repeat(64) })
      .where('seq', '=', 3)
      .execute();
    try {
      const res = await admin.request('POST', '/api/audit/verify', { checkpoints: [older, foreign] });
      expect(res.json().checkpoints.failures).toEqual([
        { line: 1, seq: 3, reason: 'hash_mismatch' },
        { line: 2, seq: 3, reason: 'foreign_key' },
      ]);
    } finally {
      await db.updateTable('core_audit_events').set({ hash: row.hash }).where('seq', '=', 3).execute();
    }
  });

  it('fails when every record was deleted', async () => {
    await truncateAfter(h(), 0);
    const cli = await runCliAgainst(h(), ['audit', 'verify', '--checkpoint', file]);
    expect(cli.code).toBe(1);
    expect(cli.err.join('\n')).toContain(`审计链为空，但第 1 行检查点记录了序号 ${signed.seq}：审计记录被整体删除`);
  });

  it('refuses a missing or empty checkpoint file as a usage error', async () => {
    expect((await runCliAgainst(h(), ['audit', 'verify', '--checkpoint', join(h().platform.config.dataDir, 'nope.jsonl')])).code).toBe(2);
    const empty = join(h().platform.config.dataDir, 'empty.jsonl');
    writeFileSync(empty, '\n');
    const cli = await runCliAgainst(h(), ['audit', 'verify', '--checkpoint', empty]);
    expect(cli.code).toBe(2);
    expect(cli.err[0]).toContain('检查点文件中没有检查点');
  });
});

describeOnEngines('audit verify and silent gaps', (h) => {
  it('lists a stretch with no record longer than the threshold as a warning, over HTTP and from the command line', async () => {
    await createUsers(await h().signInAs('gap-admin', 'MOE', ['platform_admin']), h(), ['before-gap']);
    const last = await headSeq(h());
    h().advance(9 * 24 * HOUR);
    // Signing in again (the old session expired meanwhile) writes the first record after the silence.
    const admin = await h().signIn('gap-admin');

    const res = await admin.request('POST', '/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: true, silentGaps: [{ fromSeq: last, toSeq: last + 1 }] });
    expect(res.json().silentGaps[0].days).toBeGreaterThanOrEqual(9);
    expect((await admin.request('POST', '/api/audit/verify', { silentGapDays: 10 })).json().silentGaps).toBeUndefined();

    const cli = await runCliAgainst(h(), ['audit', 'verify']);
    expect(cli.code).toBe(0);
    expect(cli.out.join('\n')).toMatch(new RegExp(`提示：序号 ${last}（.+）与序号 ${last + 1}（.+）之间约 9(\\.\\d)? 天没有审计记录。`));
    expect((await runCliAgainst(h(), ['audit', 'verify', '--gap-days', '10'])).out.join('\n')).not.toContain('提示');
    expect((await runCliAgainst(h(), ['audit', 'verify', '--gap-days', 'week'])).code).toBe(2);
  });
});
