import { fromJson, newId, toJson, type Ctx } from '#kernel';
import type { CampaignRules, CampaignType } from '../contract/campaign-rules.ts';
import type { CampaignStatus, CampaignView, CreateCampaignBody, UpdateCampaignBody } from '../contract/campaign.schema.ts';
import { CampaignPermissions } from '../contract/permissions.ts';
import { PRESETS } from './presets.ts';
import { rubricProblems } from './scoring.ts';
import { canManage, managedCampaign, memberPaths, visibleCampaign } from './campaign-access.ts';
import * as repo from './campaign.repo.ts';
import { CampaignErrors } from '../contract/errors.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';

const ORGANISER_TYPES = ['ministry', 'provincial_authority', 'city_authority', 'county_authority'];

export const rulesOf = (c: repo.CampaignRow): CampaignRules => fromJson<CampaignRules>(c.rules, PRESETS[c.type as CampaignType].rules);

async function toView(ctx: Ctx, c: repo.CampaignRow, orgName?: string): Promise<CampaignView> {
  const rules = rulesOf(c);
  return {
    id: c.id,
    type: c.type as CampaignType,
    title: c.title,
    year: Number(c.year),
    orgId: c.org_id,
    orgName: orgName ?? (await repo.orgName(ctx.db, c.org_id)),
    status: c.status as CampaignStatus,
    applyUntil: c.apply_until,
    publicityFrom: c.publicity_from,
    publicityUntil: c.publicity_until,
    publishedAt: c.published_at,
    rules,
    counts: await repo.countsOf(ctx.db, c.id),
    canManage: canManage(ctx, c),
    canApply: c.status === 'open' && ctx.access.scopes(CampaignPermissions.apply).some((p) => p.startsWith(c.org_path)),
    createdAt: c.created_at,
  };
}

/** Rules an organiser may open a campaign with: a sound rubric, distinct category codes, form keys and fields known to uniqueness rules. */
export function rulesProblems(rules: CampaignRules): string[] {
  const problems = rubricProblems(rules.rubric).map((p) => `rubric.${p}`);
  if (new Set(rules.categories.map((c) => c.code)).size !== rules.categories.length) problems.push('categories.duplicate_code');
  if (new Set(rules.form.map((f) => f.key)).size !== rules.form.length) problems.push('form.duplicate_key');
  const known = new Set(['applicant', 'applicantOrg', 'category', ...rules.form.map((f) => f.key)]);
  for (const u of rules.uniqueness) for (const f of u.fields) if (!known.has(f)) problems.push(`uniqueness.${u.id}.${f}`);
  for (const f of rules.form) if (f.type === 'select' && !f.options?.length) problems.push(`form.${f.key}.options`);
  return problems;
}

function checkRules(rules: CampaignRules): void {
  const problems = rulesProblems(rules);
  if (problems.length) throw CampaignErrors.rulesInvalid({ field: 'rules', problems });
}

/** Creates a draft campaign from the preset of its type for an authority the caller manages. */
export async function createCampaign(ctx: Ctx, body: CreateCampaignBody): Promise<CampaignView> {
  return ctx.transaction(async (tx) => {
    const org = await repo.findOrg(tx.db, body.orgId);
    if (!org || !tx.access.can(CampaignPermissions.manage, org.path)) throw OrgErrors.orgNotFound({ id: body.orgId });
    if (!ORGANISER_TYPES.includes(org.type)) throw CampaignErrors.organiserNotAuthority({ field: 'orgId', org: org.name });
    const preset = PRESETS[body.type];
    const at = tx.now().toISOString();
    const row: repo.CampaignRow = {
      id: newId(),
      type: body.type,
      title: body.title?.trim() || `${body.year}年${preset.title}`,
      year: body.year,
      org_id: org.id,
      org_path: org.path,
      status: 'draft',
      rules: toJson(preset.rules),
      apply_until: body.applyUntil ?? null,
      publicity_from: null,
      publicity_until: null,
      draw_seed: null,
      version: 0,
      created_by: tx.actor.id,
      created_at: at,
      updated_at: at,
      published_at: null,
    };
    await repo.insertCampaign(tx.db, row);
    tx.audit({
      action: 'campaigns.campaign.created',
      objectType: 'campaigns.campaign',
      objectId: row.id,
      orgId: org.id,
      changes: { type: body.type, title: row.title, year: body.year },
    });
    return toView(tx, row, org.name);
  });
}

/** Campaigns the caller organises, reads or takes part in; someone with no part in any (a parent) is refused. */
export async function listCampaigns(ctx: Ctx): Promise<CampaignView[]> {
  if (memberPaths(ctx).length === 0) throw CampaignErrors.noPart();
  const readScopes = [...new Set([...ctx.access.scopes(CampaignPermissions.read), ...ctx.access.scopes(CampaignPermissions.manage)])];
  const rows = await repo.listCampaigns(ctx.db, readScopes, memberPaths(ctx));
  return Promise.all(rows.map((r) => toView(ctx, r, r.org_name)));
}

export async function getCampaign(ctx: Ctx, id: string): Promise<CampaignView> {
  return toView(ctx, await visibleCampaign(ctx, id));
}

/** Changes the title or deadline at any time before publication, and the rules only while a draft. */
export async function updateCampaign(ctx: Ctx, id: string, body: UpdateCampaignBody): Promise<CampaignView> {
  return ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, id);
    if (c.status === 'published') throw CampaignErrors.wrongStatus({ status: c.status });
    if (body.rules && c.status !== 'draft') throw CampaignErrors.rulesLocked({ status: c.status });
    if (body.rules) checkRules(body.rules);
    const patch: Partial<repo.CampaignRow> = { updated_at: tx.now().toISOString() };
    const changes: Record<string, unknown> = {};
    if (body.title !== undefined && body.title !== c.title) {
      patch.title = body.title.trim();
      changes.title = [c.title, patch.title];
    }
    if (body.applyUntil !== undefined && body.applyUntil !== c.apply_until) {
      patch.apply_until = body.applyUntil;
      changes.applyUntil = [c.apply_until, body.applyUntil];
    }
    if (body.rules) {
      patch.rules = toJson(body.rules);
      changes.rules = 'changed';
    }
    if (!(await repo.updateCampaign(tx.db, c, patch))) throw CampaignErrors.campaignChanged({ id });
    tx.audit({ action: 'campaigns.campaign.updated', objectType: 'campaigns.campaign', objectId: c.id, orgId: c.org_id, changes });
    return toView(tx, { ...c, ...patch, version: c.version + 1 });
  });
}

const NEXT: Partial<Record<CampaignStatus, CampaignStatus>> = { draft: 'open', open: 'reviewing' };

/** Moves a campaign on: draft → open (applications accepted), open → reviewing (applications closed). */
export async function advanceCampaign(ctx: Ctx, id: string, to: 'open' | 'reviewing'): Promise<CampaignView> {
  return ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, id);
    if (NEXT[c.status as CampaignStatus] !== to) throw CampaignErrors.wrongStatus({ status: c.status });
    if (to === 'open') checkRules(rulesOf(c));
    const patch = { status: to, updated_at: tx.now().toISOString() };
    if (!(await repo.updateCampaign(tx.db, c, patch))) throw CampaignErrors.campaignChanged({ id });
    tx.audit({
      action: to === 'open' ? 'campaigns.campaign.opened' : 'campaigns.campaign.closed',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: { status: [c.status, to] },
    });
    return toView(tx, { ...c, ...patch, version: c.version + 1 });
  });
}
