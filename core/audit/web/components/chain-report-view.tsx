import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainReport } from '../api.ts';
import { formatTime } from './audit-cells.tsx';

/** What a chain verification found: intact with its length and head, or the first break and why. */
export function ChainReportView({ report }: { report: ChainReport }) {
  const { t } = useTranslation();
  if (report.ok) {
    return (
      <Result
        status="success"
        title={t('audit:web.verify.okTitle')}
        subTitle={t('audit:web.verify.okText', { checked: report.checked, headSeq: report.headSeq })}
      >
        <ChainReportNotes report={report} />
      </Result>
    );
  }
  const broken = report.break;
  const reason = broken ? t(`audit:web.verify.reasons.${broken.reason}`, { defaultValue: broken.reason }) : '';
  return (
    <Result
      status="error"
      title={
        broken
          ? t('audit:web.verify.brokenTitle', { seq: broken.seq, reason })
          : t('audit:web.verify.checkpointsFailed', { checked: report.checkpoints?.checked ?? 0, failed: report.checkpoints?.failed ?? 0 })
      }
      subTitle={
        <>
          {broken && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('audit:web.verify.brokenText', { checked: report.checked, headSeq: report.headSeq })}
            </Typography.Paragraph>
          )}
          {broken?.expectedSeq !== undefined && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('audit:web.verify.expected', { expectedSeq: broken.expectedSeq })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('audit:web.verify.advice')}
          </Typography.Paragraph>
        </>
      }
    >
      <ChainReportNotes report={report} />
    </Result>
  );
}

/** Checkpoint results (when checkpoints were given) and long silences, below the verdict. */
function ChainReportNotes({ report }: { report: ChainReport }) {
  const { t } = useTranslation();
  const checkpoints = report.checkpoints;
  const gaps = report.silentGaps ?? [];
  if (!checkpoints && gaps.length === 0) return null;
  return (
    <>
      {checkpoints &&
        (checkpoints.failed === 0 ? (
          <Typography.Paragraph>{t('audit:web.verify.checkpointsOk', { checked: checkpoints.checked })}</Typography.Paragraph>
        ) : (
          <Typography.Paragraph>
            {t('audit:web.verify.checkpointsFailed', { checked: checkpoints.checked, failed: checkpoints.failed })}
            <ul>
              {checkpoints.failures.map((f) => (
                <li key={f.line}>
                  {t('audit:web.verify.checkpointFailure', {
                    line: f.line,
                    seq: f.seq ?? '—',
                    reason: t(`audit:web.verify.checkpointReasons.${f.reason}`, { defaultValue: f.reason }),
                  })}
                </li>
              ))}
            </ul>
          </Typography.Paragraph>
        ))}
      {gaps.length > 0 && (
        <Typography.Paragraph>
          {t('audit:web.verify.silentGaps')}
          <ul>
            {gaps.map((g) => (
              <li key={g.fromSeq}>
                {t(g.toSeq === null ? 'audit:web.verify.silentGapToNow' : 'audit:web.verify.silentGap', {
                  fromSeq: g.fromSeq,
                  from: formatTime(g.from),
                  toSeq: g.toSeq,
                  to: formatTime(g.to),
                  days: g.days,
                })}
              </li>
            ))}
          </ul>
        </Typography.Paragraph>
      )}
    </>
  );
}
