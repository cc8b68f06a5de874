import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Form, InputNumber, List, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, EmptyState, ErrorState, FormDrawer } from '#ui';
import { reviewApi, type CampaignView, type DrawResult, type ExpertCandidate, type ExpertView } from '../api.ts';

/**
 * Finds holders of the expert permission anywhere on the platform (not only the organiser's
 * subtree: rounds invite experts from elsewhere to keep clear of conflicts) by account or name.
 * Those already in this category's pool show but cannot be picked again.
 */
function ExpertPicker({
  campaignId,
  categoryCode,
  value,
  onChange,
  id,
}: {
  campaignId: string;
  categoryCode: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<ExpertCandidate[]>([]);
  // Experts already picked keep their names when a later search no longer finds them.
  const [picked, setPicked] = useState<Record<string, ExpertCandidate>>({});
  const [searching, setSearching] = useState(false);
  const search = (q: string) => {
    if (!q.trim()) return;
    setSearching(true);
    reviewApi
      .candidates(campaignId, q.trim())
      .then(setHits, () => setHits([]))
      .finally(() => setSearching(false));
  };
  const choose = (ids: string[]) => {
    setPicked((before) =>
      Object.fromEntries(ids.map((userId) => [userId, before[userId] ?? hits.find((u) => u.id === userId)!]).filter(([, u]) => u)),
    );
    onChange?.(ids);
  };
  const shown = [...Object.values(picked).filter((u) => !hits.some((h) => h.id === u.id)), ...hits];
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: search }}
      loading={searching}
      value={value}
      onChange={choose}
      placeholder={t('campaigns:web.experts.searchPlaceholder')}
      notFoundContent={searching ? null : t('campaigns:web.experts.noUsers')}
      options={shown.map((u) => {
        const inPool = u.inPools.includes(categoryCode);
        return {
          value: u.id,
          disabled: inPool,
          label: `${u.name}（${u.account}${u.orgName ? `，${u.orgName}` : ''}）${inPool ? ` · ${t('campaigns:web.experts.inPool')}` : ''}`,
        };
      })}
    />
  );
}

function AddExpertsDrawer({
  campaign,
  categoryCode,
  open,
  onClose,
  onAdded,
}: {
  campaign: CampaignView;
  categoryCode: string;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const category = campaign.rules.categories.find((c) => c.code === categoryCode);
  return (
    <FormDrawer<{ userIds: string[] }>
      open={open}
      title={t('campaigns:web.experts.addTitle', { category: category?.name ?? '' })}
      onClose={onClose}
      onSubmit={async (values) => {
        await reviewApi.addExperts(campaign.id, categoryCode, values.userIds);
        onAdded();
      }}
    >
      <Form.Item
        name="userIds"
        label={t('campaigns:web.experts.users')}
        extra={t('campaigns:web.experts.usersHint')}
        rules={[{ required: true, message: t('campaigns:web.experts.usersRequired') }]}
      >
        <ExpertPicker id="expert-users" campaignId={campaign.id} categoryCode={categoryCode} />
      </Form.Item>
    </FormDrawer>
  );
}

function DrawOutcome({ result }: { result: DrawResult }) {
  const { t } = useTranslation();
  if (result.shortfalls.length === 0)
    return <Alert type="success" showIcon title={t('campaigns:web.experts.drawn', { count: result.assigned, seed: result.seed })} />;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('campaigns:web.experts.drawnShort', { count: result.assigned, seed: result.seed, short: result.shortfalls.length })}
      description={
        <List
          size="small"
          split={false}
          dataSource={result.shortfalls}
          renderItem={(s) => (
            <List.Item style={{ paddingInline: 0 }}>
              {t('campaigns:web.experts.shortfall', { title: s.title, needed: s.needed, assigned: s.assigned })}
            </List.Item>
          )}
        />
      }
    />
  );
}

/** 专家与分配: a pool of experts per category, then a seeded random draw that keeps experts off their own subtree. */
export function ExpertsTab({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const [experts, setExperts] = useState<ExpertView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [categoryCode, setCategoryCode] = useState(campaign.rules.categories[0].code);
  const [adding, setAdding] = useState(false);
  const [seed, setSeed] = useState<number | null>(null);
  const [drawn, setDrawn] = useState<DrawResult | null>(null);
  const editable = campaign.status === 'reviewing';
  const load = useCallback(() => {
    setError(null);
    reviewApi.experts(campaign.id).then(setExperts, setError);
  }, [campaign.id]);
  useEffect(load, [load]);

  const inCategory = useMemo(() => (experts ?? []).filter((e) => e.categoryCode === categoryCode), [experts, categoryCode]);
  const poolSize = (code: string) => (experts ?? []).filter((e) => e.categoryCode === code).length;
  if (error && !experts) return <ErrorState error={error} onRetry={load} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('campaigns:web.experts.intro', { count: campaign.rules.expertsPerApplication })}
        {!editable && ` ${t('campaigns:web.experts.readOnly')}`}
      </Typography.Paragraph>
      <Card
        size="small"
        title={t('campaigns:web.experts.pool')}
        extra={
          <Space wrap>
            {campaign.rules.categories.length > 1 && (
              <Select
                aria-label={t('campaigns:web.experts.category')}
                style={{ minWidth: 220 }}
                value={categoryCode}
                onChange={setCategoryCode}
                options={campaign.rules.categories.map((c) => ({ value: c.code, label: `${c.name}（${poolSize(c.code)}）` }))}
              />
            )}
            {editable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('campaigns:web.experts.add')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<ExpertView>
          size="small"
          rowKey={(e) => `${e.categoryCode}-${e.userId}`}
          loading={!experts}
          dataSource={inCategory}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('campaigns:web.experts.empty')} /> }}
          columns={[
            { key: 'name', title: t('campaigns:web.experts.columns.name'), dataIndex: 'name' },
            { key: 'org', title: t('campaigns:web.experts.columns.org'), dataIndex: 'orgName' },
            { key: 'assigned', title: t('campaigns:web.experts.columns.assigned'), dataIndex: 'assigned', align: 'right', width: 110 },
            { key: 'submitted', title: t('campaigns:web.experts.columns.submitted'), dataIndex: 'submitted', align: 'right', width: 110 },
            ...(editable
              ? [
                  {
                    key: 'remove',
                    title: '',
                    width: 60,
                    render: (_: unknown, e: ExpertView) => (
                      <ConfirmAction
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('campaigns:web.experts.remove')}
                        title={t('campaigns:web.experts.removeConfirm', { name: e.name })}
                        successText={t('campaigns:web.experts.removed')}
                        onConfirm={async () => {
                          await reviewApi.removeExpert(campaign.id, e.categoryCode, e.userId);
                          load();
                        }}
                      >
                        {null}
                      </ConfirmAction>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editable && (
        <Card size="small" title={t('campaigns:web.experts.drawTitle')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('campaigns:web.experts.drawHint')}</Typography.Text>
            <Space wrap>
              <InputNumber
                aria-label={t('campaigns:web.experts.seed')}
                placeholder={t('campaigns:web.experts.seed')}
                min={0}
                max={2_147_483_647}
                precision={0}
                value={seed}
                onChange={setSeed}
                style={{ width: 200 }}
              />
              <ConfirmAction
                type="primary"
                title={t('campaigns:web.experts.drawConfirm')}
                description={t('campaigns:web.experts.drawConfirmHint')}
                onConfirm={async () => {
                  setDrawn(await reviewApi.draw(campaign.id, seed ?? undefined));
                  load();
                }}
              >
                {t('campaigns:web.experts.draw')}
              </ConfirmAction>
            </Space>
            {drawn && <DrawOutcome result={drawn} />}
          </Space>
        </Card>
      )}
      <AddExpertsDrawer
        campaign={campaign}
        categoryCode={categoryCode}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          load();
        }}
      />
    </Space>
  );
}
