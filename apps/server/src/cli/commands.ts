import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { createMigrator, type Actor, type CliCommand } from '#kernel';
import { runAuditCheckpoint, runAuditVerify } from '#core/audit/cli/commands.ts';
import { importOrgs } from '#core/orgs/server/org.import.ts';
import { readOrgRows } from '#core/orgs/server/org.file.ts';
import { findOrgByCode } from '#core/orgs/server/org.repo.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { grantByCode } from '#core/access/server/access.service.ts';
import type { Config } from '../config.ts';
import { migrationDirs, openPlatform, preparePlatform, type Platform } from '../platform.ts';
import { serve } from '../serve.ts';
import { modules as enabledModules } from '../modules.ts';
import { runDemo } from '../demo/demo.ts';
import { textFor } from '../messages.ts';

export interface CommandInput {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  config: Config;
  actor: Actor;
  out(line: string): void;
  err(line: string): void;
  text(key: string, params?: Record<string, unknown>): string;
}

export interface Command {
  options?: ParseArgsConfig['options'];
  run(input: CommandInput): Promise<number>;
}

import { UsageError } from './usage-error.ts';

async function withPlatform<T>(config: Config, fn: (p: Platform) => Promise<T>, prepare = true): Promise<T> {
  const platform = openPlatform(config);
  try {
    if (prepare) await preparePlatform(platform);
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

function required(values: CommandInput['values'], name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`缺少参数 --${name}`);
  return v.trim();
}

/** Wraps a module's CLI verb: opens the platform first when the verb needs one. */
function fromModule(c: CliCommand): Command {
  return {
    options: c.options,
    run: ({ values, positionals, config, actor, out, err, text }) =>
      c.needsPlatform
        ? withPlatform(config, (p) => c.run({ values, positionals, out, err, text, ctx: p.systemCtx(actor), host: p.host }))
        : c.run({ values, positionals, out, err, text }),
  };
}

export const moduleCommands = (): Record<string, Command & { summary: string }> =>
  Object.fromEntries(
    enabledModules.flatMap((m) =>
      Object.entries(m.cli ?? {}).map(([name, c]) => [name, { ...fromModule(c), summary: textFor(c.summary) }]),
    ),
  );

export const commands: Record<string, Command> = {
  serve: { run: async ({ config, out }) => serve(config, out) },

  'db migrate': {
    run: ({ config, out }) =>
      withPlatform(
        config,
        async (p) => {
          const { migrated } = await preparePlatform(p);
          out(migrated.length ? `已执行 ${migrated.length} 个迁移：\n  ${migrated.join('\n  ')}` : '数据库已是最新，无待执行迁移。');
          return 0;
        },
        false,
      ),
  },

  'db status': {
    run: ({ config, out }) =>
      withPlatform(
        config,
        async (p) => {
          const list = await createMigrator(p.database.db, migrationDirs(p.modules)).getMigrations();
          for (const m of list)
            out(`${m.executedAt ? '已执行' : '待执行'}  ${m.name}${m.executedAt ? `  ${m.executedAt.toISOString()}` : ''}`);
          const pending = list.filter((m) => !m.executedAt).length;
          out(`共 ${list.length} 个迁移，待执行 ${pending} 个（${p.database.engine}）。`);
          return 0;
        },
        false,
      ),
  },

  'org import': {
    options: { 'dry-run': { type: 'boolean' } },
    run: async ({ positionals, values, config, actor, out, err }) => {
      const file = positionals[0];
      if (!file) throw new UsageError('用法：educloud org import <文件.csv|文件.xlsx> [--dry-run]');
      if (!existsSync(file)) throw new UsageError(`文件不存在：${file}`);
      const rows = await readOrgRows(file, await readFile(file));
      return withPlatform(config, async (p) => {
        const report = await importOrgs(p.systemCtx(actor), rows, { dryRun: !!values['dry-run'] });
        out(
          `${report.dryRun ? '试运行：' : ''}共 ${report.total} 行，新增 ${report.created}，更新 ${report.updated}，未变 ${report.unchanged}，错误 ${report.errors.length}。`,
        );
        for (const e of report.errors.slice(0, 50)) err(`  第 ${e.row} 行 ${e.field ?? ''}${e.value ? `="${e.value}"` : ''}: ${e.code}`);
        if (report.errors.length > 50) err(`  …另有 ${report.errors.length - 50} 个错误`);
        return report.errors.length > 0 ? 1 : 0;
      });
    },
  },

  'user create': {
    options: {
      account: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      'id-number': { type: 'string' },
      phone: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
    },
    run: async ({ values, config, actor, out }) => {
      const account = required(values, 'account');
      const realName = required(values, 'name');
      const orgCode = required(values, 'org');
      return withPlatform(config, async (p) => {
        const ctx = p.systemCtx(actor);
        const org = await findOrgByCode(ctx.db, orgCode);
        if (!org) throw new UsageError(`找不到机构代码 ${orgCode}`);
        const created = await createUser(ctx, {
          account,
          realName,
          orgId: org.id,
          idNumber: values['id-number'] as string | undefined,
          phone: values.phone as string | undefined,
          email: values.email as string | undefined,
        });
        if (typeof values.role === 'string') await grantByCode(ctx, created.user.id, values.role, org.id);
        out(`已创建用户 ${created.user.account}（${created.user.realName}，${org.name}）${values.role ? `，角色 ${values.role}` : ''}`);
        if (created.initialPassword) out(`初始密码（只显示这一次，首次登录须修改）：${created.initialPassword}`);
        return 0;
      });
    },
  },

  'audit verify': {
    options: { checkpoint: { type: 'string' }, 'gap-days': { type: 'string' } },
    run: ({ values, config, out, err }) =>
      withPlatform(
        config,
        (p) =>
          runAuditVerify(
            p.systemCtx(),
            {
              checkpoint: values.checkpoint as string | undefined,
              gapDays: values['gap-days'] as string | undefined,
            },
            out,
            err,
          ),
        false,
      ),
  },

  'audit checkpoint': {
    run: ({ config, out, err }) => withPlatform(config, (p) => runAuditCheckpoint(p.systemCtx(), out, err), false),
  },

  demo: {
    run: ({ config, actor, out }) => withPlatform(config, (p) => runDemo(p, actor, out)),
  },
  ...moduleCommands(),
};
