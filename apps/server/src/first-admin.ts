import { findRoot } from '#core/orgs/server/org.repo.ts';
import { createUser } from '#core/users/server/user.service.ts';
import { findUserByAccount } from '#core/users/server/user.repo.ts';
import { grantByCode } from '#core/access/server/access.service.ts';
import type { Platform } from './platform.ts';

export const FIRST_ADMIN_ACCOUNT = 'admin';

/**
 * On first start: the platform administrator, on the root org, with the password from
 * EDUCLOUD_ADMIN_PASSWORD or a random one returned here to be printed once. Never a default.
 */
export async function ensureFirstAdmin(platform: Platform): Promise<{ account: string; password: string | null } | null> {
  const ctx = platform.systemCtx();
  const hasAdmin = await ctx.db
    .selectFrom('core_grants as g')
    .innerJoin('core_roles as r', 'r.id', 'g.role_id')
    .select('g.id')
    .where('r.code', '=', 'platform_admin')
    .limit(1)
    .executeTakeFirst();
  if (hasAdmin) return null;
  const root = await findRoot(ctx.db);
  if (!root) throw new Error('the org tree is empty: migrations and seeds must run first');
  let user = await findUserByAccount(ctx.db, FIRST_ADMIN_ACCOUNT);
  let password: string | null = null;
  if (!user) {
    const created = await createUser(ctx, {
      account: FIRST_ADMIN_ACCOUNT,
      realName: '平台管理员',
      displayName: '平台管理员',
      orgId: root.id,
      ...(platform.config.adminPassword ? { password: platform.config.adminPassword } : {}),
    });
    password = created.initialPassword ?? null;
    user = (await findUserByAccount(ctx.db, FIRST_ADMIN_ACCOUNT))!;
  }
  await grantByCode(ctx, user.id, 'platform_admin', root.id);
  return { account: FIRST_ADMIN_ACCOUNT, password };
}
