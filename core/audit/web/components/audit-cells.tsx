import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api.ts';
import { actionLabels } from './action-labels.ts';

export const formatTime = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss');

const KIND_COLORS: Record<string, string> = { cli: 'purple', system: 'geekblue', anonymous: 'default' };

/** Who acted; a tag tells command-line and system actors from people. */
export function ActorCell({ actor }: { actor: AuditEvent['actor'] }) {
  const { t } = useTranslation();
  const tag = actor.kind !== 'user' && (
    <Tag color={KIND_COLORS[actor.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`audit:web.actorKind.${actor.kind}`, { defaultValue: actor.kind })}
    </Tag>
  );
  // Sign-ins are recorded by an anonymous actor named "anonymous"; the tag alone says it.
  if (tag && actor.name === actor.kind) return tag;
  return (
    <span style={{ whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {actor.name}
      {tag}
    </span>
  );
}

/** The action's words with its code beneath; an action the console does not know shows its code. */
export function ActionCell({ action }: { action: string }) {
  const { t } = useTranslation();
  const label = actionLabels(t)[action];
  if (!label) return <Typography.Text code>{action}</Typography.Text>;
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{label}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {action}
      </Typography.Text>
    </div>
  );
}

export function ObjectCell({ type, id }: { type: string; id: string | null }) {
  const { t } = useTranslation();
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{t(`audit:web.objectTypes.${type}`, { defaultValue: type })}</div>
      {id && (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}>
          {id}
        </Typography.Text>
      )}
    </div>
  );
}
