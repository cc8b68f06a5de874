import { useCallback, useEffect, useState } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, EmptyState, ErrorState } from '#ui';
import { listMyTokens, revokeMyToken, type ApiToken } from '../api.ts';
import { ApiTokenCreateModal } from './api-token-create-modal.tsx';

const formatTime = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

function status(token: ApiToken, now: Date): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  return token.expiresAt <= now.toISOString() ? 'expired' : 'active';
}
const STATUS_COLOR = { active: 'green', expired: 'default', revoked: 'red' } as const;

/** The caller's API tokens for scripts: list, create (shown once) and revoke. */
export function ApiTokenSection() {
  const { t } = useTranslation();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setTokens(await listMyTokens());
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  const now = new Date();

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">{t('auth:web.tokens.hint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('auth:web.tokens.new')}
        </Button>
      </div>
      {error && !tokens ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : (
        <Table<ApiToken>
          size="middle"
          rowKey={(x) => x.id}
          loading={loading}
          dataSource={tokens ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={t('auth:web.tokens.empty')} /> }}
          columns={[
            {
              key: 'name',
              title: t('auth:web.tokens.name'),
              render: (_, x) => (
                <div>
                  <div>{x.name}</div>
                  <Typography.Text type="secondary" code>{`${x.prefix}…`}</Typography.Text>
                </div>
              ),
            },
            {
              key: 'scope',
              title: t('auth:web.tokens.scope'),
              render: (_, x) => t('auth:web.profile.roleAt', { role: x.roleName, org: x.orgName }),
            },
            { key: 'expiresAt', title: t('auth:web.tokens.expiresAt'), render: (_, x) => formatTime(x.expiresAt) },
            {
              key: 'lastUsedAt',
              title: t('auth:web.tokens.lastUsedAt'),
              render: (_, x) => (x.lastUsedAt ? `${formatTime(x.lastUsedAt)} · ${x.lastUsedIp ?? ''}` : t('auth:web.tokens.neverUsed')),
            },
            {
              key: 'status',
              title: t('auth:web.tokens.status'),
              render: (_, x) => {
                const s = status(x, now);
                return <Tag color={STATUS_COLOR[s]}>{t(`auth:web.tokens.statuses.${s}`)}</Tag>;
              },
            },
            {
              key: 'actions',
              title: '',
              render: (_, x) =>
                status(x, now) === 'active' && (
                  <ConfirmAction
                    danger
                    size="small"
                    title={t('auth:web.tokens.revokeTitle', { name: x.name })}
                    description={t('auth:web.tokens.revokeDescription')}
                    successText={t('auth:web.tokens.revoked')}
                    onConfirm={async () => {
                      await revokeMyToken(x.id);
                      await load();
                    }}
                  >
                    {t('auth:web.tokens.revoke')}
                  </ConfirmAction>
                ),
            },
          ]}
        />
      )}
      <ApiTokenCreateModal open={creating} onClose={() => setCreating(false)} onCreated={() => void load()} />
    </div>
  );
}
