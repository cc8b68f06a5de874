import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '#ui/testing/render.tsx';
import audit from '../../locales/zh-CN.json';
import en from '../../locales/en.json';
import { ChainReportView } from './chain-report-view.tsx';

describe('the result of a chain verification', () => {
  it('reports an intact chain with the number of records and the head', () => {
    renderWithProviders(<ChainReportView report={{ ok: true, checked: 1234, headSeq: 1234 }} />, { audit });
    expect(screen.getByText('哈希链完整')).toBeTruthy();
    expect(screen.getByText(/已校验 1234 条记录，链尾序号 1234/)).toBeTruthy();
  });

  it.each([
    ['gap', '记录缺失'],
    ['hash_mismatch', '记录被篡改'],
    ['prev_hash_mismatch', '链接断裂'],
    ['head_mismatch', '链尾被截断'],
  ])('names the break %s in Chinese as 「%s」 with its seq', (reason, words) => {
    renderWithProviders(<ChainReportView report={{ ok: false, checked: 41, headSeq: 90, break: { seq: 42, reason } }} />, { audit });
    expect(screen.getByText(`哈希链在序号 42 处异常：${words}`)).toBeTruthy();
    expect(screen.getByText(/此前的 41 条记录校验通过/)).toBeTruthy();
  });

  it('tells which seq a gap expected', () => {
    renderWithProviders(<ChainReportView report={{ ok: false, checked: 6, headSeq: 9, break: { seq: 8, reason: 'gap', expectedSeq: 7 } }} />, { audit });
    expect(screen.getByText('此处应为序号 7。')).toBeTruthy();
  });

  it('shows a reason it does not know as the server sent it', () => {
    renderWithProviders(<ChainReportView report={{ ok: false, checked: 0, headSeq: 3, break: { seq: 1, reason: 'new_reason' } }} />, { audit });
    expect(screen.getByText('哈希链在序号 1 处异常：new_reason')).toBeTruthy();
  });

  it('has a word for every reason in English too', () => {
    expect(Object.keys(en.web.verify.reasons).sort()).toEqual(Object.keys(audit.web.verify.reasons).sort());
  });
});
