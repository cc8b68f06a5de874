import type { Ctx, WorkflowDefinition, WorkflowTransition } from '#kernel';
import type { LevelQuota } from '../contract/campaign-rules.ts';
import { CampaignPermissions } from '../contract/permissions.ts';
import { allowedRecommendations } from './level-quota.ts';
import { rulesOf } from './campaign.service.ts';
import * as repo from './campaign.repo.ts';
import * as quotas from './quota.repo.ts';
import { CampaignErrors } from '../contract/errors.ts';

export const RECOMMENDATION_WORKFLOW = 'campaigns.recommendation';
export const APPLICATION_SUBJECT = 'campaigns.application';

export type Level = LevelQuota['level'];
export const LEVELS: Level[] = ['county', 'city', 'province'];
export const AUTHORITY_OF: Record<Level | 'ministry', string> = {
  county: 'county_authority',
  city: 'city_authority',
  province: 'provincial_authority',
  ministry: 'ministry',
};

/** The authority of `level` strictly above the org at the end of `path` (as the workflow routes it). */
export async function authorityAbove(ctx: Ctx, path: string, level: Level) {
  const chain = await repo.orgsOnPath(ctx.db, path);
  return (
    chain
      .slice(0, -1)
      .reverse()
      .find((o) => o.type === AUTHORITY_OF[level]) ?? null
  );
}

/**
 * How many applications have reached the `level` authority at `path` (see quotas.receivedAt):
 * what its share-based quota is a share of. It counts what has arrived so far, so a share's
 * places grow as lower levels forward more; places already used are never taken back when
 * returns or withdrawals make it shrink.
 */
export const receivedAt = (ctx: Ctx, campaignId: string, path: string, level: Level) =>
  quotas.receivedAt(
    ctx.db,
    campaignId,
    path,
    LEVELS.slice(0, LEVELS.indexOf(level)).map((l) => ({ level: l, orgType: AUTHORITY_OF[l] })),
  );

/** Takes one of the authority's recommendation places for the application; refuses when its quota is used up. */
async function takePlace(ctx: Ctx, app: repo.ApplicationRow, level: Level): Promise<void> {
  const campaign = (await repo.findCampaign(ctx.db, app.campaign_id))!;
  const authority = await authorityAbove(ctx, app.org_path, level);
  if (!authority) return;
  const quota = rulesOf(campaign).levelQuotas.find((q) => q.level === level);
  if (quota) {
    const authorityPath = app.org_path.slice(0, app.org_path.indexOf(`/${authority.id}/`) + authority.id.length + 2);
    const received = await receivedAt(ctx, campaign.id, authorityPath, level);
    const allowed = allowedRecommendations(quota, received);
    if (!(await quotas.takeSlot(ctx.db, campaign.id, authority.id, level, allowed))) {
      throw CampaignErrors.levelQuotaFull({ level, org: authority.name, allowed, received });
    }
  }
  await quotas.recordRecommendation(ctx.db, { application_id: app.id, level, org_id: authority.id, at: ctx.now().toISOString() });
}

/** Gives back the places an application held at these levels (returned below them, or withdrawn). */
async function releasePlaces(ctx: Ctx, app: repo.ApplicationRow, levels: Level[]): Promise<void> {
  for (const r of await quotas.recommendationsOf(ctx.db, app.id)) {
    if (!levels.includes(r.level as Level)) continue;
    await quotas.deleteRecommendation(ctx.db, app.id, r.level);
    await quotas.releaseSlot(ctx.db, app.campaign_id, r.org_id, r.level);
  }
}

const from = (step: string | null): Level[] => (step === null ? LEVELS : LEVELS.slice(LEVELS.indexOf(step as Level)));

/**
 * Keeps an application in step with its review (called inside the workflow's transaction, so a
 * refusal here undoes the approval): an approval that moves past a level takes one of that
 * authority's places; returning or withdrawing gives them back; the outcome sets its status.
 */
export async function onRecommendationTransition(ctx: Ctx, change: WorkflowTransition): Promise<void> {
  const app = await repo.findApplication(ctx.db, change.subjectId);
  if (!app) return;
  const at = ctx.now().toISOString();
  const passed =
    change.operation === 'approve' && change.fromStep !== null && (change.toStep !== change.fromStep || change.state === 'approved');
  if (passed && LEVELS.includes(change.fromStep as Level)) await takePlace(ctx, app, change.fromStep as Level);
  if (change.operation === 'return') await releasePlaces(ctx, app, change.state === 'returned' ? LEVELS : from(change.toStep));
  if (change.state === 'withdrawn') await releasePlaces(ctx, app, LEVELS);
  const status = (
    {
      approved: 'recommended',
      rejected: 'not_recommended',
      withdrawn: 'withdrawn',
      returned: 'returned',
      in_progress: 'recommending',
    } as const
  )[change.state];
  if (status !== app.status) {
    await repo.updateApplication(ctx.db, app.id, { status, updated_at: at });
    ctx.audit({
      action: `campaigns.application.${status}`,
      objectType: 'campaigns.application',
      objectId: app.id,
      orgId: app.org_id,
      changes: { status: [app.status, status], step: change.fromStep },
    });
  }
}

/** County, city and province recommend in turn; the organiser's level and those above it are skipped per campaign. */
export const recommendationWorkflow: WorkflowDefinition = {
  id: RECOMMENDATION_WORKFLOW,
  label: { zh: '评选推荐', en: 'Selection recommendation' },
  steps: LEVELS.map((level) => ({
    id: level,
    label: {
      county: { zh: '县级推荐', en: 'County recommendation' },
      city: { zh: '市级推荐', en: 'City recommendation' },
      province: { zh: '省级推荐', en: 'Provincial recommendation' },
    }[level],
    level,
    permission: CampaignPermissions.recommend,
    deadlineHours: 24 * 14,
    reminderHoursBefore: 48,
  })),
  onTransition: onRecommendationTransition,
};
