import type { Config } from './config.ts';
import { jobActor, schedulerFor } from '#core/jobs/server/scheduler.ts';
import { dispatchEvents, dispatchNudge } from '#core/events/server/dispatcher.ts';
import { installCheckpointLog } from '#core/audit/server/checkpoint.ts';
import { buildApp } from './app.ts';
import { ensureFirstAdmin } from './first-admin.ts';
import { openPlatform, preparePlatform } from './platform.ts';
import { buildConsole, consoleIsStale } from './web-console.ts';

/** Migrates, seeds, makes the first administrator if needed, and listens until a signal. */
export async function serve(config: Config, out: (line: string) => void): Promise<number> {
  const platform = openPlatform(config);
  const { migrated } = await preparePlatform(platform);
  if (migrated.length > 0) out(`数据库迁移完成（${platform.database.engine}）：${migrated.length} 个`);
  const admin = await ensureFirstAdmin(platform);
  if (consoleIsStale()) await buildConsole(out);
  const app = await buildApp(platform, { serveConsole: true });
  // A second copy of each checkpoint, for a log collector beyond the reach of this machine's database.
  installCheckpointLog((c) => app.log.info({ auditCheckpoint: c }, `audit.checkpoint seq=${c.seq} hash=${c.hash} count=${c.count}`));
  await app.listen({ host: config.host, port: config.port });
  const address = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  out(`\nEduCloud 教育云已启动：${address}`);
  out(`接口文档：${address}/api/docs`);
  // Started once the port is open and stopped before the database closes, so no run loses its connection.
  const scheduler = config.jobsEnabled
    ? schedulerFor(platform, {
        leaseSeconds: config.jobsLeaseSeconds,
        logger: { warn: (m) => app.log.warn(m), error: (m) => app.log.error(m) },
      })
    : null;
  scheduler?.start(config.jobsIntervalMs);
  // Prompt delivery: a pass right after a commit that published events, beside the events.dispatch job (claims make both safe at once).
  if (scheduler) {
    platform.onEventsPublished(
      dispatchNudge(
        () => dispatchEvents(platform.systemCtx(jobActor('events.dispatch')), platform.host),
        (e) => app.log.warn(`events: dispatching after a commit failed: ${e instanceof Error ? e.message : String(e)}`),
      ),
    );
  }
  out(
    scheduler
      ? `定时任务调度已启动（实例 ${scheduler.instanceId}，每 ${config.jobsIntervalMs / 1000} 秒检查一次）`
      : '定时任务调度已关闭（EDUCLOUD_JOBS=off）',
  );
  if (admin) {
    out(`\n首次启动：已创建平台管理员账号 "${admin.account}"。`);
    out(admin.password ? `初始密码（只显示这一次，请立即登录修改）：${admin.password}` : '密码取自环境变量 EDUCLOUD_ADMIN_PASSWORD。');
    out('管理员首次登录须绑定动态口令（TOTP）。');
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  platform.onEventsPublished(null);
  await scheduler?.stop();
  await app.close();
  await platform.close();
  return 0;
}
