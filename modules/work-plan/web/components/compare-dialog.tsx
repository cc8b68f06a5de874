import { useEffect, useState } from 'react';
import { Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '#ui';
import { compareApi, planApi, type PlanComparison, type PlanSummary } from '../api.ts';
import { formatCount } from './target-tag.tsx';

/** Picks an earlier plan and shows which tasks continue and how their targets changed. */
export function CompareDialog({ planId, open, onClose }: { planId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [previousId, setPreviousId] = useState<string | undefined>();
  const [result, setResult] = useState<PlanComparison | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) planApi.list().then((all) => setPlans(all.filter((p) => p.id !== planId)), setError);
  }, [open, planId]);
  useEffect(() => {
    if (!previousId) return;
    setResult(null);
    setError(null);
    compareApi.get(planId, previousId).then(setResult, setError);
  }, [planId, previousId]);

  const change = (c: PlanComparison['matches'][number]['targetChanges'][number]) =>
    c.before === null
      ? `${c.object} ${t('work-plan:web.compare.new')} ${formatCount(c.after!)}${c.unit}`
      : c.after === null
        ? `${c.object} ${t('work-plan:web.compare.removed')}`
        : `${c.object} ${formatCount(c.before)} → ${formatCount(c.after)}${c.unit}`;

  return (
    <Modal open={open} onCancel={onClose} footer={null} width={980} title={t('work-plan:web.compare.open')}>
      <Select
        aria-label={t('work-plan:web.compare.choose')}
        placeholder={t('work-plan:web.compare.choose')}
        style={{ width: 420, marginBottom: 16 }}
        value={previousId}
        onChange={setPreviousId}
        options={plans.map((p) => ({ value: p.id, label: `${p.title}（${p.orgName}）` }))}
      />
      {error ? (
        <ErrorState error={error} />
      ) : (
        result && (
          <>
            <Typography.Paragraph>
              {t('work-plan:web.compare.title', { current: result.current.title, previous: result.previous.title })}：
              {t('work-plan:web.compare.continuing', { count: result.continuing, fresh: result.matches.length - result.continuing })}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey={(m) => m.current.id}
              dataSource={result.matches}
              pagination={{ pageSize: 10 }}
              columns={[
                { key: 'c', title: t('work-plan:web.compare.current'), render: (_, m) => `${m.current.number}. ${m.current.title}` },
                {
                  key: 'p',
                  title: t('work-plan:web.compare.previous'),
                  render: (_, m) =>
                    m.previous ? `${m.previous.number}. ${m.previous.title}` : <Tag color="green">{t('work-plan:web.compare.new')}</Tag>,
                },
                {
                  key: 's',
                  title: t('work-plan:web.compare.similarity'),
                  width: 90,
                  render: (_, m) => (m.previous ? `${Math.round(m.similarity * 100)}%` : '—'),
                },
                {
                  key: 'x',
                  title: t('work-plan:web.compare.changes'),
                  render: (_, m) =>
                    m.targetChanges.length === 0 ? (
                      <Typography.Text type="secondary">{t('work-plan:web.compare.none')}</Typography.Text>
                    ) : (
                      <Space orientation="vertical" size={0}>
                        {m.targetChanges.map((c) => (
                          <span key={c.object + c.unit}>{change(c)}</span>
                        ))}
                      </Space>
                    ),
                },
              ]}
            />
          </>
        )
      )}
    </Modal>
  );
}
