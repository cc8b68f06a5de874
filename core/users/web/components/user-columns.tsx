import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import { ConfirmAction, type DataColumn } from '#ui';
import type { User } from '../api.ts';

const dateTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : null);

/** Masked values are shown as the server sends them; the full numbers never reach the console. */
const Masked = ({ value }: { value: string | null }) =>
  value ? (
    <span style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', whiteSpace: 'nowrap' }}>{value}</span>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );

export function StatusTags({ user, t }: { user: User; t: TFunction }) {
  return (
    <Space size={4} wrap={false}>
      {user.status === 'active' ? <Tag color="green">{t('users:web.status.active')}</Tag> : <Tag>{t('users:web.status.disabled')}</Tag>}
      {user.isLocked && (
        <Tooltip title={user.lockedUntil ? t('users:web.status.lockedUntil', { time: dateTime(user.lockedUntil) }) : undefined}>
          <Tag color="red" icon={<LockOutlined />}>
            {t('users:web.status.locked')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export interface UserRowHandlers {
  can: (permission: string) => boolean;
  /** The signed-in user: resetting one's own password here would end one's own session. */
  selfId: string;
  onEdit: (user: User) => void;
  onRoles: (user: User) => void;
  onResetPassword: (user: User) => Promise<void>;
  onUnlock: (user: User) => Promise<void>;
}

/** The users table's columns; sortable keys are the ones the list route accepts as `sort`. */
export function userColumns(t: TFunction, h: UserRowHandlers): DataColumn<User>[] {
  return [
    {
      key: 'account',
      title: t('users:web.column.account'),
      sortable: true,
      render: (_, u) => <Typography.Text strong>{u.account}</Typography.Text>,
    },
    { key: 'realName', title: t('users:web.column.realName'), sortable: true },
    { key: 'orgName', title: t('users:web.column.org') },
    { key: 'idNumberMasked', title: t('users:web.column.idNumber'), render: (v: string | null) => <Masked value={v} /> },
    { key: 'phoneMasked', title: t('users:web.column.phone'), render: (v: string | null) => <Masked value={v} /> },
    { key: 'status', title: t('users:web.column.status'), render: (_, u) => <StatusTags user={u} t={t} /> },
    {
      key: 'hasTotp',
      title: t('users:web.column.totp'),
      render: (v: boolean) =>
        v ? (
          <Tag color="blue" icon={<SafetyCertificateOutlined />}>
            {t('users:web.totp.enrolled')}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('users:web.totp.none')}</Typography.Text>
        ),
    },
    {
      key: 'lastLoginAt',
      title: t('users:web.column.lastLogin'),
      sortable: true,
      render: (v: string | null) => dateTime(v) ?? <Typography.Text type="secondary">{t('users:web.neverSignedIn')}</Typography.Text>,
    },
    { key: 'createdAt', title: t('users:web.column.createdAt'), sortable: true, defaultHidden: true, render: (v: string) => dateTime(v) },
    { key: 'actions', title: t('users:web.column.actions'), fixed: 'right', render: (_, u) => <UserRowActions user={u} t={t} h={h} /> },
  ];
}

function UserRowActions({ user, t, h }: { user: User; t: TFunction; h: UserRowHandlers }) {
  const name = t('users:web.nameWithAccount', { name: user.realName, account: user.account });
  return (
    <Space size={0} wrap={false}>
      {h.can('users.user.update') && (
        <Button
          type="link"
          size="small"
          onClick={() => h.onEdit(user)}
          aria-label={t('users:web.action.editLabel', { name: user.realName })}
        >
          {t('users:web.action.edit')}
        </Button>
      )}
      {h.can('access.grant.read') && (
        <Button
          type="link"
          size="small"
          onClick={() => h.onRoles(user)}
          aria-label={t('users:web.action.rolesLabel', { name: user.realName })}
        >
          {t('users:web.action.roles')}
        </Button>
      )}
      {h.can('users.user.reset_password') && user.id !== h.selfId && (
        <ConfirmAction
          type="link"
          size="small"
          danger
          title={t('users:web.reset.confirm', { name })}
          description={<div style={{ maxWidth: 320 }}>{t('users:web.reset.description')}</div>}
          onConfirm={() => h.onResetPassword(user)}
          aria-label={t('users:web.action.resetLabel', { name: user.realName })}
        >
          {t('users:web.action.resetPassword')}
        </ConfirmAction>
      )}
      {user.isLocked && h.can('users.user.unlock') && (
        <ConfirmAction
          type="link"
          size="small"
          title={t('users:web.unlock.confirm', { name })}
          successText={t('users:web.unlock.done')}
          onConfirm={() => h.onUnlock(user)}
          aria-label={t('users:web.action.unlockLabel', { name: user.realName })}
        >
          {t('users:web.action.unlock')}
        </ConfirmAction>
      )}
    </Space>
  );
}
