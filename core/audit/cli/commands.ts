import { existsSync, readFileSync } from 'node:fs';
import type { Ctx } from '#kernel';
import type { ChainReport } from '../contract/audit.schema.ts';
import { verifyAuditChain } from '../server/audit.service.ts';
import { parseCheckpointLines } from '../server/checkpoint.ts';
import { CheckpointRefused, writeAuditCheckpoint } from '../server/checkpoint.service.ts';

// The host's `educloud audit verify|checkpoint` call these with a Ctx on a database it opened
// without migrating or seeding: a check must not append records to the chain it checks.

type Print = (line: string) => void;

const CHECKPOINT_FAILURES: Record<string, (f: { line: number; seq: number | null }, chainEndSeq: number) => string> = {
  malformed: (f) => `第 ${f.line} 行不是有效的审计检查点`,
  signature_invalid: (f) => `第 ${f.line} 行检查点（序号 ${f.seq}）签名无效：检查点被改动，或不是由 SM2 私钥签发`,
  foreign_key: (f) => `第 ${f.line} 行检查点（序号 ${f.seq}）的签名公钥不是本系统的：检查点不是本系统签发`,
  chain_empty: (f) => `审计链为空，但第 ${f.line} 行检查点记录了序号 ${f.seq}：审计记录被整体删除`,
  chain_shorter: (f, chainEndSeq) => `审计链只到序号 ${chainEndSeq}，短于第 ${f.line} 行检查点的序号 ${f.seq}：链尾记录被删除（截断）`,
  record_missing: (f) => `第 ${f.line} 行检查点的序号 ${f.seq} 记录缺失`,
  hash_mismatch: (f) => `序号 ${f.seq} 的记录哈希与第 ${f.line} 行检查点不符：记录被改动或替换`,
};
const LISTED_FAILURES = 20;

/** `educloud audit verify [--checkpoint <file>] [--gap-days N]`: 0 when intact, 1 otherwise. */
export async function runAuditVerify(
  ctx: Ctx,
  options: { checkpoint?: string; gapDays?: string },
  out: Print,
  err: Print,
): Promise<number> {
  let silentGapDays: number | undefined;
  if (options.gapDays !== undefined) {
    silentGapDays = Number(options.gapDays);
    if (!Number.isInteger(silentGapDays) || silentGapDays < 1 || silentGapDays > 3650)
      return usage(err, `--gap-days 应为 1–3650 之间的整数，实际为 "${options.gapDays}"`);
  }
  let checkpoints: ReturnType<typeof parseCheckpointLines> | undefined;
  if (options.checkpoint !== undefined) {
    if (!existsSync(options.checkpoint)) return usage(err, `检查点文件不存在：${options.checkpoint}`);
    checkpoints = parseCheckpointLines(readFileSync(options.checkpoint, 'utf8'));
    // An empty file proves nothing; passing it would read as "checked against the checkpoints".
    if (checkpoints.length === 0) return usage(err, `检查点文件中没有检查点：${options.checkpoint}`);
  }
  const report = await verifyAuditChain(ctx, { checkpoints, silentGapDays });
  printChain(report, out, err);
  if (report.checkpoints) printCheckpoints(report, out, err);
  for (const g of report.silentGaps ?? []) {
    out(
      `提示：序号 ${g.fromSeq}（${g.from}）${g.toSeq === null ? `至今（${g.to}）` : `与序号 ${g.toSeq}（${g.to}）之间`}约 ${g.days} 天没有审计记录。`,
    );
  }
  return report.ok ? 0 : 1;
}

/** A mistake in how the command was called: said as is, exit 2 like every other usage error. */
function usage(err: Print, message: string): number {
  err(message);
  return 2;
}

function printChain(report: ChainReport, out: Print, err: Print): void {
  // A chain cut and rewound is still internally consistent: "intact" would mislead next to failed checkpoints.
  if (!report.break && (report.checkpoints?.failed ?? 0) > 0)
    err(`审计哈希链自身连贯（已校验 ${report.checked} 条记录，链头序号 ${report.headSeq}），但与检查点不符：`);
  else if (!report.break) out(`审计哈希链完整：已校验 ${report.checked} 条记录，链头序号 ${report.headSeq}。`);
  else err(`审计哈希链断裂：第一处断点在序号 ${report.break.seq}（${report.break.reason}），此前 ${report.checked} 条记录完好。`);
}

function printCheckpoints(report: ChainReport, out: Print, err: Print): void {
  const c = report.checkpoints!;
  const latest = c.latest ? `，最新的为序号 ${c.latest.seq}（${c.latest.at}）` : '';
  if (c.failed === 0) {
    out(`检查点全部相符：已逐一核对 ${c.checked} 个检查点${latest}。`);
    return;
  }
  err(`检查点不符：${c.checked} 个检查点中 ${c.failed} 个未通过${latest}。`);
  for (const f of c.failures.slice(0, LISTED_FAILURES))
    err(`  ${CHECKPOINT_FAILURES[f.reason]?.(f, c.chainEndSeq) ?? `第 ${f.line} 行：${f.reason}`}`);
  if (c.failed > LISTED_FAILURES) err(`  …另有 ${c.failed - LISTED_FAILURES} 个检查点未通过`);
}

/** `educloud audit checkpoint`: signs and appends a checkpoint now, grown or not. */
export async function runAuditCheckpoint(ctx: Ctx, out: Print, err: Print): Promise<number> {
  try {
    const outcome = await writeAuditCheckpoint(ctx, { force: true });
    if (!outcome.written) return 1;
    out(`已签发审计检查点：序号 ${outcome.checkpoint.seq}，共 ${outcome.checkpoint.count} 条记录，写入 ${outcome.file}`);
    out(JSON.stringify(outcome.checkpoint));
    return 0;
  } catch (e) {
    if (!(e instanceof CheckpointRefused)) throw e;
    err(e.message);
    return 1;
  }
}
