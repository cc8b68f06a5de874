import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Col, Row, Space, Spin, Statistic, Tabs, Typography } from 'antd';
import { EditOutlined, ExportOutlined, SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, ErrorState, PageShell, useSession } from '#ui';
import { campaignApi, publicListPath, type CampaignView } from '../api.ts';
import { CampaignStatusTag } from '../components/status-tags.tsx';
import { RulesSummary } from '../components/rules-summary.tsx';
import { CampaignStats } from '../components/campaign-stats.tsx';
import { ApplicationsTab, OwnApplicationsTab } from '../components/applications-tab.tsx';
import { ApplicationDrawer } from '../components/application-drawer.tsx';
import { ApplicationFormDrawer } from '../components/application-form-drawer.tsx';
import { ExpertsTab } from '../components/experts-tab.tsx';
import { SelectionTab } from '../components/selection-tab.tsx';
import { PublicityTab } from '../components/publicity-tab.tsx';
import { mayApplyHere, useCurrentOrgType } from '../components/applicant-eligibility.ts';
import { RulesDrawer } from '../rules-editor/rules-drawer.tsx';

const AFTER_APPLICATIONS = ['reviewing', 'publicity', 'published'];

function Overview({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {campaign.status === 'draft' ? (
        <Alert type="info" showIcon title={t('campaigns:web.overview.draftNote')} />
      ) : (
        <Row gutter={16}>
          {(['submitted', 'recommended', 'selected'] as const).map((k) => (
            <Col xs={8} md={4} key={k}>
              <Statistic title={t(`campaigns:web.overview.counts.${k}`)} value={campaign.counts[k]} />
            </Col>
          ))}
        </Row>
      )}
      {campaign.canManage && campaign.status !== 'draft' && <CampaignStats campaignId={campaign.id} />}
      <RulesSummary rules={campaign.rules} />
    </Space>
  );
}

/** One campaign: its rules and figures, then a tab for each part of the round the user may take. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const { can, currentOrg } = useSession();
  const orgType = useCurrentOrgType();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [campaign, setCampaign] = useState<CampaignView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const [editingRules, setEditingRules] = useState(false);
  const [reload, setReload] = useState(0);

  const load = useCallback(() => {
    setError(null);
    campaignApi.get(id).then(setCampaign, setError);
  }, [id]);
  useEffect(load, [load]);
  const changed = () => {
    load();
    setReload((n) => n + 1);
  };

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v === null) next.delete(k);
      else next.set(k, v);
    setParams(next, { replace: true });
  };
  const mayApply = !!campaign && mayApplyHere(campaign, currentOrg.id, orgType, can('campaigns.application.submit'));
  // The list's 我要申报 button arrives with ?apply=1.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when applying becomes possible; params and update are read at that moment, not watched
  useEffect(() => {
    if (mayApply && params.get('apply')) {
      setApplying(true);
      update({ apply: null });
    }
  }, [mayApply]);

  if (error) return <ErrorState error={error} onRetry={load} />;
  if (!campaign)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );

  const c = campaign;
  const readsApplications =
    c.status !== 'draft' && (c.canManage || can('campaigns.campaign.read') || can('campaigns.application.recommend'));
  const organising = c.canManage && AFTER_APPLICATIONS.includes(c.status);
  const openApplication = (applicationId: string) => update({ application: applicationId });
  const tabs = [
    { key: 'overview', label: t('campaigns:web.campaign.tabs.overview'), children: <Overview campaign={c} /> },
    ...(readsApplications
      ? [
          {
            key: 'applications',
            label: t('campaigns:web.campaign.tabs.applications'),
            children: <ApplicationsTab key={reload} campaign={c} onOpen={openApplication} />,
          },
        ]
      : []),
    ...(!readsApplications && c.status !== 'draft' && can('campaigns.application.submit')
      ? [
          {
            key: 'mine',
            label: t('campaigns:web.campaign.tabs.mine'),
            children: <OwnApplicationsTab campaign={c} reloadToken={reload} onOpen={openApplication} />,
          },
        ]
      : []),
    ...(organising
      ? [
          { key: 'experts', label: t('campaigns:web.campaign.tabs.experts'), children: <ExpertsTab campaign={c} /> },
          {
            key: 'selection',
            label: t('campaigns:web.campaign.tabs.selection'),
            children: <SelectionTab campaign={c} onChanged={changed} onOpen={openApplication} />,
          },
          {
            key: 'publicity',
            label: t('campaigns:web.campaign.tabs.publicity'),
            children: <PublicityTab campaign={c} onChanged={changed} />,
          },
        ]
      : []),
  ];
  const tab = tabs.some((x) => x.key === params.get('tab')) ? params.get('tab')! : 'overview';

  const actions = (
    <>
      {c.canManage && c.status === 'draft' && (
        <Button icon={<SettingOutlined />} onClick={() => setEditingRules(true)}>
          {t('campaigns:web.rules.edit')}
        </Button>
      )}
      {c.canManage && c.status === 'draft' && (
        <ConfirmAction
          type="primary"
          title={t('campaigns:web.campaign.openConfirm')}
          description={t('campaigns:web.campaign.openHint')}
          successText={t('campaigns:web.campaign.opened')}
          onConfirm={async () => {
            setCampaign(await campaignApi.open(c.id));
          }}
        >
          {t('campaigns:web.campaign.open')}
        </ConfirmAction>
      )}
      {c.canManage && c.status === 'open' && (
        <ConfirmAction
          danger
          title={t('campaigns:web.campaign.closeConfirm')}
          description={t('campaigns:web.campaign.closeHint')}
          successText={t('campaigns:web.campaign.closed')}
          onConfirm={async () => {
            setCampaign(await campaignApi.close(c.id));
          }}
        >
          {t('campaigns:web.campaign.close')}
        </ConfirmAction>
      )}
      {mayApply && (
        <Button type="primary" icon={<EditOutlined />} onClick={() => setApplying(true)}>
          {t('campaigns:web.campaign.apply')}
        </Button>
      )}
      {(c.status === 'publicity' || c.status === 'published') && (
        <Button icon={<ExportOutlined />} href={publicListPath(c.id)} target="_blank" rel="noopener">
          {t('campaigns:web.campaign.publicPage')}
        </Button>
      )}
    </>
  );

  return (
    <PageShell
      title={c.title}
      description={
        // Inline elements only: PageShell puts the description in a paragraph.
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <CampaignStatusTag status={c.status} />
          <span>{t(`campaigns:web.type.${c.type}`)}</span>
          <Typography.Text type="secondary">·</Typography.Text>
          <span>{t('campaigns:web.campaign.organiser', { org: c.orgName })}</span>
          <Typography.Text type="secondary">·</Typography.Text>
          <span>
            {c.applyUntil ? t('campaigns:web.campaign.applyUntil', { date: c.applyUntil }) : t('campaigns:web.campaign.noDeadline')}
          </span>
        </span>
      }
      actions={actions}
    >
      <Tabs activeKey={tab} onChange={(key) => update({ tab: key })} items={tabs} />
      {c.canManage && c.status === 'draft' && (
        <RulesDrawer
          campaign={c}
          open={editingRules}
          onClose={() => setEditingRules(false)}
          onSaved={(saved) => {
            setEditingRules(false);
            setCampaign(saved);
            void message.success(t('campaigns:web.rules.saved'));
          }}
        />
      )}
      <ApplicationDrawer applicationId={params.get('application')} rules={c.rules} onClose={() => update({ application: null })} />
      <ApplicationFormDrawer
        campaign={applying ? c : null}
        onClose={() => setApplying(false)}
        onSubmitted={(a) => {
          setApplying(false);
          void message.success(t('campaigns:web.form.submitted', { title: a.title }));
          changed();
          update({ tab: readsApplications ? 'applications' : 'mine', application: a.id });
        }}
      />
    </PageShell>
  );
}
