import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, EmptyState, ErrorState, PageShell, useSession } from '#ui';
import { accessApi, type PermissionInfo, type Role } from '../api.ts';
import { RoleFormDrawer } from '../components/role-form-drawer.tsx';
import { RolePermissionsDrawer } from '../components/role-permissions-drawer.tsx';
import { RoleTags } from '../components/role-tags.tsx';

/** Built-in and custom roles with what they allow; custom roles are created, edited and deleted here. */
export default function RoleListPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const canManage = can('access.role.manage');
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [permissions, setPermissions] = useState<PermissionInfo[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [viewing, setViewing] = useState<Role | null>(null);
  const [editing, setEditing] = useState<{ role: Role | null } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [r, p] = await Promise.all([accessApi.roles(), accessApi.permissions()]);
      setRoles(r);
      setPermissions(p);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (r: Role) => (isEnglish ? r.nameEn : r.name);

  return (
    <PageShell
      title={t('access:web.list.title')}
      description={t('access:web.list.description')}
      actions={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ role: null })}>
            {t('access:web.list.create')}
          </Button>
        )
      }
    >
      {error && !roles ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {roles ? t('access:web.list.summary', { total: roles.length, custom: roles.filter((r) => !r.isBuiltin).length }) : ''}
            </Typography.Text>
            <Button icon={<ReloadOutlined />} aria-label={t('access:web.list.reload')} onClick={() => void load()} />
          </div>
          <Table<Role>
            size="middle"
            rowKey="id"
            loading={loading}
            dataSource={roles ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState description={t('access:web.list.empty')} /> }}
            columns={[
              {
                key: 'name',
                title: t('access:web.column.name'),
                render: (_, r) => (
                  <div style={{ minWidth: 160, maxWidth: 320 }}>
                    <Typography.Text strong>{nameOf(r)}</Typography.Text>
                    {r.description && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.description}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                ),
              },
              {
                key: 'code',
                title: t('access:web.column.code'),
                dataIndex: 'code',
                render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
              },
              { key: 'kind', title: t('access:web.column.kind'), render: (_, r) => <RoleTags role={r} admin={false} /> },
              {
                key: 'admin',
                title: t('access:web.column.admin'),
                render: (_, r) => (r.isAdmin ? <RoleTags role={r} kind={false} /> : <Typography.Text type="secondary">—</Typography.Text>),
              },
              {
                key: 'permissions',
                title: t('access:web.column.permissions'),
                align: 'right',
                render: (_, r) => (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setViewing(r)}
                    aria-label={t('access:web.list.viewLabel', { name: nameOf(r) })}
                  >
                    {t('access:web.list.permissionCount', { count: r.permissions.length })}
                  </Button>
                ),
              },
              {
                key: 'actions',
                title: t('access:web.column.actions'),
                render: (_, r) => (
                  <Space size={0} wrap={false}>
                    <Button type="link" size="small" onClick={() => setViewing(r)}>
                      {t('access:web.list.view')}
                    </Button>
                    {canManage && !r.isBuiltin && (
                      <>
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setEditing({ role: r })}
                          aria-label={t('access:web.list.editLabel', { name: nameOf(r) })}
                        >
                          {t('access:web.list.edit')}
                        </Button>
                        <ConfirmAction
                          type="link"
                          size="small"
                          danger
                          title={t('access:web.list.deleteConfirm', { name: nameOf(r) })}
                          description={t('access:web.list.deleteHint')}
                          successText={t('access:web.list.deleted')}
                          onConfirm={async () => {
                            await accessApi.deleteRole(r.id);
                            await load();
                          }}
                          aria-label={t('access:web.list.deleteLabel', { name: nameOf(r) })}
                        >
                          {t('access:web.list.delete')}
                        </ConfirmAction>
                      </>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      <RolePermissionsDrawer role={viewing} permissions={permissions} onClose={() => setViewing(null)} />
      <RoleFormDrawer
        open={editing !== null}
        role={editing?.role ?? null}
        permissions={permissions}
        onClose={() => setEditing(null)}
        onSaved={(role) => {
          setEditing(null);
          void message.success(t('access:web.form.saved', { name: role.name }));
          void load();
        }}
      />
    </PageShell>
  );
}
