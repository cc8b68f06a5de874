import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders, testI18n } from '#ui/testing/render.tsx';
import zh from '../../locales/zh-CN.json';
import type { CampaignRules } from '../api.ts';
import { ExclusionReason, exclusionText } from './exclusion-reason.tsx';

const rules = {
  categories: [{ code: 'lesson', name: '部级优课', quota: 800, kind: 'lesson', applicantOrgTypes: ['school'] }],
  uniqueness: [{ id: 'one_per_teacher', label: '每位教师只评一堂优课', fields: ['applicant'], within: 'campaign' }],
} as Pick<CampaignRules, 'categories' | 'uniqueness'>;

describe('why an application was not selected', () => {
  const t = testI18n({ campaigns: zh }).t;
  const text = (code: string, params: Record<string, unknown> = {}, titleOf?: (id: string) => string | undefined) =>
    exclusionText(t, { code, params }, rules, titleOf);

  it('names the category, its quota and a tie with the last one selected', () => {
    expect(text('category_quota_full', { category: 'lesson', quota: 800, tie: false })).toBe('“部级优课”名额（800 项）已满');
    expect(text('category_quota_full', { category: 'lesson', quota: 800, tie: true })).toBe(
      '“部级优课”名额（800 项）已满；与该类最后一项入选者同分，按申报先后排在其后',
    );
  });

  it('names the uniqueness rule, and the application it lost to when known', () => {
    expect(text('duplicate', { rule: 'one_per_teacher', winnerId: 'a1' })).toBe('与已入选的申报重复（每位教师只评一堂优课）');
    expect(text('duplicate', { rule: 'one_per_teacher', winnerId: 'a1' }, (id) => (id === 'a1' ? '勾股定理' : undefined))).toBe(
      '与已入选的“勾股定理”重复（每位教师只评一堂优课）',
    );
  });

  it('words the province cap, the minimum score, a missing score and an upheld objection', () => {
    expect(text('region_cap_full', { provinceId: 'hb', cap: 800 })).toBe('所在省份入选数已达上限（800 项）');
    expect(text('below_min_score', { minScore: 60 })).toBe('得分低于最低入选分 60 分');
    expect(text('not_scored')).toBe('没有专家提交评分');
    expect(text('objection_upheld', { objection: 'o1' })).toBe('公示期间异议成立，不予入选');
    expect(text('something_new')).toBe('未入选（something_new）');
  });

  it('shows a dash when nothing excluded the application', () => {
    renderWithProviders(
      <>
        <ExclusionReason exclusion={null} rules={null} />
        <ExclusionReason exclusion={{ code: 'not_scored', params: {} }} rules={null} />
      </>,
      { campaigns: zh },
    );
    expect(screen.getByText('—')).toBeTruthy();
    expect(screen.getByText('没有专家提交评分')).toBeTruthy();
  });
});
