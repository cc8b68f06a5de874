import { fromJson, newId, toJson, type Ctx } from '#kernel';
import type { FieldCipher } from '#kernel/crypto/sm.ts';
import type {
  BackfillResult,
  CertificateView,
  ObjectionBody,
  ObjectionView,
  PublicList,
  ResolveObjectionBody,
  SelectionView,
} from '../contract/outcome.schema.ts';
import { managedCampaign } from './campaign-access.ts';
import { rulesOf } from './campaign.service.ts';
import { aggregateScores } from './scoring.ts';
import { selectWinners, type ExclusionReason } from './selection.ts';
import * as repo from './campaign.repo.ts';
import * as reviews from './review.repo.ts';
import * as outcome from './outcome.repo.ts';
import { CampaignErrors } from '../contract/errors.ts';
import { CampaignPublished } from '../contract/events.ts';

const DAY = 86_400_000;
const SELECTABLE = ['recommended', 'selected', 'not_selected'];

const exclusionOf = (r: ExclusionReason | null) => (r ? (({ code, ...params }) => ({ code, params }))(r) : null);

/** What the uniqueness rules look at: the form's values, the person, the org and the category. */
const valuesOf = (a: repo.ApplicationRow) => ({
  ...fromJson<Record<string, unknown>>(a.form_values, {}),
  applicant: a.applicant_id,
  applicantOrg: a.org_id,
  category: a.category_code,
});

/**
 * Aggregates each recommended application's submitted expert totals (trimmed mean), ranks them
 * and picks the winners within every quota, uniqueness rule and regional cap; each application
 * keeps its rank, score and, when not selected, the rule that excluded it. May be run again
 * while reviewing (late marks change the result); audited with the outcome.
 */
export async function runSelection(ctx: Ctx, campaignId: string): Promise<SelectionView> {
  await ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, campaignId);
    if (c.status !== 'reviewing') throw CampaignErrors.wrongStatus({ status: c.status });
    const rules = rulesOf(c);
    const [{ rows: apps }, all] = await Promise.all([
      repo.listApplications(tx.db, { campaignId: c.id, statuses: SELECTABLE }),
      reviews.reviewsOfCampaign(tx.db, c.id),
    ]);
    const result = selectWinners({
      candidates: apps.map((a) => ({
        id: a.id,
        category: a.category_code,
        submittedAt: a.submitted_at,
        provinceId: a.province_id,
        score: aggregateScores(
          all.filter((r) => r.application_id === a.id && r.submitted_at && r.total !== null).map((r) => Number(r.total)),
        ),
        values: valuesOf(a),
      })),
      categories: rules.categories,
      uniqueness: rules.uniqueness,
      regionCaps: rules.regionCaps,
      minScore: rules.minScore,
    });
    const at = tx.now().toISOString();
    for (const d of result.decisions) {
      await repo.updateApplication(tx.db, d.id, {
        status: d.selected ? 'selected' : 'not_selected',
        score: d.score,
        rank: d.rank,
        exclusion: d.reason ? toJson(exclusionOf(d.reason)) : null,
        updated_at: at,
      });
    }
    tx.audit({
      action: 'campaigns.selection.run',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: {
        candidates: result.decisions.length,
        selected: result.decisions.filter((d) => d.selected).length,
        unfilled: result.unfilled,
      },
    });
  });
  return selectionOf(ctx, campaignId);
}

/** The last selection's outcome: every ranked application with its score and reason, and the quotas left unfilled. */
export async function selectionOf(ctx: Ctx, campaignId: string): Promise<SelectionView> {
  const c = await managedCampaign(ctx, campaignId);
  const rules = rulesOf(c);
  const names = new Map(rules.categories.map((x) => [x.code, x.name]));
  const { rows } = await repo.listApplications(ctx.db, { campaignId: c.id, statuses: [...SELECTABLE, 'awarded'] });
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => Number(a.rank) - Number(b.rank));
  return {
    decisions: ranked.map((r) => ({
      applicationId: r.id,
      title: r.title,
      categoryName: names.get(r.category_code) ?? r.category_code,
      orgName: r.org_name,
      applicantName: r.applicant_name,
      rank: Number(r.rank),
      score: r.score === null ? null : Number(r.score),
      selected: r.status === 'selected' || r.status === 'awarded',
      exclusion: fromJson(r.exclusion, null),
    })),
    unfilled: rules.categories
      .map((cat) => ({
        categoryCode: cat.code,
        categoryName: cat.name,
        quota: cat.quota,
        selected: ranked.filter((r) => r.category_code === cat.code && (r.status === 'selected' || r.status === 'awarded')).length,
      }))
      .filter((u) => ranked.length > 0 && u.selected < u.quota),
  };
}

/** Puts the selected list on public display (公示) for the configured days; the review closes. */
export async function startPublicity(ctx: Ctx, campaignId: string, days?: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, campaignId);
    if (c.status !== 'reviewing') throw CampaignErrors.wrongStatus({ status: c.status });
    const { total } = await repo.listApplications(tx.db, { campaignId: c.id, status: 'selected', limit: 1 });
    if (total === 0) throw CampaignErrors.nothingSelected();
    const from = tx.now();
    const until = new Date(from.getTime() + (days ?? rulesOf(c).publicityDays) * DAY);
    if (
      !(await repo.updateCampaign(tx.db, c, {
        status: 'publicity',
        publicity_from: from.toISOString(),
        publicity_until: until.toISOString(),
        updated_at: from.toISOString(),
      }))
    )
      throw CampaignErrors.campaignChanged({ id: c.id });
    tx.audit({
      action: 'campaigns.publicity.started',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: { until: until.toISOString(), selected: total },
    });
  });
}

async function publicCampaign(ctx: Ctx, id: string) {
  const c = await repo.findCampaign(ctx.db, id);
  if (!c || !['publicity', 'published'].includes(c.status)) throw CampaignErrors.campaignNotFound({ id });
  return c;
}

/** The list anyone may read: proposed winners during 公示, the final list once published. */
export async function publicList(ctx: Ctx, campaignId: string): Promise<PublicList> {
  const c = await publicCampaign(ctx, campaignId);
  const names = new Map(rulesOf(c).categories.map((x) => [x.code, x.name]));
  const { rows } = await repo.listApplications(ctx.db, {
    campaignId: c.id,
    statuses: c.status === 'published' ? ['awarded'] : ['selected'],
  });
  return {
    campaignId: c.id,
    title: c.title,
    organiser: await repo.orgName(ctx.db, c.org_id),
    status: c.status,
    publicityFrom: c.publicity_from,
    publicityUntil: c.publicity_until,
    entries: rows.map((r) => ({
      applicationId: r.id,
      title: r.title,
      categoryName: names.get(r.category_code) ?? r.category_code,
      orgName: r.org_name,
      applicantName: r.applicant_name,
      certificateNumber: r.certificate_number,
    })),
  };
}

/** Anyone may object, under their real name, to a proposed winner while the list is on display; the phone is kept encrypted. */
export async function fileObjection(ctx: Ctx, cipher: FieldCipher, campaignId: string, body: ObjectionBody): Promise<{ id: string }> {
  return ctx.transaction(async (tx) => {
    const c = await publicCampaign(tx, campaignId);
    if (c.status !== 'publicity' || tx.now().toISOString() > c.publicity_until!) throw CampaignErrors.publicityClosed();
    const app = await repo.findApplication(tx.db, body.applicationId);
    if (!app || app.campaign_id !== c.id || app.status !== 'selected') throw CampaignErrors.applicationNotFound({ id: body.applicationId });
    const row: outcome.ObjectionRow = {
      id: newId(),
      campaign_id: c.id,
      application_id: app.id,
      filer_name: body.name.trim(),
      filer_phone_cipher: cipher.encrypt(body.phone),
      filer_phone_masked: `${body.phone.slice(0, 3)}****${body.phone.slice(-4)}`,
      text: body.text.trim(),
      status: 'open',
      resolution: null,
      resolved_by: null,
      resolved_at: null,
      created_at: tx.now().toISOString(),
    };
    await outcome.insertObjection(tx.db, row);
    tx.audit({
      action: 'campaigns.objection.filed',
      objectType: 'campaigns.application',
      objectId: app.id,
      orgId: c.org_id,
      changes: { objection: row.id, filer: row.filer_name },
    });
    return { id: row.id };
  });
}

export async function listObjections(ctx: Ctx, campaignId: string): Promise<ObjectionView[]> {
  const c = await managedCampaign(ctx, campaignId);
  return (await outcome.objectionsOf(ctx.db, c.id)).map((o) => ({
    id: o.id,
    applicationId: o.application_id,
    applicationTitle: o.application_title,
    filerName: o.filer_name,
    filerPhone: o.filer_phone_masked,
    text: o.text,
    status: o.status as ObjectionView['status'],
    resolution: o.resolution,
    createdAt: o.created_at,
    resolvedAt: o.resolved_at,
  }));
}

/** The organiser rules on an objection; an upheld one takes the application off the list, with the objection as its reason. */
export async function resolveObjection(ctx: Ctx, objectionId: string, body: ResolveObjectionBody): Promise<void> {
  await ctx.transaction(async (tx) => {
    const o = await outcome.findObjection(tx.db, objectionId);
    if (!o) throw CampaignErrors.objectionNotFound({ id: objectionId });
    const c = await managedCampaign(tx, o.campaign_id);
    const at = tx.now().toISOString();
    if (
      !(await outcome.resolveObjection(tx.db, o.id, {
        status: body.decision,
        resolution: body.resolution.trim(),
        resolved_by: tx.actor.id,
        resolved_at: at,
      }))
    ) {
      throw CampaignErrors.objectionResolved({ id: o.id });
    }
    if (body.decision === 'upheld') {
      await repo.updateApplication(tx.db, o.application_id, {
        status: 'not_selected',
        exclusion: toJson({ code: 'objection_upheld', params: { objection: o.id } }),
        updated_at: at,
      });
    }
    tx.audit({
      action: `campaigns.objection.${body.decision}`,
      objectType: 'campaigns.application',
      objectId: o.application_id,
      orgId: c.org_id,
      changes: { objection: o.id, resolution: body.resolution },
    });
  });
}

/**
 * 递补: after an upheld objection freed a place during 公示, fills it from the ranked list. Every
 * application on display stays; upheld ones are never reconsidered; the others, in rank order,
 * get in if they now fit every quota, uniqueness rule, cap and the minimum score (scores are
 * frozen since 公示 began). When someone is promoted the display restarts for the full period,
 * so the public may object to the newcomers. Claims the campaign's version first, so two
 * concurrent calls cannot both promote; a call with nothing left to fill promotes nobody.
 */
export async function backfillSelection(ctx: Ctx, campaignId: string): Promise<BackfillResult> {
  return ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, campaignId);
    if (c.status !== 'publicity') throw CampaignErrors.wrongStatus({ status: c.status });
    const { rows } = await repo.listApplications(tx.db, { campaignId: c.id, statuses: ['selected', 'not_selected'] });
    const isUpheld = (r: repo.ApplicationRow) => fromJson<{ code?: string } | null>(r.exclusion, null)?.code === 'objection_upheld';
    const upheld = rows.filter(isUpheld);
    if (upheld.length === 0) throw CampaignErrors.nothingToBackfill();
    const rules = rulesOf(c);
    // Only what the last selection ranked takes part; its stored score is the one the list was drawn from.
    const ranked = rows.filter((r) => r.rank !== null && !isUpheld(r));
    const kept = new Set(ranked.filter((r) => r.status === 'selected').map((r) => r.id));
    const result = selectWinners({
      candidates: ranked.map((a) => ({
        id: a.id,
        category: a.category_code,
        submittedAt: a.submitted_at,
        provinceId: a.province_id,
        score: a.score === null ? null : Number(a.score),
        values: valuesOf(a),
      })),
      categories: rules.categories,
      uniqueness: rules.uniqueness,
      regionCaps: rules.regionCaps,
      minScore: rules.minScore,
      alreadySelected: kept,
    });
    const promoted = result.decisions.filter((d) => d.selected && !kept.has(d.id));
    const now = tx.now();
    const at = now.toISOString();
    // A restart never shortens a display the organiser set longer than the rules' days.
    const restarted = new Date(now.getTime() + rules.publicityDays * DAY).toISOString();
    const until = promoted.length > 0 && restarted > (c.publicity_until ?? '') ? restarted : c.publicity_until;
    if (!(await repo.updateCampaign(tx.db, c, { publicity_until: until, updated_at: at })))
      throw CampaignErrors.campaignChanged({ id: c.id });
    const byId = new Map(ranked.map((r) => [r.id, r]));
    let reasonsChanged = 0;
    for (const d of result.decisions.filter((x) => !kept.has(x.id))) {
      const exclusion = d.reason ? toJson(exclusionOf(d.reason)) : null;
      if (d.selected) await repo.updateApplication(tx.db, d.id, { status: 'selected', exclusion: null, updated_at: at });
      else if (exclusion !== byId.get(d.id)!.exclusion) {
        reasonsChanged += 1;
        await repo.updateApplication(tx.db, d.id, { exclusion, updated_at: at });
      }
    }
    tx.audit({
      action: 'campaigns.selection.backfilled',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: {
        promoted: promoted.map((d) => d.id),
        upheld: upheld.map((r) => r.id),
        reasonsChanged,
        publicityUntil: { from: c.publicity_until, to: until },
      },
    });
    const names = new Map(rules.categories.map((x) => [x.code, x.name]));
    return {
      promoted: promoted.map((d) => {
        const r = byId.get(d.id)!;
        return { applicationId: r.id, title: r.title, categoryName: names.get(r.category_code) ?? r.category_code, orgName: r.org_name };
      }),
      publicityUntil: until,
    };
  });
}

/**
 * Publishes the final list once the display period is over and every objection is resolved;
 * each winner gets a certificate with a number anyone can verify.
 */
export async function publishCampaign(ctx: Ctx, campaignId: string): Promise<{ certificates: number }> {
  return ctx.transaction(async (tx) => {
    const c = await managedCampaign(tx, campaignId);
    if (c.status !== 'publicity') throw CampaignErrors.wrongStatus({ status: c.status });
    if (tx.now().toISOString() < c.publicity_until!) throw CampaignErrors.publicityNotOver({ until: c.publicity_until });
    const open = await outcome.openObjectionCount(tx.db, c.id);
    if (open > 0) throw CampaignErrors.objectionsOpen({ count: open });
    const names = new Map(rulesOf(c).categories.map((x) => [x.code, x.name]));
    const { rows } = await repo.listApplications(tx.db, { campaignId: c.id, status: 'selected' });
    const at = tx.now().toISOString();
    const prefix = `${c.year}-${c.id.slice(-6)}`;
    for (const [i, r] of rows.sort((a, b) => Number(a.rank) - Number(b.rank)).entries()) {
      await outcome.insertCertificate(tx.db, {
        number: `${prefix}-${String(i + 1).padStart(5, '0')}`,
        campaign_id: c.id,
        application_id: r.id,
        holder: r.applicant_name,
        org_name: r.org_name,
        category_name: names.get(r.category_code) ?? r.category_code,
        title: r.title,
        issued_at: at,
      });
      await repo.updateApplication(tx.db, r.id, { status: 'awarded', updated_at: at });
    }
    if (!(await repo.updateCampaign(tx.db, c, { status: 'published', published_at: at, updated_at: at })))
      throw CampaignErrors.campaignChanged({ id: c.id });
    tx.publish(CampaignPublished, { campaignId: c.id, title: c.title, year: Number(c.year), orgId: c.org_id, winners: rows.length });
    tx.audit({
      action: 'campaigns.campaign.published',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: { winners: rows.length },
    });
    return { certificates: rows.length };
  });
}

/** Anyone may check a certificate by its number. */
export async function verifyCertificate(ctx: Ctx, number: string): Promise<CertificateView> {
  const cert = await outcome.findCertificate(ctx.db, number);
  if (!cert) throw CampaignErrors.certificateNotFound({ number });
  return {
    number: cert.number,
    campaignTitle: cert.campaign_title,
    organiser: cert.organiser,
    holder: cert.holder,
    orgName: cert.org_name,
    categoryName: cert.category_name,
    title: cert.title,
    issuedAt: cert.issued_at,
  };
}
