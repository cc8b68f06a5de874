import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Button, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ErrorState } from '#ui';
import { toChineseNumeral } from '../../server/chinese-numerals.ts';
import { dashboardApi, planApi, type PlanDashboard, type PlanDetail } from '../api.ts';
import { formatCount } from '../components/target-tag.tsx';

// The console's frame (menu, header) is hidden in print; the report reads like a document.
const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-breadcrumb, .ec-no-print { display: none !important; }
  .ant-layout-content { padding: 0 !important; background: #fff !important; }
  .ec-report { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  .ec-report section { break-inside: avoid; }
}
.ec-report { background: #fff; max-width: 900px; margin: 0 auto; padding: 40px 56px; border: 1px solid #e5e7eb; font-size: 14px; line-height: 1.8; }
.ec-report h1 { text-align: center; font-size: 22px; margin: 0 0 4px; }
.ec-report h2 { font-size: 16px; margin: 24px 0 8px; }
.ec-report table { width: 100%; border-collapse: collapse; margin: 4px 0 12px; }
.ec-report th, .ec-report td { border: 1px solid #9ca3af; padding: 4px 8px; text-align: left; vertical-align: top; }
.ec-report th { background: #f3f4f6; }
`;

/** The plan and its progress as a printable document: summary, then each area's tasks with their figures. */
export default function PlanPrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [dashboard, setDashboard] = useState<PlanDashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    Promise.all([planApi.get(id), dashboardApi.get(id)]).then(([p, d]) => {
      setPlan(p);
      setDashboard(d);
    }, setError);
  }, [id]);
  useEffect(load, [load]);

  if (error) return <ErrorState error={error} onRetry={load} />;
  if (!plan || !dashboard)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  const status = new Map(dashboard.tasks.map((task) => [task.taskId, task]));
  const { totals } = dashboard;

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="ec-no-print" style={{ textAlign: 'right', marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('work-plan:web.print.print')}
        </Button>
      </div>
      <article className="ec-report">
        <h1>{t('work-plan:web.print.title', { title: plan.title })}</h1>
        <p style={{ textAlign: 'center', color: '#4b5563', margin: 0 }}>
          {plan.issuer ?? ''}　{t('work-plan:web.print.generated', { at: dayjs().format('YYYY-MM-DD HH:mm') })}
        </p>
        <p>{t('work-plan:web.print.summary', { tasks: dashboard.tasks.length, ...totals })}</p>
        {plan.areas.map((area) => (
          <section key={area.id}>
            <h2>
              （{toChineseNumeral(area.ordinal)}）{area.title}
            </h2>
            <table>
              <thead>
                <tr>
                  <th style={{ width: '34%' }}>{t('work-plan:web.myTasks.columns.task')}</th>
                  <th style={{ width: '22%' }}>{t('work-plan:web.print.units')}</th>
                  <th>{t('work-plan:web.print.targets')}</th>
                  <th style={{ width: 64 }}>{t('work-plan:web.print.status')}</th>
                </tr>
              </thead>
              <tbody>
                {area.tasks.map((task) => {
                  const s = status.get(task.id);
                  const units = [...new Set(task.paragraphs.flatMap((p) => p.units.map((u) => u.name)))].join('、');
                  return (
                    <tr key={task.id}>
                      <td>
                        {task.number}. {task.title}
                      </td>
                      <td>{units}</td>
                      <td>
                        {task.targets.map((g) => (
                          <div key={g.id}>
                            {g.object} {g.max ? `${formatCount(g.count)}–${formatCount(g.max)}` : formatCount(g.count)}
                            {g.unit}
                            {g.max ? '' : t(`work-plan:web.bound.${g.bound}`)}
                          </div>
                        ))}
                      </td>
                      <td>
                        {s ? (
                          <>
                            {t(`work-plan:web.status.${s.status}`)}
                            {task.targets.length > 0 && <div>{Math.round(s.share * 100)}%</div>}
                          </>
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        ))}
      </article>
    </>
  );
}
