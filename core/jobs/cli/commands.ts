import type { CliCommand } from '#kernel';
import { registeredJobs } from '../server/job-registry.ts';
import { listJobs, runJobHere } from '../server/job.service.ts';
import { newInstanceId, Scheduler } from '../server/scheduler.ts';

/** "每 15 分钟", "每 24 小时": the period as the console shows it. */
export function describeEvery(seconds: number): string {
  if (seconds % 86400 === 0) return `每 ${seconds / 86400} 天`;
  if (seconds % 3600 === 0) return `每 ${seconds / 3600} 小时`;
  if (seconds % 60 === 0) return `每 ${seconds / 60} 分钟`;
  return `每 ${seconds} 秒`;
}

const STATUS = { ok: '成功', failed: '失败' } as const;

export const jobsCommands: Record<string, CliCommand> = {
  'jobs list': {
    summary: '列出定时任务：周期、下次运行时间、上次结果',
    needsPlatform: true,
    async run({ ctx, out }) {
      const jobs = await listJobs(ctx!);
      for (const j of jobs) {
        const last = j.lastStatus ? `${STATUS[j.lastStatus]}${j.lastError ? `：${j.lastError}` : ''}` : '尚未运行';
        out(`${j.id}  ${j.label.zh}  ${describeEvery(j.everySeconds)}  下次 ${j.nextRunAt ?? '—'}${j.isPaused ? '  已暂停' : ''}  上次 ${last}`);
      }
      out(`共 ${jobs.length} 个定时任务。`);
      return 0;
    },
  },
  'jobs run': {
    summary: '在本进程立即运行一次定时任务（与服务实例共用租约，不会重复运行）',
    needsPlatform: true,
    async run({ positionals, ctx, host, out, err }) {
      const id = positionals[0];
      if (!id) { err('用法：educloud jobs run <任务编号>（编号见 educloud jobs list）'); return 2; }
      // The run acts as the command line's user, like every other CLI change.
      const scheduler = new Scheduler({
        db: host!.db, jobs: registeredJobs(), host: host!, runCtx: () => ctx!, clock: () => ctx!.now(), instanceId: `cli:${newInstanceId()}`,
      });
      const outcome = await runJobHere(ctx!, scheduler, id);
      if (!outcome) { err(`定时任务 ${id} 正在其他实例上运行，请稍后再试。`); return 1; }
      if (outcome.status === 'failed') { err(`定时任务 ${id} 运行失败（第 ${outcome.attempt} 次尝试）：${outcome.error}`); return 1; }
      out(`定时任务 ${id} 运行成功${outcome.summary ? `：${outcome.summary}` : '。'}`);
      return 0;
    },
  },
};
