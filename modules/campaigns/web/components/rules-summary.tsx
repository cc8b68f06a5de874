import { Card, Col, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ORG_TYPE_LABELS, type OrgType } from '#core/orgs/contract/org-types.ts';
import type { CampaignRules } from '../api.ts';

type LevelQuota = CampaignRules['levelQuotas'][number];

// The orgs module's words for its types, with the contract's Chinese as the fallback.
const orgTypeLabel = (t: TFunction, type: string) => t(`orgs:web.type.${type}`, { defaultValue: ORG_TYPE_LABELS[type as OrgType] ?? type });

/** "县级推荐不超过收到数的 20%（至少 1 项）" or "市级推荐不超过 10 项". */
export function levelQuotaText(t: TFunction, q: LevelQuota): string {
  const level = t(`campaigns:web.level.${q.level}`);
  const parts: string[] = [];
  if (q.share !== undefined) parts.push(t('campaigns:web.overview.levelShare', { level, percent: Math.round(q.share * 1000) / 10 }));
  if (q.max !== undefined)
    parts.push(t(q.share !== undefined ? 'campaigns:web.overview.levelAlsoMax' : 'campaigns:web.overview.levelMax', { level, max: q.max }));
  if (parts.length === 0) parts.push(t('campaigns:web.overview.levelAny', { level }));
  const minimum = q.minimum ? t('campaigns:web.overview.levelMinimum', { minimum: q.minimum }) : '';
  return parts.join(t('campaigns:web.overview.and')) + minimum;
}

/** What the organiser set: categories and quotas, recommendation quotas per level, uniqueness, the province cap, the rubric. */
export function RulesSummary({ rules }: { rules: CampaignRules }) {
  const { t } = useTranslation();
  const none = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('campaigns:web.overview.categories')} style={{ height: '100%' }}>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={rules.categories}
            columns={[
              { key: 'name', title: t('campaigns:web.overview.category'), dataIndex: 'name' },
              { key: 'kind', title: t('campaigns:web.overview.kind'), width: 90, render: (_, c) => t(`campaigns:web.kind.${c.kind}`) },
              {
                key: 'quota',
                title: t('campaigns:web.overview.quota'),
                width: 90,
                align: 'right',
                render: (_, c) => c.quota.toLocaleString(),
              },
              {
                key: 'applicants',
                title: t('campaigns:web.overview.applicantTypes'),
                render: (_, c) => (
                  <Space size={[0, 4]} wrap>
                    {c.applicantOrgTypes.map((type) => (
                      <Tag key={type}>{orgTypeLabel(t, type)}</Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title={t('campaigns:web.overview.rubric')}
          style={{ height: '100%' }}
          extra={<Typography.Text type="secondary">{t('campaigns:web.overview.rubricHint')}</Typography.Text>}
        >
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rules.rubric}
            columns={[
              { key: 'name', title: t('campaigns:web.overview.criterion'), dataIndex: 'name' },
              { key: 'weight', title: t('campaigns:web.overview.weight'), width: 80, align: 'right', render: (_, c) => `${c.weight}%` },
              { key: 'max', title: t('campaigns:web.overview.max'), width: 80, align: 'right', dataIndex: 'max' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" title={t('campaigns:web.overview.levelQuotas')} style={{ height: '100%' }}>
          {rules.levelQuotas.length === 0 ? (
            none(t('campaigns:web.overview.noLevelQuotas'))
          ) : (
            <List
              size="small"
              split={false}
              dataSource={rules.levelQuotas}
              renderItem={(q) => <List.Item style={{ paddingInline: 0 }}>{levelQuotaText(t, q)}</List.Item>}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" title={t('campaigns:web.overview.uniqueness')} style={{ height: '100%' }}>
          {rules.uniqueness.length === 0 ? (
            none(t('campaigns:web.overview.noUniqueness'))
          ) : (
            <List
              size="small"
              split={false}
              dataSource={rules.uniqueness}
              renderItem={(u) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <Space size={4} wrap>
                    <span>{u.label}</span>
                    <Tag>{t(`campaigns:web.overview.within.${u.within}`)}</Tag>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card size="small" title={t('campaigns:web.overview.review')} style={{ height: '100%' }}>
          <List
            size="small"
            split={false}
            dataSource={[
              rules.regionCaps[0]
                ? t('campaigns:web.overview.regionCap', { max: rules.regionCaps[0].max })
                : t('campaigns:web.overview.noRegionCap'),
              t('campaigns:web.overview.experts', { count: rules.expertsPerApplication }),
              t('campaigns:web.overview.minScore', { score: rules.minScore }),
              t('campaigns:web.overview.publicityDays', { days: rules.publicityDays }),
            ]}
            renderItem={(line) => <List.Item style={{ paddingInline: 0 }}>{line}</List.Item>}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('campaigns:web.overview.form')}>
          {rules.form.length === 0 ? (
            none(t('campaigns:web.overview.noForm'))
          ) : (
            <Space size={[8, 8]} wrap>
              {rules.form.map((f) => (
                <Tag key={f.key} color={f.required ? 'blue' : undefined}>
                  {f.label} · {t(`campaigns:web.fieldType.${f.type}`)}
                  {f.required ? ` · ${t('campaigns:web.overview.required')}` : ''}
                </Tag>
              ))}
            </Space>
          )}
        </Card>
      </Col>
    </Row>
  );
}
