import { Alert, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PermissionInfo, Role } from '../api.ts';
import { usePermissionGroups } from './permission-groups.ts';
import { RoleTags } from './role-tags.tsx';

/** What a role allows, module by module, read-only. */
export function RolePermissionsDrawer({
  role,
  permissions,
  onClose,
}: {
  role: Role | null;
  permissions: PermissionInfo[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const held = new Set(role?.permissions ?? []);
  const known = new Set(permissions.map((p) => p.id));
  const groups = usePermissionGroups(permissions)
    .map((g) => ({ ...g, items: g.items.filter((p) => held.has(p.id)), total: g.items.length }))
    .filter((g) => g.items.length > 0);
  // A permission of a module since switched off is still stored on the role; show it as is.
  const unknown = [...held].filter((p) => !known.has(p));

  return (
    <Drawer
      open={role !== null}
      size={560}
      onClose={onClose}
      destroyOnHidden
      title={role ? t('access:web.view.title', { name: isEnglish ? role.nameEn : role.name }) : ''}
    >
      {role && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <div>
            <RoleTags role={role} />
            {role.description && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {role.description}
              </Typography.Paragraph>
            )}
          </div>
          {role.isBuiltin && <Alert type="info" showIcon title={t('access:web.view.builtinNote')} />}
          {groups.length === 0 && unknown.length === 0 ? (
            <Empty description={t('access:web.view.none')} />
          ) : (
            groups.map((g) => (
              <section key={g.module} aria-label={g.label}>
                <Typography.Title level={2} style={{ fontSize: 15, margin: '0 0 8px' }}>
                  {g.label}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                    {t('access:web.tree.count', { count: g.items.length, total: g.total })}
                  </Typography.Text>
                </Typography.Title>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {g.items.map((p) => (
                    <li key={p.id} style={{ lineHeight: '26px' }}>
                      {p.label}{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
                        {p.id}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
          {unknown.length > 0 && (
            <section aria-label={t('access:web.view.unknown')}>
              <Typography.Title level={2} style={{ fontSize: 15, margin: '0 0 8px' }}>
                {t('access:web.view.unknown')}
              </Typography.Title>
              <Space wrap>
                {unknown.map((p) => (
                  <Tag key={p}>{p}</Tag>
                ))}
              </Space>
            </section>
          )}
        </Space>
      )}
    </Drawer>
  );
}
