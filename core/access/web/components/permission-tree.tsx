import { Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PermissionInfo } from '../api.ts';
import { usePermissionGroups } from './permission-groups.ts';

/**
 * Permissions as a two-level checkbox tree: one branch per module, whose own checkbox selects
 * or clears the whole module. Real checkboxes, so the keyboard and screen readers just work.
 */
export function PermissionTree({
  id,
  permissions,
  value = [],
  onChange,
  disabled,
}: {
  id?: string;
  permissions: PermissionInfo[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const groups = usePermissionGroups(permissions);
  const chosen = new Set(value);
  const update = (ids: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const p of ids)
      if (on) next.add(p);
      else next.delete(p);
    // Keeps the server's order, so a saved role reads the same as the list.
    onChange?.(permissions.map((p) => p.id).filter((p) => next.has(p)));
  };

  return (
    <div id={id} style={{ display: 'grid', gap: 8 }}>
      {groups.map((g) => {
        const ids = g.items.map((p) => p.id);
        const count = ids.filter((p) => chosen.has(p)).length;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a labelled group of checkboxes styled as a card; a fieldset's legend would break the card layout
          <div
            key={g.module}
            role="group"
            aria-label={g.label}
            data-module={g.module}
            style={{ border: '1px solid #e5e7eb', borderRadius: 8, padding: '8px 12px', background: '#fafbfc' }}
          >
            <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
              <Checkbox
                checked={count === ids.length}
                indeterminate={count > 0 && count < ids.length}
                disabled={disabled}
                onChange={(e) => update(ids, e.target.checked)}
                aria-label={t('access:web.tree.wholeModule', { module: g.label })}
              >
                <Typography.Text strong>{g.label}</Typography.Text>
              </Checkbox>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('access:web.tree.count', { count, total: ids.length })}
              </Typography.Text>
            </div>
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
                gap: '4px 12px',
                margin: '6px 0 2px 7px',
                paddingInlineStart: 17,
                borderInlineStart: '1px dashed #d0d7e2',
              }}
            >
              {g.items.map((p) => (
                <Checkbox
                  key={p.id}
                  checked={chosen.has(p.id)}
                  disabled={disabled}
                  onChange={(e) => update([p.id], e.target.checked)}
                  title={p.id}
                >
                  {p.label}
                </Checkbox>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
