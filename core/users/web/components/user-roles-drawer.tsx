import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Divider, Drawer, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ConfirmAction, EmptyState, ErrorState, problemMessage, useSession } from '#ui';
import { usersApi, type Grant, type Role, type User } from '../api.ts';
import { OrgSelect } from './org-select.tsx';

interface GrantValues {
  roleId: string;
  orgId: string;
}

/**
 * A user's roles, org by org: revoke one, or grant another on an org of the current subtree.
 * The server refuses a role carrying more than the granter holds; its message shows above the form.
 */
export function UserRolesDrawer({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can, currentOrg } = useSession();
  const [grants, setGrants] = useState<Grant[] | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [grantError, setGrantError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<GrantValues>();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const canManage = can('access.grant.manage');
  const chosenRoleId = Form.useWatch('roleId', form);
  const chosenRole = roles.find((r) => r.id === chosenRoleId);

  const load = useCallback(async () => {
    if (!user) return;
    setLoadError(null);
    try {
      setGrants((await usersApi.grantsOf(user.id)).items);
    } catch (e) {
      setLoadError(e);
    }
  }, [user]);

  useEffect(() => {
    setGrants(null);
    setGrantError(null);
    if (!user) return;
    void load();
    if (canManage) usersApi.roles().then(setRoles, () => setRoles([]));
  }, [user, load, canManage]);

  const roleName = (g: Grant) => {
    const role = roles.find((r) => r.id === g.roleId);
    return isEnglish && role ? role.nameEn : g.roleName;
  };

  async function grant(values: GrantValues) {
    if (!user) return;
    setBusy(true);
    setGrantError(null);
    try {
      await usersApi.grant({ userId: user.id, roleId: values.roleId, orgId: values.orgId });
      void message.success(t('users:web.grants.granted'));
      form.setFieldsValue({ roleId: undefined });
      await load();
    } catch (e) {
      setGrantError(problemMessage(i18n, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open={user !== null}
      title={user ? t('users:web.grants.title', { name: user.realName, account: user.account }) : ''}
      size={640}
      onClose={onClose}
      destroyOnHidden
    >
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
        {t('users:web.grants.current')}
      </Typography.Title>
      {loadError && !grants ? (
        <ErrorState error={loadError} onRetry={() => void load()} />
      ) : (
        <Table<Grant>
          size="small"
          rowKey="id"
          loading={grants === null}
          dataSource={grants ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('users:web.grants.empty')} /> }}
          columns={[
            {
              key: 'role',
              title: t('users:web.grants.role'),
              render: (_, g) => (
                <Space size={4}>
                  {roleName(g)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {g.roleCode}
                  </Typography.Text>
                </Space>
              ),
            },
            { key: 'org', title: t('users:web.grants.org'), dataIndex: 'orgName' },
            {
              key: 'createdAt',
              title: t('users:web.grants.grantedAt'),
              dataIndex: 'createdAt',
              render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: t('users:web.column.actions'),
                    width: 90,
                    render: (_: unknown, g: Grant) => (
                      <ConfirmAction
                        size="small"
                        type="link"
                        danger
                        title={t('users:web.grants.revokeConfirm', { role: roleName(g), org: g.orgName })}
                        successText={t('users:web.grants.revoked')}
                        onConfirm={async () => {
                          await usersApi.revoke(g.id);
                          await load();
                        }}
                        aria-label={t('users:web.grants.revokeLabel', { role: roleName(g), org: g.orgName })}
                      >
                        {t('users:web.grants.revoke')}
                      </ConfirmAction>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canManage && (
        <>
          <Divider />
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('users:web.grants.add')}
          </Typography.Title>
          {grantError && <Alert type="error" showIcon title={grantError} role="alert" style={{ marginBottom: 16 }} />}
          <Form<GrantValues>
            form={form}
            layout="vertical"
            onFinish={grant}
            onValuesChange={() => setGrantError(null)}
            disabled={busy}
            initialValues={{ orgId: currentOrg.id }}
          >
            <Form.Item
              name="roleId"
              label={t('users:web.grants.role')}
              rules={[{ required: true, message: t('users:web.grants.roleRequired') }]}
              extra={chosenRole?.isAdmin ? t('users:web.grants.adminHint') : undefined}
            >
              <Select
                showSearch={{ optionFilterProp: 'search' }}
                placeholder={t('users:web.grants.rolePlaceholder')}
                options={roles.map((r) => ({
                  value: r.id,
                  search: `${r.name} ${r.nameEn} ${r.code}`,
                  label: (
                    <Space size={6}>
                      {isEnglish ? r.nameEn : r.name}
                      {r.isAdmin && (
                        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                          {t('users:web.grants.adminTag')}
                        </Tag>
                      )}
                    </Space>
                  ),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="orgId"
              label={t('users:web.grants.org')}
              rules={[{ required: true, message: t('users:web.grants.orgRequired') }]}
            >
              <OrgSelect within={currentOrg.id} known={{ id: currentOrg.id, name: currentOrg.name }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('users:web.grants.submit')}
            </Button>
          </Form>
        </>
      )}
    </Drawer>
  );
}
