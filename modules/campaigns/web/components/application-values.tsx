import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../api.ts';

/** An application's form values under the form's labels; links open in a new tab, long text keeps its lines. */
export function ApplicationValues({ form, values }: { form: FormField[]; values: Record<string, string | number> }) {
  const { t } = useTranslation();
  const known = form.filter((f) => values[f.key] !== undefined && values[f.key] !== '');
  // Values of fields no longer in the form (never expected: rules lock once applications open) still show, by key.
  const extra = Object.keys(values).filter((k) => !form.some((f) => f.key === k));
  if (known.length + extra.length === 0)
    return <Typography.Text type="secondary">{t('campaigns:web.application.noValues')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 150 } }}
      items={[
        ...known.map((f) => ({
          key: f.key,
          label: f.label,
          children:
            f.type === 'url' ? (
              <Typography.Link href={String(values[f.key])} target="_blank" rel="noopener noreferrer">
                {String(values[f.key])}
              </Typography.Link>
            ) : (
              <span style={{ whiteSpace: 'pre-wrap' }}>{String(values[f.key])}</span>
            ),
        })),
        ...extra.map((k) => ({ key: k, label: k, children: String(values[k]) })),
      ]}
    />
  );
}
