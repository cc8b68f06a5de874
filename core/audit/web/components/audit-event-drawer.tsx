import { Descriptions, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api.ts';
import { ActionCell, ActorCell, ObjectCell, formatTime } from './audit-cells.tsx';
import { AuditChanges } from './audit-changes.tsx';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12, wordBreak: 'break-all' as const };

/** Everything one audit record holds: who, from where, what, on which object, the change, the hash. */
export function AuditEventDrawer({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      size={640}
      title={event ? t('audit:web.detail.title', { seq: event.seq }) : ''}
      destroyOnHidden
    >
      {event && (
        <>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'seq', label: t('audit:web.detail.seq'), children: event.seq },
              {
                key: 'at',
                label: t('audit:web.detail.at'),
                children: (
                  <span>
                    {formatTime(event.at)}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {event.at}
                    </Typography.Text>
                  </span>
                ),
              },
              { key: 'actor', label: t('audit:web.detail.actor'), children: <ActorCell actor={event.actor} /> },
              {
                key: 'actorId',
                label: t('audit:web.detail.actorId'),
                children: event.actor.id ? <span style={mono}>{event.actor.id}</span> : none,
              },
              { key: 'ip', label: t('audit:web.detail.ip'), children: event.ip ?? none },
              { key: 'action', label: t('audit:web.detail.action'), children: <ActionCell action={event.action} /> },
              { key: 'object', label: t('audit:web.detail.object'), children: <ObjectCell type={event.objectType} id={event.objectId} /> },
              { key: 'org', label: t('audit:web.detail.org'), children: event.orgId ? <span style={mono}>{event.orgId}</span> : none },
              { key: 'id', label: t('audit:web.detail.id'), children: <span style={mono}>{event.id}</span> },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 16, margin: '20px 0 12px' }}>
            {t('audit:web.detail.changes')}
          </Typography.Title>
          <AuditChanges changes={event.changes} />
          <Typography.Title level={2} style={{ fontSize: 16, margin: '20px 0 8px' }}>
            {t('audit:web.detail.hash')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('audit:web.detail.hashHint')}
          </Typography.Paragraph>
          <Typography.Text copyable style={mono} aria-label={t('audit:web.detail.hash')}>
            {event.hash}
          </Typography.Text>
        </>
      )}
    </Drawer>
  );
}
