import { Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainReport } from '../api.ts';

/** What a chain verification found: intact with its length and head, or the first break and why. */
export function ChainReportView({ report }: { report: ChainReport }) {
  const { t } = useTranslation();
  if (report.ok) {
    return (
      <Result
        status="success"
        title={t('audit:web.verify.okTitle')}
        subTitle={t('audit:web.verify.okText', { checked: report.checked, headSeq: report.headSeq })}
      />
    );
  }
  const broken = report.break;
  const reason = broken ? t(`audit:web.verify.reasons.${broken.reason}`, { defaultValue: broken.reason }) : '';
  return (
    <Result
      status="error"
      title={t('audit:web.verify.brokenTitle', { seq: broken?.seq ?? report.headSeq, reason })}
      subTitle={(
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('audit:web.verify.brokenText', { checked: report.checked, headSeq: report.headSeq })}
          </Typography.Paragraph>
          {broken?.expectedSeq !== undefined && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{t('audit:web.verify.expected', { expectedSeq: broken.expectedSeq })}</Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('audit:web.verify.advice')}</Typography.Paragraph>
        </>
      )}
    />
  );
}
