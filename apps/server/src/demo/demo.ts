import type { Kysely } from 'kysely';
import type { Actor } from '#kernel';
import { checkPasswordPolicy } from '#core/auth/server/password.ts';
import { findOrgsByCodes } from '#core/orgs/server/org.repo.ts';
import { FIRST_ADMIN_ACCOUNT } from '../first-admin.ts';
import { messageFor } from '../messages.ts';
import type { Platform } from '../platform.ts';
import { DEFAULT_DEMO_PASSWORD, DEMO_REGIONS } from './demo-data.ts';
import { planDemo } from './demo-plan.ts';
import { printDemoSummary } from './demo-summary.ts';
import { writeDemoPlan, type OrgRef } from './demo-writer.ts';
import * as repo from './demo.repo.ts';

/** The one password every sample account shares. */
export function demoPassword(env: Record<string, string | undefined> = process.env): { value: string; fromEnv: boolean } {
  const fromEnv = env.EDUCLOUD_DEMO_PASSWORD;
  return fromEnv ? { value: fromEnv, fromEnv: true } : { value: DEFAULT_DEMO_PASSWORD, fromEnv: false };
}

/**
 * `educloud demo`: fills a freshly migrated database with the same sample schools, people and
 * grants every time, all marked as sample data; refuses (exit 1, nothing changed) otherwise.
 */
export async function runDemo(platform: Platform, actor: Actor, out: (line: string) => void): Promise<number> {
  const password = demoPassword();
  const plan = planDemo();
  const weak = plan.people.find((p) => checkPasswordPolicy(password.value, { account: p.account, realName: p.realName }).length > 0);
  if (weak) {
    out(`示例密码不可用（账号 ${weak.account}）：${messageFor('auth.password_policy')}。请修改环境变量 EDUCLOUD_DEMO_PASSWORD。`);
    return 1;
  }
  const ctx = platform.systemCtx(actor);
  const refusal = await ctx.transaction(async (tx) => {
    const reason = await reasonNotFresh(tx.db);
    if (reason) return reason;
    const authorities = await findAuthorities(tx.db);
    if (typeof authorities === 'string') return authorities;
    await writeDemoPlan(tx, plan, authorities, password.value);
    return null;
  });
  if (refusal) {
    out(`未写入示例数据：${refusal}`);
    return 1;
  }
  printDemoSummary(out, await repo.countSampleData(ctx.db), plan, password);
  return 0;
}

/** Why this database is not fresh (sample data, or users besides the first admin); null if it is. */
async function reasonNotFresh(db: Kysely<any>): Promise<string | null> {
  const sampleOrg = await repo.findSampleOrg(db);
  const sampleUser = await repo.findSampleUser(db);
  if (sampleOrg || sampleUser) {
    return `数据库中已有示例数据（如${sampleOrg ? `机构 ${sampleOrg.name}` : `账号 ${sampleUser!.account}`}）。示例数据只写入一次，且只写入全新的数据库。`;
  }
  const other = await repo.findUserOtherThan(db, FIRST_ADMIN_ACCOUNT);
  if (other) return `数据库中已有首个管理员之外的用户（如账号 ${other.account}）。示例数据只写入全新的数据库，以免与真实数据混在一起。`;
  return null;
}

/** The reference orgs (provinces, cities, counties) the sample hangs under, by code. */
async function findAuthorities(db: Kysely<any>): Promise<Map<string, OrgRef> | string> {
  const codes = DEMO_REGIONS.flatMap((p) => [p.code, p.city.code, ...p.city.counties.map((c) => c.code)]);
  const rows = await findOrgsByCodes(db, codes);
  const missing = codes.filter((code) => !rows.some((r) => r.code === code));
  if (missing.length > 0) return `找不到参考机构 ${missing.join('、')}。请先运行 educloud db migrate 载入参考数据。`;
  return new Map(rows.map((r) => [r.code, { id: r.id, path: r.path }]));
}
