import type { Ctx } from '#kernel';
import { CampaignPermissions } from '../contract/permissions.ts';
import * as repo from './campaign.repo.ts';
import { CampaignErrors } from '../contract/errors.ts';

/** Every subtree the caller takes part in, whatever the role: where open campaigns above them show. */
export const memberPaths = (ctx: Ctx): string[] => [...new Set(Object.values(CampaignPermissions).flatMap((p) => ctx.access.scopes(p)))];

export const canManage = (ctx: Ctx, c: repo.CampaignRow) => ctx.access.can(CampaignPermissions.manage, c.org_path);
export const canReadAll = (ctx: Ctx, c: repo.CampaignRow) => ctx.access.can(CampaignPermissions.read, c.org_path) || canManage(ctx, c);

/** Whether the caller may see the campaign: its organisers and readers above, or anyone inside it once it is open. */
export function canSee(ctx: Ctx, c: repo.CampaignRow): boolean {
  if (canReadAll(ctx, c)) return true;
  return c.status !== 'draft' && memberPaths(ctx).some((p) => p.startsWith(c.org_path));
}

/** The campaign if the caller may see it; not_found otherwise, so drafts and other regions stay private. */
export async function visibleCampaign(ctx: Ctx, id: string): Promise<repo.CampaignRow> {
  const c = await repo.findCampaign(ctx.db, id);
  if (!c || !canSee(ctx, c)) throw CampaignErrors.campaignNotFound({ id });
  return c;
}

/** The campaign if the caller organises it (manage permission on its org). */
export async function managedCampaign(ctx: Ctx, id: string): Promise<repo.CampaignRow> {
  const c = await visibleCampaign(ctx, id);
  ctx.access.require(CampaignPermissions.manage, c.org_path);
  return c;
}

/** The application subtrees the caller may read in a campaign: all for organisers, their read scopes otherwise. */
export function applicationScopes(ctx: Ctx, c: repo.CampaignRow): string[] | 'all' {
  if (canReadAll(ctx, c)) return 'all';
  return [...ctx.access.scopes(CampaignPermissions.read), ...ctx.access.scopes(CampaignPermissions.recommend)];
}
