import { useMemo, useState } from 'react';
import { App, Button, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataTable, PageShell, useSession } from '#ui';
import { usersApi, type User } from '../api.ts';
import { userColumns } from '../components/user-columns.tsx';
import { UserCreateDrawer } from '../components/user-create-drawer.tsx';
import { UserEditDrawer } from '../components/user-edit-drawer.tsx';
import { UserRolesDrawer } from '../components/user-roles-drawer.tsx';
import { OneTimePasswordModal, type OneTimePassword } from '../components/one-time-password-modal.tsx';

type StatusFilter = 'active' | 'disabled' | 'locked';

/** Users of the current org's subtree: search, create, edit, roles, password reset and unlock. */
export default function UserListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, currentOrg, info } = useSession();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StatusFilter | undefined>();
  const [reloadToken, setReloadToken] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [granting, setGranting] = useState<User | null>(null);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);
  const reload = () => setReloadToken((n) => n + 1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only bumps a counter through a stable state setter
  const columns = useMemo(
    () =>
      userColumns(t, {
        can,
        selfId: info.user.id,
        onEdit: setEditing,
        onRoles: setGranting,
        onResetPassword: async (user) => {
          const { temporaryPassword } = await usersApi.resetPassword(user.id);
          setOneTime({ kind: 'temporary', account: user.account, realName: user.realName, password: temporaryPassword });
          reload();
        },
        onUnlock: async (user) => {
          await usersApi.unlock(user.id);
          reload();
        },
      }),
    [t, can, info.user.id],
  );

  const createButton = can('users.user.create') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('users:web.list.create')}
    </Button>
  );

  return (
    <PageShell
      title={t('users:web.list.title')}
      description={t('users:web.list.description', { org: currentOrg.name })}
      actions={createButton}
    >
      <DataTable<User>
        id="users.list"
        url={usersApi.listUrl}
        exportUrl={usersApi.exportUrl}
        query={{ orgId: currentOrg.id, q, status }}
        columns={columns}
        rowKey={(u) => u.id}
        reloadToken={reloadToken}
        emptyDescription={q || status ? t('users:web.list.noMatch') : t('users:web.list.empty')}
        filters={
          <>
            <Input.Search
              aria-label={t('users:web.list.searchLabel')}
              placeholder={t('users:web.list.searchPlaceholder')}
              allowClear
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                if (!e.target.value) setQ('');
              }}
              onSearch={(value) => setQ(value.trim())}
              style={{ width: 300 }}
            />
            <Select<StatusFilter>
              aria-label={t('users:web.list.statusLabel')}
              placeholder={t('users:web.list.allStatuses')}
              allowClear
              value={status}
              onChange={(value) => setStatus(value ?? undefined)}
              style={{ width: 140 }}
              options={[
                { value: 'active', label: t('users:web.status.active') },
                { value: 'disabled', label: t('users:web.status.disabled') },
                { value: 'locked', label: t('users:web.status.locked') },
              ]}
            />
          </>
        }
      />
      <UserCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, initialPassword) => {
          setCreating(false);
          void message.success(t('users:web.form.created', { account: user.account }));
          if (initialPassword) setOneTime({ kind: 'initial', account: user.account, realName: user.realName, password: initialPassword });
          reload();
        }}
      />
      <UserEditDrawer
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('users:web.form.saved'));
          reload();
        }}
      />
      <UserRolesDrawer user={granting} onClose={() => setGranting(null)} />
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </PageShell>
  );
}
