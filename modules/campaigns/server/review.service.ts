import { fromJson, newId, toJson, type Ctx } from '#kernel';
import type { CampaignRules } from '../contract/campaign-rules.ts';
import type { AddExpertsBody, DrawResult, ExpertCandidate, ExpertView, ReviewView, SubmitReviewBody } from '../contract/review.schema.ts';
import { CampaignPermissions } from '../contract/permissions.ts';
import { assignExperts } from './expert-assignment.ts';
import { managedCampaign } from './campaign-access.ts';
import { rulesOf } from './campaign.service.ts';
import { checkMarks, weightedTotal } from './scoring.ts';
import * as repo from './campaign.repo.ts';
import * as reviews from './review.repo.ts';
import { CampaignErrors } from '../contract/errors.ts';

export async function listExperts(ctx: Ctx, campaignId: string): Promise<ExpertView[]> {
  const c = await managedCampaign(ctx, campaignId);
  const [experts, all] = await Promise.all([reviews.expertsOf(ctx.db, c.id), reviews.reviewsOfCampaign(ctx.db, c.id)]);
  return experts.map((e) => ({
    userId: e.user_id,
    name: e.name,
    orgName: e.org_name,
    categoryCode: e.category_code,
    assigned: all.filter((r) => r.expert_id === e.user_id).length,
    submitted: all.filter((r) => r.expert_id === e.user_id && r.submitted_at).length,
  }));
}

const CANDIDATE_LIMIT = 20;

/**
 * Users the organiser may add to a pool: active holders of the scoring permission anywhere in
 * the tree, not only in the organiser's subtree (rounds draw experts from other regions to keep
 * clear of conflicts of interest). At most 20, by account; each says which pools already hold it.
 */
export async function expertCandidates(ctx: Ctx, campaignId: string, q = ''): Promise<ExpertCandidate[]> {
  const c = await managedCampaign(ctx, campaignId);
  const users = await reviews.expertCandidates(ctx.db, CampaignPermissions.score, q.trim(), CANDIDATE_LIMIT);
  const pools = await reviews.poolsOf(
    ctx.db,
    c.id,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    id: u.id,
    account: u.account,
    name: u.real_name,
    orgName: u.org_name,
    inPools: pools
      .filter((p) => p.user_id === u.id)
      .map((p) => p.category_code)
      .sort(),
  }));
}

/** Adds users holding the expert permission (anywhere) to a category's pool. */
export async function addExperts(ctx: Ctx, campaignId: string, body: AddExpertsBody): Promise<ExpertView[]> {
  await ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, campaignId);
    if (!rulesOf(c).categories.some((x) => x.code === body.categoryCode))
      throw CampaignErrors.unknownCategory({ field: 'categoryCode', code: body.categoryCode });
    for (const userId of new Set(body.userIds)) {
      const user = (await tx.db
        .selectFrom('core_users as u')
        .innerJoin('core_orgs as o', 'o.id', 'u.org_id')
        .select(['u.id', 'u.display_name', 'o.path'])
        .where('u.id', '=', userId)
        .where('u.status', '=', 'active')
        .executeTakeFirst()) as { id: string; display_name: string; path: string } | undefined;
      const isExpert =
        user &&
        (await tx.db
          .selectFrom('core_grants as g')
          .innerJoin('core_role_permissions as rp', 'rp.role_id', 'g.role_id')
          .select('g.id')
          .where('g.user_id', '=', userId)
          .where('rp.permission', '=', CampaignPermissions.score)
          .executeTakeFirst());
      if (!user || !isExpert) throw CampaignErrors.notAnExpert({ field: 'userIds', id: userId });
      await reviews.addExpert(tx.db, {
        campaign_id: c.id,
        category_code: body.categoryCode,
        user_id: user.id,
        org_path: user.path,
        added_at: tx.now().toISOString(),
      });
      tx.audit({
        action: 'campaigns.expert.added',
        objectType: 'campaigns.campaign',
        objectId: c.id,
        orgId: c.org_id,
        changes: { expert: user.display_name, category: body.categoryCode },
      });
    }
  });
  return listExperts(ctx, campaignId);
}

export async function removeExpert(ctx: Ctx, campaignId: string, categoryCode: string, userId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, campaignId);
    const res = await reviews.removeExpert(tx.db, c.id, categoryCode, userId);
    if (Number(res.numDeletedRows) === 0) throw CampaignErrors.expertNotFound({ id: userId });
    tx.audit({
      action: 'campaigns.expert.removed',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: { expert: userId, category: categoryCode },
    });
  });
}

/**
 * Draws experts for every recommended application still short of them, per category, never
 * one from the applicant's own subtree, balancing load; the seed is kept and audited so the
 * draw can be repeated. Only while reviewing.
 */
export async function drawExperts(ctx: Ctx, campaignId: string, seed?: number): Promise<DrawResult> {
  return ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, campaignId);
    if (c.status !== 'reviewing') throw CampaignErrors.wrongStatus({ status: c.status });
    const rules = rulesOf(c);
    const drawSeed = seed ?? Math.floor(Math.random() * 2_147_483_647);
    const [experts, existing, { rows: apps }] = await Promise.all([
      reviews.expertsOf(tx.db, c.id),
      reviews.reviewsOfCampaign(tx.db, c.id),
      repo.listApplications(tx.db, { campaignId: c.id, statuses: ['recommended'] }),
    ]);
    const at = tx.now().toISOString();
    const rows: reviews.ReviewRow[] = [];
    const shortfalls: DrawResult['shortfalls'] = [];
    for (const category of rules.categories) {
      const pool = experts.filter((e) => e.category_code === category.code).map((e) => ({ userId: e.user_id, orgPath: e.org_path }));
      const inCategory = apps.filter((a) => a.category_code === category.code);
      const plan = assignExperts(
        inCategory.map((a) => ({ id: a.id, orgPath: a.org_path })),
        pool,
        rules.expertsPerApplication,
        drawSeed,
        existing.map((r) => ({ applicationId: r.application_id, userId: r.expert_id })),
      );
      for (const a of plan.assignments)
        rows.push({
          id: newId(),
          campaign_id: c.id,
          application_id: a.applicationId,
          expert_id: a.userId,
          marks: null,
          total: null,
          comment: null,
          assigned_at: at,
          submitted_at: null,
        });
      for (const s of plan.shortfalls) shortfalls.push({ ...s, title: inCategory.find((a) => a.id === s.applicationId)?.title ?? '' });
    }
    await reviews.insertReviews(tx.db, rows);
    await repo.updateCampaign(tx.db, c, { draw_seed: drawSeed, updated_at: at });
    tx.audit({
      action: 'campaigns.experts.drawn',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: { seed: drawSeed, assigned: rows.length, shortfalls: shortfalls.length },
    });
    return { seed: drawSeed, assigned: rows.length, shortfalls };
  });
}

function toReviewView(r: Awaited<ReturnType<typeof reviews.reviewsOfExpert>>[number]): ReviewView {
  const rules = fromJson<CampaignRules | null>(r.rules, null);
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignTitle: r.campaign_title,
    applicationId: r.application_id,
    title: r.title,
    categoryName: rules?.categories.find((x) => x.code === r.category_code)?.name ?? r.category_code,
    orgName: r.org_name,
    values: fromJson(r.form_values, {}),
    form: rules?.form ?? [],
    rubric: rules?.rubric ?? [],
    marks: fromJson(r.marks, null),
    total: r.total === null ? null : Number(r.total),
    comment: r.comment,
    assignedAt: r.assigned_at,
    submittedAt: r.submitted_at,
    // The same condition submitReview enforces, so the console never offers a change it would refuse.
    editable: r.campaign_status === 'reviewing',
  };
}

/** The caller's assigned applications with the rubric, scored or not. */
export async function myReviews(ctx: Ctx): Promise<ReviewView[]> {
  if (!ctx.actor.id) return [];
  return (await reviews.reviewsOfExpert(ctx.db, ctx.actor.id)).map(toReviewView);
}

/** An expert marks an assigned application against the rubric; marks may be changed while the campaign is reviewing (selection may rerun), until 公示 starts. */
export async function submitReview(ctx: Ctx, reviewId: string, body: SubmitReviewBody): Promise<ReviewView> {
  return ctx.transaction(async (tx) => {
    const review = await reviews.findReview(tx.db, reviewId);
    if (!review || review.expert_id !== tx.actor.id) throw CampaignErrors.reviewNotFound({ id: reviewId });
    const c = (await repo.findCampaign(tx.db, review.campaign_id))!;
    if (c.status !== 'reviewing') throw CampaignErrors.reviewClosed({ status: c.status });
    if (!tx.access.can(CampaignPermissions.score)) throw CampaignErrors.scorerNotAnExpert({ id: tx.actor.id });
    const rubric = rulesOf(c).rubric;
    const problems = checkMarks(rubric, body.marks);
    if (problems.length) throw CampaignErrors.marksInvalid({ field: `marks.${problems[0]}`, criteria: problems });
    const total = weightedTotal(rubric, body.marks);
    const at = tx.now().toISOString();
    await reviews.saveMarks(tx.db, review.id, {
      marks: toJson(body.marks),
      total,
      comment: body.comment?.trim() || null,
      submitted_at: at,
    });
    tx.audit({
      action: 'campaigns.review.submitted',
      objectType: 'campaigns.application',
      objectId: review.application_id,
      orgId: c.org_id,
      changes: { total, marks: body.marks, before: review.total },
    });
    return toReviewView((await reviews.reviewsOfExpert(tx.db, review.expert_id)).find((r) => r.id === review.id)!);
  });
}
