import { DatePicker, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { actionGroupLabels, actionLabels } from './action-labels.ts';

export interface AuditFilterValues {
  actorName?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Turns a picked range into the server's half-open [from, to) in ISO time, whole minutes included. */
export function rangeToQuery(range: [Dayjs | null, Dayjs | null] | null): Pick<AuditFilterValues, 'from' | 'to'> {
  const [start, end] = range ?? [null, null];
  return {
    from: start ? start.startOf('minute').toISOString() : undefined,
    to: end ? end.add(1, 'minute').startOf('minute').toISOString() : undefined,
  };
}

/** Actor account, action (one, or a whole module by its prefix) and time range. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const actions = actionLabels(t);
  const groups = actionGroupLabels(t);
  const option = (code: string, label: string) => ({ value: code, label, title: code });
  return (
    <>
      <Input.Search
        allowClear
        style={{ width: 180 }}
        aria-label={t('audit:web.filter.actor')}
        placeholder={t('audit:web.filter.actorPlaceholder')}
        defaultValue={value.actorName}
        onSearch={(text) => onChange({ ...value, actorName: text.trim() || undefined })}
      />
      <Select
        allowClear
        style={{ width: 220 }}
        aria-label={t('audit:web.filter.action')}
        placeholder={t('audit:web.filter.actionPlaceholder')}
        value={value.action}
        showSearch={{ optionFilterProp: ['label', 'value'] }}
        onChange={(action?: string) => onChange({ ...value, action })}
        options={[
          { label: t('audit:web.filter.groups'), options: Object.entries(groups).map(([code, label]) => option(code, label)) },
          { label: t('audit:web.filter.exact'), options: Object.entries(actions).map(([code, label]) => option(code, label)) },
        ]}
        optionRender={(o) => (
          <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>{o.label}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {String(o.value)}
            </Typography.Text>
          </span>
        )}
        popupMatchSelectWidth={360}
      />
      <DatePicker.RangePicker
        style={{ width: 340 }}
        aria-label={t('audit:web.filter.time')}
        showTime={{ format: 'HH:mm', defaultValue: [dayjs().startOf('day'), dayjs().endOf('day')] }}
        format="YYYY-MM-DD HH:mm"
        placeholder={[t('audit:web.filter.from'), t('audit:web.filter.to')]}
        presets={[
          { label: t('audit:web.filter.today'), value: [dayjs().startOf('day'), dayjs().endOf('day')] },
          { label: t('audit:web.filter.last7Days'), value: [dayjs().subtract(6, 'day').startOf('day'), dayjs().endOf('day')] },
          { label: t('audit:web.filter.last30Days'), value: [dayjs().subtract(29, 'day').startOf('day'), dayjs().endOf('day')] },
        ]}
        onChange={(range) => onChange({ ...value, ...rangeToQuery(range) })}
      />
    </>
  );
}
