import { useCallback, useEffect, useState } from 'react';
import { Descriptions, Drawer, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '#ui';
import { campaignApi, workflowInstancePath, type ApplicationView, type CampaignRules } from '../api.ts';
import { ApplicationStatusTag } from './status-tags.tsx';
import { ExclusionReason } from './exclusion-reason.tsx';
import { ApplicationValues } from './application-values.tsx';
import { formatTime } from './format-time.ts';

/** One application: its form, where it stands, its score and rank, why it was left out, and its review in 我的待办. */
export function ApplicationDrawer({
  applicationId,
  rules: givenRules,
  onClose,
}: {
  applicationId: string | null;
  /** The campaign's rules when the page has them; otherwise the drawer reads them (labels, rule names). */
  rules?: CampaignRules;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [application, setApplication] = useState<ApplicationView | null>(null);
  const [fetchedRules, setFetchedRules] = useState<CampaignRules | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    if (!applicationId) return;
    setError(null);
    campaignApi.application(applicationId).then((a) => {
      setApplication(a);
      if (!givenRules)
        campaignApi.get(a.campaignId).then(
          (c) => setFetchedRules(c.rules),
          () => setFetchedRules(null),
        );
    }, setError);
  }, [applicationId, givenRules]);
  useEffect(() => {
    setApplication(null);
    load();
  }, [load]);
  const rules = givenRules ?? fetchedRules;

  const a = application;
  return (
    <Drawer open={!!applicationId} size={640} onClose={onClose} title={a?.title ?? t('campaigns:web.application.title')}>
      {error ? (
        <ErrorState error={error} onRetry={load} />
      ) : !a ? (
        <Spin />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'campaign', label: t('campaigns:web.application.campaign'), children: a.campaignTitle },
              { key: 'category', label: t('campaigns:web.application.category'), children: a.categoryName },
              { key: 'applicant', label: t('campaigns:web.application.applicant'), children: a.applicantName },
              { key: 'org', label: t('campaigns:web.application.org'), children: a.orgName },
              { key: 'submittedAt', label: t('campaigns:web.application.submittedAt'), children: formatTime(a.submittedAt) },
              { key: 'status', label: t('campaigns:web.application.status'), children: <ApplicationStatusTag status={a.status} /> },
              {
                key: 'progress',
                label: t('campaigns:web.application.review'),
                children: a.workflowInstanceId ? (
                  <Link to={workflowInstancePath(a.workflowInstanceId)}>{t('campaigns:web.application.progress')}</Link>
                ) : (
                  <Typography.Text type="secondary">{t('campaigns:web.application.noWorkflow')}</Typography.Text>
                ),
              },
              ...(a.score !== null ? [{ key: 'score', label: t('campaigns:web.application.score'), children: a.score.toFixed(2) }] : []),
              ...(a.rank !== null ? [{ key: 'rank', label: t('campaigns:web.application.rank'), children: a.rank }] : []),
              ...(a.exclusion
                ? [
                    {
                      key: 'exclusion',
                      label: t('campaigns:web.application.exclusion'),
                      children: <ExclusionReason exclusion={a.exclusion} rules={rules} />,
                    },
                  ]
                : []),
              ...(a.certificateNumber
                ? [
                    {
                      key: 'certificate',
                      label: t('campaigns:web.application.certificate'),
                      children: <Typography.Text copyable>{a.certificateNumber}</Typography.Text>,
                    },
                  ]
                : []),
            ]}
          />
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('campaigns:web.application.values')}
          </Typography.Title>
          <ApplicationValues form={rules?.form ?? []} values={a.values} />
        </>
      )}
    </Drawer>
  );
}
