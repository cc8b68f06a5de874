import { useCallback, useEffect, useState } from 'react';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, EmptyState, ErrorState, useSession } from '#ui';
import { listMySessions, type SessionSummary } from '../api.ts';
import { describeUserAgent } from './user-agent.ts';

const formatTime = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** The caller's signed-in sessions, this one marked, and the way to end them all. */
export function SessionList({ reloadToken }: { reloadToken?: number }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setSessions(await listMySessions());
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadToken is the caller's deliberate "load again" signal
  useEffect(() => {
    void load();
  }, [load, reloadToken]);

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">{t('auth:web.sessions.hint')}</Typography.Text>
        <Space>
          <Tooltip title={t('auth:web.sessions.reload')}>
            <Button icon={<ReloadOutlined />} aria-label={t('auth:web.sessions.reload')} onClick={() => void load()} />
          </Tooltip>
          <ConfirmAction
            danger
            title={t('auth:web.sessions.signOutAllTitle')}
            description={t('auth:web.sessions.signOutAllDescription')}
            onConfirm={() => signOut(true)}
          >
            {t('auth:web.sessions.signOutAll')}
          </ConfirmAction>
        </Space>
      </div>
      {error && !sessions ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : (
        <Table<SessionSummary>
          size="middle"
          rowKey={(s) => s.id}
          loading={loading}
          dataSource={sessions ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={t('auth:web.sessions.empty')} /> }}
          columns={[
            {
              key: 'device',
              title: t('auth:web.sessions.device'),
              render: (_, s) => (
                <Space size={6}>
                  <Tooltip title={s.userAgent ?? undefined}>
                    <span>{describeUserAgent(s.userAgent) ?? t('auth:web.sessions.unknownDevice')}</span>
                  </Tooltip>
                  {s.current && <Tag color="blue">{t('auth:web.sessions.current')}</Tag>}
                </Space>
              ),
            },
            { key: 'ip', title: t('auth:web.sessions.ip'), render: (_, s) => s.ip ?? '—' },
            { key: 'createdAt', title: t('auth:web.sessions.createdAt'), render: (_, s) => formatTime(s.createdAt) },
            { key: 'lastSeenAt', title: t('auth:web.sessions.lastSeenAt'), render: (_, s) => formatTime(s.lastSeenAt) },
            { key: 'expiresAt', title: t('auth:web.sessions.expiresAt'), render: (_, s) => formatTime(s.expiresAt) },
          ]}
        />
      )}
    </div>
  );
}
