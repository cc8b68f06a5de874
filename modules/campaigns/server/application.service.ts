import { beijingDate, DomainError, fromJson, newId, toJson, type Ctx, type WorkflowLevel } from '#kernel';
import type {
  ApplicationPage,
  ApplicationQuery,
  ApplicationStatus,
  ApplicationView,
  QuotaUse,
  SubmitApplicationBody,
} from '../contract/campaign.schema.ts';
import { CampaignPermissions } from '../contract/permissions.ts';
import { validateForm } from './application-form.ts';
import { applicationScopes, canReadAll, visibleCampaign } from './campaign-access.ts';
import { rulesOf } from './campaign.service.ts';
import { applicantOrgAllowed } from './eligibility.ts';
import { allowedRecommendations } from './level-quota.ts';
import { APPLICATION_SUBJECT, AUTHORITY_OF, LEVELS, receivedAt, RECOMMENDATION_WORKFLOW, type Level } from './recommendation.ts';
import { workflow } from './workflow-port.ts';
import * as repo from './campaign.repo.ts';
import * as quotas from './quota.repo.ts';
import { CampaignErrors } from '../contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';

const LEVEL_ORDER: WorkflowLevel[] = ['county', 'city', 'province', 'ministry'];

/** The organiser's own level and those above it: recommendation stops below the organiser. */
function levelsToSkip(organiserType: string): WorkflowLevel[] {
  const index = LEVEL_ORDER.findIndex((l) => AUTHORITY_OF[l as Level | 'ministry'] === organiserType);
  return index < 0 ? [] : LEVEL_ORDER.slice(index);
}

export function toApplicationView(
  row: repo.ApplicationListRow,
  categoryName: string,
  workflowInstanceId: string | null = null,
): ApplicationView {
  const exclusion = fromJson<{ code: string; params?: Record<string, unknown> } | null>(row.exclusion, null);
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignTitle: row.campaign_title,
    categoryCode: row.category_code,
    categoryName,
    title: row.title,
    applicantId: row.applicant_id,
    applicantName: row.applicant_name,
    orgId: row.org_id,
    orgName: row.org_name,
    status: row.status as ApplicationStatus,
    values: fromJson(row.form_values, {}),
    submittedAt: row.submitted_at,
    score: row.score === null ? null : Number(row.score),
    rank: row.rank === null ? null : Number(row.rank),
    exclusion: exclusion ? { code: exclusion.code, params: exclusion.params ?? {} } : null,
    workflowInstanceId,
    certificateNumber: row.certificate_number,
  };
}

const categoryNames = (c: repo.CampaignRow) => new Map(rulesOf(c).categories.map((x) => [x.code, x.name]));

/**
 * Applies in an open campaign for an org the caller may apply for, with the form checked on
 * the server; the application then walks up the tree (county → city → province) to the
 * organiser. Where no authority stands between them it is recommended at once.
 */
export async function submitApplication(ctx: Ctx, campaignId: string, body: SubmitApplicationBody): Promise<ApplicationView> {
  return ctx.transaction(async (tx) => {
    const c = await visibleCampaign(tx, campaignId);
    if (c.status !== 'open') throw CampaignErrors.notOpen({ status: c.status });
    const today = beijingDate(tx.now());
    if (c.apply_until && today > c.apply_until) throw CampaignErrors.applicationsClosed({ date: c.apply_until });
    const rules = rulesOf(c);
    const category = rules.categories.find((x) => x.code === body.categoryCode);
    if (!category) throw CampaignErrors.unknownCategory({ field: 'categoryCode', code: body.categoryCode });
    const org = await repo.findOrg(tx.db, body.orgId);
    if (!org || !tx.access.can(CampaignPermissions.apply, org.path)) throw OrgErrors.orgNotFound({ id: body.orgId });
    if (!applicantOrgAllowed(category, org, c.org_path))
      throw CampaignErrors.orgNotEligible({ field: 'orgId', org: org.name, category: category.name });
    const form = validateForm(rules.form, body.values);
    if (form.problems.length) throw CampaignErrors.formInvalid({ field: form.problems[0].field, problems: form.problems });
    const chain = await repo.orgsOnPath(tx.db, org.path);
    const at = tx.now().toISOString();
    const row: repo.ApplicationRow = {
      id: newId(),
      campaign_id: c.id,
      category_code: category.code,
      title: body.title.trim(),
      applicant_id: tx.actor.id!,
      org_id: org.id,
      org_path: org.path,
      province_id: chain.find((o) => o.type === 'provincial_authority')?.id ?? null,
      form_values: toJson(form.values),
      status: 'recommending',
      score: null,
      rank: null,
      exclusion: null,
      submitted_at: at,
      updated_at: at,
    };
    await repo.insertApplication(tx.db, row);
    tx.audit({
      action: 'campaigns.application.submitted',
      objectType: 'campaigns.application',
      objectId: row.id,
      orgId: org.id,
      changes: { campaign: c.title, category: category.name, title: row.title },
    });
    const organiser = (await repo.findOrg(tx.db, c.org_id))!;
    try {
      await workflow(tx).start(tx, {
        definitionId: RECOMMENDATION_WORKFLOW,
        subjectType: APPLICATION_SUBJECT,
        subjectId: row.id,
        orgId: org.id,
        title: `${c.title} · ${category.name} · ${row.title}`,
        link: `/campaigns/${c.id}?application=${row.id}`,
        skipLevels: levelsToSkip(organiser.type),
      });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'workflow.no_route')) throw error;
      await repo.updateApplication(tx.db, row.id, { status: 'recommended' });
    }
    return getApplication(tx, row.id);
  });
}

/** Who may see an application: its applicant, the campaign's organisers, and readers or recommenders above its org. */
async function readableApplication(ctx: Ctx, id: string) {
  const row = await repo.findApplication(ctx.db, id);
  const c = row && (await repo.findCampaign(ctx.db, row.campaign_id));
  if (!row || !c) throw CampaignErrors.applicationNotFound({ id });
  const scopes = applicationScopes(ctx, c);
  const mine = ctx.actor.id === row.applicant_id;
  if (!mine && scopes !== 'all' && !scopes.some((s) => row.org_path.startsWith(s))) throw CampaignErrors.applicationNotFound({ id });
  return { row, campaign: c };
}

export async function getApplication(ctx: Ctx, id: string): Promise<ApplicationView> {
  const { row, campaign } = await readableApplication(ctx, id);
  const instance = await workflow(ctx).findBySubject(ctx, APPLICATION_SUBJECT, row.id);
  return toApplicationView(row, categoryNames(campaign).get(row.category_code) ?? row.category_code, instance?.id ?? null);
}

/** A campaign's applications the caller may read, newest first (ranked first once selection ran). */
export async function listApplications(ctx: Ctx, campaignId: string, query: ApplicationQuery): Promise<ApplicationPage> {
  const c = await visibleCampaign(ctx, campaignId);
  const scopes = applicationScopes(ctx, c);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { total, rows } = await repo.listApplications(ctx.db, {
    campaignId: c.id,
    scopes,
    status: query.status,
    categoryCode: query.categoryCode,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const names = categoryNames(c);
  return { items: rows.map((r) => toApplicationView(r, names.get(r.category_code) ?? r.category_code)), total, page, pageSize };
}

/** The caller's own applications across campaigns. */
export async function myApplications(ctx: Ctx): Promise<ApplicationView[]> {
  if (!ctx.actor.id) return [];
  const { rows } = await repo.listApplications(ctx.db, { applicantId: ctx.actor.id });
  const out: ApplicationView[] = [];
  const campaigns = new Map<string, repo.CampaignRow>();
  for (const r of rows) {
    if (!campaigns.has(r.campaign_id)) campaigns.set(r.campaign_id, (await repo.findCampaign(ctx.db, r.campaign_id))!);
    out.push(toApplicationView(r, categoryNames(campaigns.get(r.campaign_id)!).get(r.category_code) ?? r.category_code));
  }
  return out;
}

/** For each authority the caller recommends at: how many applications reached its step so far, how many it has forwarded and may forward. */
export async function quotaUse(ctx: Ctx, campaignId: string): Promise<QuotaUse[]> {
  const c = await visibleCampaign(ctx, campaignId);
  const rules = rulesOf(c);
  const out: QuotaUse[] = [];
  const paths = canReadAll(ctx, c) ? [] : ctx.access.scopes(CampaignPermissions.recommend).filter((p) => p.startsWith(c.org_path));
  for (const path of paths) {
    const org = await repo.findOrg(ctx.db, path.split('/').filter(Boolean).at(-1)!);
    const level = LEVELS.find((l) => AUTHORITY_OF[l] === org?.type);
    if (!org || !level) continue;
    const received = await receivedAt(ctx, c.id, org.path, level);
    const allowed = allowedRecommendations(
      rules.levelQuotas.find((q) => q.level === level),
      received,
    );
    out.push({ level, orgId: org.id, orgName: org.name, received, used: await quotas.slotsUsed(ctx.db, c.id, org.id, level), allowed });
  }
  return out;
}
