import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { OrgType } from '#core/orgs/contract/org-types.ts';
import type { CampaignRules, CampaignView, FormField, RubricCriterion, UpdateCampaignBody } from '../api.ts';

type Category = CampaignRules['categories'][number];
type Uniqueness = CampaignRules['uniqueness'][number];
export type Level = 'county' | 'city' | 'province';
export const LEVELS: Level[] = ['county', 'city', 'province'];

/** How an authority's recommendations are limited: not at all, a share of what reached it, or a fixed number. */
export type LevelMode = 'none' | 'share' | 'max';
export interface LevelValues {
  mode: LevelMode;
  percent?: number | null;
  max?: number | null;
  minimum?: number | null;
}

/** The 编辑规则 form's values: the rules as the organiser edits them (shares as percentages, the province cap on its own). */
export interface RulesFormValues {
  title: string;
  applyUntil: Dayjs | null;
  categories: Category[];
  levels: Record<Level, LevelValues>;
  provinceCap: number | null;
  rubric: RubricCriterion[];
  form: FormField[];
  uniqueness: Uniqueness[];
  expertsPerApplication: number;
  minScore: number;
  publicityDays: number;
}

/** Fields every campaign can make unique besides its own form's (server/selection.ts). */
export const BUILT_IN_UNIQUE_FIELDS = ['applicant', 'applicantOrg', 'category'] as const;

export function toFormValues(campaign: CampaignView): RulesFormValues {
  const r = campaign.rules;
  const levels = Object.fromEntries(
    LEVELS.map((level) => {
      const q = r.levelQuotas.find((x) => x.level === level);
      const mode: LevelMode = !q ? 'none' : q.share !== undefined ? 'share' : q.max !== undefined ? 'max' : 'none';
      return [
        level,
        {
          mode,
          percent: q?.share !== undefined ? Math.round(q.share * 1000) / 10 : null,
          max: q?.max ?? null,
          minimum: q?.minimum ?? null,
        },
      ];
    }),
  ) as Record<Level, LevelValues>;
  return {
    title: campaign.title,
    applyUntil: campaign.applyUntil ? dayjs(campaign.applyUntil) : null,
    categories: r.categories.map((c) => ({ ...c, applicantOrgTypes: [...c.applicantOrgTypes] })),
    levels,
    provinceCap: r.regionCaps.find((c) => c.level === 'province')?.max ?? null,
    rubric: r.rubric.map((c) => ({ ...c })),
    form: r.form.map((f) => ({ ...f })),
    uniqueness: r.uniqueness.map((u) => ({ ...u, fields: [...u.fields] })),
    expertsPerApplication: r.expertsPerApplication,
    minScore: r.minScore,
    publicityDays: r.publicityDays,
  };
}

const present = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** A select field keeps its options; other types keep only the limits that apply to them. */
function cleanField(f: FormField): FormField {
  const out: FormField = { key: f.key, label: f.label.trim(), type: f.type, required: !!f.required };
  if (f.type === 'select') out.options = [...new Set((f.options ?? []).map((o) => o.trim()).filter(Boolean))];
  if ((f.type === 'text' || f.type === 'textarea' || f.type === 'url') && present(f.maxLength)) out.maxLength = f.maxLength;
  if (f.type === 'number' && present(f.min)) out.min = f.min;
  if (f.type === 'number' && present(f.max)) out.max = f.max;
  return out;
}

/** The PATCH body for the form's values (server/campaign.service.ts checks them again). */
export function toUpdate(values: RulesFormValues): Required<UpdateCampaignBody> {
  const levelQuotas = LEVELS.flatMap((level): CampaignRules['levelQuotas'] => {
    const v = values.levels[level];
    if (!v || v.mode === 'none') return [];
    const minimum = present(v.minimum) && v.minimum > 0 ? { minimum: v.minimum } : {};
    if (v.mode === 'share' && present(v.percent)) return [{ level, share: Math.round(v.percent * 10) / 1000, ...minimum }];
    if (v.mode === 'max' && present(v.max)) return [{ level, max: v.max, ...minimum }];
    return [];
  });
  const formKeys = new Set(values.form.map((f) => f.key));
  return {
    title: values.title.trim(),
    applyUntil: values.applyUntil ? values.applyUntil.format('YYYY-MM-DD') : null,
    rules: {
      categories: values.categories.map((c) => ({
        code: c.code,
        name: c.name.trim(),
        quota: c.quota,
        kind: c.kind,
        applicantOrgTypes: [...new Set(c.applicantOrgTypes)] as OrgType[],
      })),
      levelQuotas,
      // A rule naming a form field that was removed would be refused; it goes with the field.
      uniqueness: values.uniqueness
        .map((u) => ({
          id: u.id,
          label: u.label.trim(),
          fields: u.fields.filter((f) => formKeys.has(f) || (BUILT_IN_UNIQUE_FIELDS as readonly string[]).includes(f)),
          within: u.within,
        }))
        .filter((u) => u.fields.length > 0),
      regionCaps: present(values.provinceCap) ? [{ level: 'province', max: values.provinceCap }] : [],
      rubric: values.rubric.map((c) => ({ id: c.id, name: c.name.trim(), weight: c.weight, max: c.max })),
      form: values.form.map(cleanField),
      expertsPerApplication: values.expertsPerApplication,
      minScore: values.minScore,
      publicityDays: values.publicityDays,
    },
  };
}

/**
 * A fresh identifier for a new row: `prefix` and the first number not taken. Category and
 * criterion codes are snake case, form keys camel case (the contract's patterns).
 */
export function nextCode(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** The rubric's weights added up (they must come to 100). */
export const weightTotal = (rubric: Array<Partial<RubricCriterion> | undefined> | undefined): number =>
  Math.round((rubric ?? []).reduce((sum, c) => sum + (typeof c?.weight === 'number' ? c.weight : 0), 0) * 100) / 100;
