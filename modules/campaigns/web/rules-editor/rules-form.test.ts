import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../server/presets.ts';
import type { CampaignView } from '../api.ts';
import { nextCode, toFormValues, toUpdate, weightTotal } from './rules-form.ts';

const campaignOf = (type: keyof typeof PRESETS, over: Partial<CampaignView> = {}) =>
  ({
    id: 'c1',
    type,
    title: `2026年${PRESETS[type].title}`,
    applyUntil: '2026-06-30',
    rules: structuredClone(PRESETS[type].rules),
    ...over,
  }) as CampaignView;

describe("the rules form's values and the PATCH body", () => {
  it.each(Object.keys(PRESETS) as Array<keyof typeof PRESETS>)('gives back the %s preset unchanged when nothing is edited', (type) => {
    const campaign = campaignOf(type);
    expect(toUpdate(toFormValues(campaign))).toEqual({ title: campaign.title, applyUntil: '2026-06-30', rules: PRESETS[type].rules });
  });

  it('shows a share as a percentage and sends it back as a fraction, with the minimum', () => {
    const values = toFormValues(campaignOf('excellent_lesson'));
    expect(values.levels).toEqual({
      county: { mode: 'share', percent: 20, max: null, minimum: 1 },
      city: { mode: 'share', percent: 50, max: null, minimum: 1 },
      province: { mode: 'none', percent: null, max: null, minimum: null },
    });
    values.levels.city = { mode: 'max', percent: 50, max: 10, minimum: null };
    values.levels.province = { mode: 'share', percent: 12.5, max: null, minimum: 0 };
    expect(toUpdate(values).rules.levelQuotas).toEqual([
      { level: 'county', share: 0.2, minimum: 1 },
      { level: 'city', max: 10 },
      { level: 'province', share: 0.125 },
    ]);
  });

  it('drops the province cap when emptied and the deadline when cleared', () => {
    const values = toFormValues(campaignOf('excellent_lesson'));
    expect(values.provinceCap).toBe(800);
    const body = toUpdate({ ...values, provinceCap: null, applyUntil: null });
    expect(body.rules.regionCaps).toEqual([]);
    expect(body.applyUntil).toBeNull();
  });

  it('takes a removed form field out of the uniqueness rules, and a rule left with nothing goes too', () => {
    const values = toFormValues(campaignOf('excellent_lesson'));
    values.form = values.form.filter((f) => f.key !== 'node');
    values.uniqueness.push({ id: 'rule_1', label: '同一章节', fields: ['node'], within: 'campaign' });
    const { rules } = toUpdate(values);
    expect(rules.uniqueness).toEqual([
      {
        id: 'one_per_node',
        label: '同一省份同一年级、学科、教材版本、章节只评一堂优课',
        fields: ['grade', 'subject', 'edition'],
        within: 'province',
      },
      { id: 'one_per_teacher', label: '每位教师只评一堂优课', fields: ['applicant'], within: 'campaign' },
    ]);
  });

  it("keeps only the limits that fit a field's type, and trims and de-duplicates options", () => {
    const values = toFormValues(campaignOf('benchmark'));
    values.form = [
      { key: 'field1', label: ' 学段 ', type: 'select', required: true, options: ['小学', ' 初中', '小学', ''], maxLength: 20, min: 1 },
      { key: 'field2', label: '人数', type: 'number', required: false, min: 0, max: null as unknown as number, maxLength: 5 },
      { key: 'field3', label: '日期', type: 'date', required: true, maxLength: 10 },
    ];
    expect(toUpdate(values).rules.form).toEqual([
      { key: 'field1', label: '学段', type: 'select', required: true, options: ['小学', '初中'] },
      { key: 'field2', label: '人数', type: 'number', required: false, min: 0 },
      { key: 'field3', label: '日期', type: 'date', required: true },
    ]);
  });

  it('names a new row with the first free number, and adds up the weights', () => {
    expect(nextCode('field', ['field1', 'field3', 'stage'])).toBe('field2');
    expect(nextCode('category_', [])).toBe('category_1');
    expect(weightTotal([{ weight: 30 }, { weight: 30.5 }, undefined, {}])).toBe(60.5);
  });
});
