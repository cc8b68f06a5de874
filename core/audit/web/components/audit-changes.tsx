import type { CSSProperties, ReactNode } from 'react';
import { Descriptions, Table, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

// Services record an edit as [before, after]. These fields hold plain lists (the permissions a
// role gained or lost, the org codes an import created or updated), so a list of two must not
// be read as a before/after pair.
const LIST_FIELDS = new Set(['added', 'removed', 'permissions', 'created', 'updated']);

export const isChangePair = (field: string, value: unknown): value is [unknown, unknown] =>
  Array.isArray(value) && value.length === 2 && !LIST_FIELDS.has(field);

const jsonStyle: CSSProperties = {
  margin: 0,
  padding: '6px 8px',
  background: '#f8fafc',
  borderRadius: 4,
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  maxHeight: 240,
  overflow: 'auto',
};

/** One recorded value: text as it is, yes/no for booleans, "empty" for null, JSON for the rest. */
export function ChangeValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('audit:web.changes.empty')}</Typography.Text>;
  if (typeof value === 'boolean') return <>{t(value ? 'audit:web.changes.yes' : 'audit:web.changes.no')}</>;
  if (typeof value === 'string' || typeof value === 'number') return <span style={{ wordBreak: 'break-all' }}>{String(value)}</span>;
  return <pre style={jsonStyle}>{JSON.stringify(value, null, 2)}</pre>;
}

function FieldName({ field }: { field: string }) {
  const { t } = useTranslation();
  const label = t(`audit:web.fields.${field}`, { defaultValue: field });
  return (
    <span>
      {label}
      {label !== field && (
        <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
          {field}
        </Typography.Text>
      )}
    </span>
  );
}

/** A record's `changes`: edits as a before → after table, everything else as field and value. */
export function AuditChanges({ changes }: { changes: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes);
  if (entries.length === 0) return <Typography.Text type="secondary">{t('audit:web.changes.none')}</Typography.Text>;
  const pairs = entries.filter(([field, value]) => isChangePair(field, value)) as Array<[string, [unknown, unknown]]>;
  const values = entries.filter(([field, value]) => !isChangePair(field, value));
  const sections: ReactNode[] = [];
  if (pairs.length > 0) {
    sections.push(
      <Table
        key="pairs"
        size="small"
        bordered
        pagination={false}
        rowKey={([field]) => field}
        dataSource={pairs}
        aria-label={t('audit:web.changes.pairsLabel')}
        columns={[
          { key: 'field', title: t('audit:web.changes.field'), width: '28%', render: (_, [field]) => <FieldName field={field} /> },
          { key: 'before', title: t('audit:web.changes.before'), render: (_, [, [before]]) => <ChangeValue value={before} /> },
          {
            key: 'arrow',
            title: '',
            width: 32,
            align: 'center',
            render: () => <ArrowRightOutlined aria-hidden style={{ color: '#94a3b8' }} />,
          },
          { key: 'after', title: t('audit:web.changes.after'), render: (_, [, [, after]]) => <ChangeValue value={after} /> },
        ]}
      />,
    );
  }
  if (values.length > 0) {
    sections.push(
      <Descriptions
        key="values"
        size="small"
        bordered
        column={1}
        styles={{ label: { width: '28%' } }}
        items={values.map(([field, value]) => ({
          key: field,
          label: <FieldName field={field} />,
          children: <ChangeValue value={value} />,
        }))}
      />,
    );
  }
  return <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>{sections}</div>;
}
