import { beijingDate, type XlsxExport } from '#kernel/xlsx-export.ts';
import type { Ctx } from '#kernel';
import type { CampaignStats } from '../contract/outcome.schema.ts';
import { visibleCampaign, canReadAll, managedCampaign } from './campaign-access.ts';
import { rulesOf } from './campaign.service.ts';
import * as repo from './campaign.repo.ts';
import * as outcome from './outcome.repo.ts';

const SUBMITTED = ['recommending', 'returned', 'not_recommended', 'recommended', 'selected', 'not_selected', 'awarded'];
const RECOMMENDED = ['recommended', 'selected', 'not_selected', 'awarded'];
const SELECTED = ['selected', 'awarded'];

function tally<K extends string>(rows: Array<{ status: string; n: number | string } & Record<K, unknown>>, key: K) {
  const out = new Map<string, { submitted: number; recommended: number; selected: number }>();
  for (const r of rows) {
    const k = String(r[key]);
    const t = out.get(k) ?? { submitted: 0, recommended: 0, selected: 0 };
    const n = Number(r.n);
    if (SUBMITTED.includes(r.status)) t.submitted += n;
    if (RECOMMENDED.includes(r.status)) t.recommended += n;
    if (SELECTED.includes(r.status)) t.selected += n;
    out.set(k, t);
  }
  return out;
}

/** Applications submitted, recommended and selected per province and per category (organisers and readers of the whole campaign). */
export async function campaignStats(ctx: Ctx, campaignId: string): Promise<CampaignStats> {
  const c = await visibleCampaign(ctx, campaignId);
  if (!canReadAll(ctx, c)) await managedCampaign(ctx, campaignId);
  const [provinces, categories] = await Promise.all([outcome.countsByProvince(ctx.db, c.id), outcome.countsByCategory(ctx.db, c.id)]);
  const byProvince = tally(provinces, 'province_id');
  const byCategory = tally(categories, 'category_code');
  const zero = { submitted: 0, recommended: 0, selected: 0 };
  return {
    byProvince: [...byProvince.entries()]
      .map(([provinceId, t]) => {
        const p = provinces.find((r) => r.province_id === provinceId)!;
        return { provinceId, name: p.name, divisionCode: p.division_code, ...t };
      })
      .sort((a, b) => b.submitted - a.submitted),
    byCategory: rulesOf(c).categories.map((cat) => ({
      categoryCode: cat.code,
      categoryName: cat.name,
      quota: cat.quota,
      ...(byCategory.get(cat.code) ?? zero),
    })),
  };
}

const HEADERS = {
  zh: { rank: '名次', category: '类别', title: '名称', applicant: '申报人', org: '申报单位', score: '得分', certificate: '证书编号' },
  en: {
    rank: 'Rank',
    category: 'Category',
    title: 'Title',
    applicant: 'Applicant',
    org: 'Organisation',
    score: 'Score',
    certificate: 'Certificate',
  },
};

/** The published list (or, before publication, the selected one) as XLSX; audited. */
export async function exportWinners(ctx: Ctx, campaignId: string, lang: 'zh' | 'en'): Promise<XlsxExport> {
  const c = await managedCampaign(ctx, campaignId);
  const names = new Map(rulesOf(c).categories.map((x) => [x.code, x.name]));
  const { rows } = await repo.listApplications(ctx.db, { campaignId: c.id, statuses: SELECTED });
  await ctx.transaction(async (tx) =>
    tx.audit({
      action: 'campaigns.winners.exported',
      objectType: 'campaigns.campaign',
      objectId: c.id,
      orgId: c.org_id,
      changes: { rows: rows.length },
    }),
  );
  const headers = HEADERS[lang];
  return {
    filename: `${lang === 'en' ? 'winners' : `${c.title}-名单`}-${beijingDate(ctx.now())}.xlsx`,
    sheetName: lang === 'en' ? 'Winners' : '名单',
    columns: Object.entries(headers).map(([key, header]) => ({ key, header, width: key === 'title' || key === 'org' ? 36 : 14 })),
    rows: (async function* () {
      for (const r of rows.sort((a, b) => Number(a.rank) - Number(b.rank))) {
        yield {
          rank: r.rank,
          category: names.get(r.category_code) ?? r.category_code,
          title: r.title,
          applicant: r.applicant_name,
          org: r.org_name,
          score: r.score,
          certificate: r.certificate_number ?? '',
        };
      }
    })(),
  };
}
