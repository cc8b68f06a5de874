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
    renderWithProviders(
      <ChainReportView report={{ ok: false, checked: 6, headSeq: 9, break: { seq: 8, reason: 'gap', expectedSeq: 7 } }} />,
      { audit },
    );
    expect(screen.getByText('此处应为序号 7。')).toBeTruthy();
  });

  it('shows a reason it does not know as the server sent it', () => {
    renderWithProviders(<ChainReportView report={{ ok: false, checked: 0, headSeq: 3, break: { seq: 1, reason: 'new_reason' } }} />, {
      audit,
    });
    expect(screen.getByText('哈希链在序号 1 处异常：new_reason')).toBeTruthy();
  });

  it('has a word for every reason in English too', () => {
    expect(Object.keys(en.web.verify.reasons).sort()).toEqual(Object.keys(audit.web.verify.reasons).sort());
  });
});

describe('the notes below a chain verification', () => {
  it('lists long silences as a warning under an intact chain, up to now as well', () => {
    renderWithProviders(
      <ChainReportView
        report={{
          ok: true,
          checked: 30,
          headSeq: 30,
          silentGaps: [
            { fromSeq: 12, from: '2026-07-01T02:00:00.000Z', toSeq: 13, to: '2026-08-30T02:00:00.000Z', days: 60 },
            { fromSeq: 30, from: '2026-09-01T02:00:00.000Z', toSeq: null, to: '2026-09-20T02:00:00.000Z', days: 19 },
          ],
        }}
      />,
      { audit },
    );
    expect(screen.getByText('哈希链完整')).toBeTruthy();
    expect(screen.getByText(/很长时间没有任何审计记录/)).toBeTruthy();
    expect(screen.getByText(/^序号 12（.+）至序号 13（.+），约 60 天$/)).toBeTruthy();
    expect(screen.getByText(/^序号 30（.+）至今，约 19 天$/)).toBeTruthy();
  });

  it('names failed checkpoints with their line, seq and reason when the chain itself is unbroken', () => {
    renderWithProviders(
      <ChainReportView
        report={{
          ok: false,
          checked: 20,
          headSeq: 20,
          checkpoints: {
            checked: 3,
            failed: 1,
            chainEndSeq: 20,
            latest: { seq: 25, at: '2026-09-01T02:00:00.000Z' },
            failures: [{ line: 3, seq: 25, reason: 'chain_shorter' }],
          },
        }}
      />,
      { audit },
    );
    expect(screen.getAllByText('3 个检查点中 1 个不符：').length).toBeGreaterThan(0);
    expect(screen.getByText('第 3 行（序号 25）：链尾记录被删除（截断）')).toBeTruthy();
  });

  it('has a word for every checkpoint failure in English too', () => {
    expect(Object.keys(en.web.verify.checkpointReasons).sort()).toEqual(Object.keys(audit.web.verify.checkpointReasons).sort());
  });
});
