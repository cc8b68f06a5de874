import type { Ctx } from '#kernel';
import type { AuditCheckpoint } from '../contract/audit.schema.ts';
import { GENESIS_HASH } from './chain.ts';
import { walkChain } from './chain.walk.ts';
import { auditCheckpointDir, checkpointSigningKeys, logCheckpoint, signCheckpoint } from './checkpoint.ts';
import { appendCheckpoint, readLatestCheckpoint } from './checkpoint.file.ts';
import { countEvents, hashesAt, readHead } from './audit.repo.ts';

/** Even a chain that did not grow gets a checkpoint this often, so that silence is visible too. */
export const CHECKPOINT_HEARTBEAT_MS = 24 * 3600 * 1000;

export type CheckpointOutcome = { written: true; checkpoint: AuditCheckpoint; file: string } | { written: false; latest: AuditCheckpoint };

/** A failure a checkpoint run must not paper over; its message is what the job history and the CLI show. */
export class CheckpointRefused extends Error {}

/**
 * Signs the chain's current end and appends it to the checkpoint file and the log, when the
 * chain grew since the newest checkpoint, when that one is a day old, or when `force` says so.
 * It first verifies the records added since the newest checkpoint, starting from that
 * checkpoint's hash, so a checkpoint never vouches for a chain that was cut or altered since the
 * one before; on the first run that is the whole chain. Writes nothing to the database.
 */
export async function writeAuditCheckpoint(ctx: Ctx, options: { force?: boolean } = {}): Promise<CheckpointOutcome> {
  const keys = checkpointSigningKeys();
  const dir = auditCheckpointDir();
  const latest = readLatestCheckpoint(dir, keys.publicKey);
  // The head bounds the walk: records appended meanwhile wait for the next checkpoint.
  const head = await readHead(ctx.db);
  const headSeq = Number(head.seq);
  const now = ctx.now();
  if (latest && headSeq < latest.seq) {
    throw new CheckpointRefused(
      `审计链短于上一个检查点：检查点序号 ${latest.seq}，链头序号 ${headSeq}。审计记录可能被截断，请保全数据库并报告安全管理员。`,
    );
  }
  const isDue = !latest || headSeq > latest.seq || now.getTime() - Date.parse(latest.at) >= CHECKPOINT_HEARTBEAT_MS;
  if (latest && !isDue && !options.force) return { written: false, latest };

  if (latest && latest.seq > 0 && (await hashesAt(ctx.db, [latest.seq])).get(latest.seq) !== latest.hash) {
    throw new CheckpointRefused(
      `序号 ${latest.seq} 的审计记录与上一个检查点不符（缺失或被改动），不签发新的检查点。请运行 educloud audit verify --checkpoint 查明。`,
    );
  }
  let recordAt = latest?.recordAt ?? null;
  const walk = await walkChain(ctx.db, latest ? { seq: latest.seq, hash: latest.hash } : { seq: 0, hash: GENESIS_HASH }, {
    untilSeq: headSeq,
    visit: (row) => {
      recordAt = row.at;
    },
  });
  if (!walk.ok) throw new CheckpointRefused(`审计哈希链在序号 ${walk.break.seq} 处断裂（${walk.break.reason}），不签发新的检查点。`);
  if (walk.state.seq !== headSeq || walk.state.hash !== head.hash) {
    throw new CheckpointRefused(`审计链尾与链头记录不符（链头序号 ${headSeq}，最后一条记录序号 ${walk.state.seq}），不签发新的检查点。`);
  }
  const checkpoint = signCheckpoint(keys, {
    seq: headSeq,
    hash: head.hash,
    count: await countEvents(ctx.db, headSeq),
    recordAt,
    at: now.toISOString(),
  });
  const file = appendCheckpoint(dir, checkpoint);
  logCheckpoint(checkpoint);
  return { written: true, checkpoint, file };
}
