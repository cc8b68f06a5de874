import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Card, Col, Row, Segmented, Spin, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import { ErrorState, ProvinceTileGrid } from '#ui';
import { campaignApi, type CampaignStats as Stats } from '../api.ts';

const Chart = lazy(() => import('#ui/components/chart.tsx'));
const MEASURES = ['submitted', 'recommended', 'selected'] as const;
type Measure = (typeof MEASURES)[number];
const COLORS: Record<Measure, string> = { submitted: '#93c5fd', recommended: '#1d4ed8', selected: '#16a34a' };

/** Counts per province (a tile grid, never a bordered map) and per category (bars) for organisers. */
export function CampaignStats({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [measure, setMeasure] = useState<Measure>('submitted');
  const load = useCallback(() => {
    setError(null);
    campaignApi.stats(campaignId).then(setStats, setError);
  }, [campaignId]);
  useEffect(load, [load]);

  const label = useCallback((m: Measure) => t(`campaigns:web.overview.counts.${m}`), [t]);
  const option = useMemo<EChartsOption | null>(
    () =>
      stats && {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: stats.byCategory.length > 3 ? 72 : 32 },
        xAxis: {
          type: 'category',
          data: stats.byCategory.map((c) => c.categoryName),
          axisLabel: { interval: 0, rotate: stats.byCategory.length > 3 ? 30 : 0, width: 120, overflow: 'truncate' },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: MEASURES.map((m) => ({
          name: label(m),
          type: 'bar',
          barMaxWidth: 56,
          itemStyle: { color: COLORS[m] },
          data: stats.byCategory.map((c) => c[m]),
        })),
      },
    [stats, label],
  );

  if (error) return <ErrorState error={error} onRetry={load} />;
  if (!stats || !option) return <Spin />;
  const tiles = Object.fromEntries(stats.byProvince.filter((p) => p.divisionCode).map((p) => [p.divisionCode!.slice(0, 2), p[measure]]));
  // Applicants outside any province (the ministry's own units) have no tile: they are counted under the grid.
  const outside = stats.byProvince.filter((p) => !p.divisionCode).reduce((n, p) => n + p[measure], 0);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          size="small"
          title={t('campaigns:web.overview.byProvince')}
          style={{ height: '100%' }}
          extra={
            <Segmented<Measure>
              size="small"
              value={measure}
              onChange={setMeasure}
              options={MEASURES.map((m) => ({ value: m, label: label(m) }))}
            />
          }
        >
          <ProvinceTileGrid label={t('campaigns:web.overview.byProvince')} values={tiles} tileSize={48} />
          {outside > 0 && (
            <Typography.Text type="secondary">{t('campaigns:web.overview.outsideProvinces', { count: outside })}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('campaigns:web.overview.byCategory')} style={{ height: '100%' }}>
          <Suspense fallback={<Spin />}>
            <Chart label={t('campaigns:web.overview.byCategory')} option={option} height={stats.byCategory.length > 3 ? 360 : 300} />
          </Suspense>
        </Card>
      </Col>
    </Row>
  );
}
