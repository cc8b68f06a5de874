import { useEffect, useState } from 'react';
import { App, Button, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined, PoweroffOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ConfirmAction, problemMessage, useSession } from '#ui';
import { OrgPermissions } from '../../contract/permissions.ts';
import { orgApi, type Org } from '../api.ts';

/** How many orgs a (de)activation will touch, counted when the confirmation opens. */
function ActivationScope({ org }: { org: Org }) {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    // Deactivating touches the active orgs of the subtree; activating touches all of them.
    orgApi
      .subtreeSize(org.id, !org.isActive)
      .then((n) => {
        if (live) setCount(n);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [org.id, org.isActive]);
  if (count === null)
    return (
      <span>
        <Spin size="small" /> {t('orgs:web.activation.counting')}
      </span>
    );
  const key =
    count > 1
      ? org.isActive
        ? 'orgs:web.activation.deactivateScope'
        : 'orgs:web.activation.activateScope'
      : org.isActive
        ? 'orgs:web.activation.deactivateSelf'
        : 'orgs:web.activation.activateSelf';
  return <span style={{ display: 'inline-block', maxWidth: 320 }}>{t(key, { count: count.toLocaleString() })}</span>;
}

/** The buttons for the selected org, each shown only with its permission (the server checks again). */
export function OrgActions({
  org,
  onCreate,
  onEdit,
  onMove,
  onActivated,
}: {
  org: Org;
  onCreate: () => void;
  onEdit: () => void;
  onMove: () => void;
  onActivated: (org: Org) => void | Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can, info } = useSession();
  const [exporting, setExporting] = useState(false);
  const isRoot = !org.parentId;
  // An org itself is changed by the level above it (the server refuses otherwise): a county
  // administrator manages what lies under its bureau, not the bureau.
  const governed = isRoot
    ? info.grants.some((g) => g.orgPath === org.path)
    : info.grants.some((g) => g.orgPath !== org.path && org.path.startsWith(g.orgPath));

  async function exportSubtree() {
    setExporting(true);
    try {
      await orgApi.exportSubtree(org.id, i18n.resolvedLanguage === 'en' ? 'en' : undefined);
      void message.success(t('orgs:web.actions.exported'));
    } catch (e) {
      void message.error(problemMessage(i18n, e));
    } finally {
      setExporting(false);
    }
  }

  async function toggleActive() {
    const { org: changed, affected } = await orgApi.setActive(org.id, !org.isActive);
    void message.success(
      t(changed.isActive ? 'orgs:web.activation.activated' : 'orgs:web.activation.deactivated', { count: affected.toLocaleString() }),
    );
    await onActivated(changed);
  }

  return (
    <Space wrap>
      {can(OrgPermissions.create) && org.isActive && org.type !== 'school' && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
          {t('orgs:web.actions.create')}
        </Button>
      )}
      {governed && can(OrgPermissions.update) && (
        <Button icon={<EditOutlined />} onClick={onEdit}>
          {t('orgs:web.actions.edit')}
        </Button>
      )}
      {governed && can(OrgPermissions.move) && !isRoot && (
        <Button icon={<SwapOutlined />} onClick={onMove}>
          {t('orgs:web.actions.move')}
        </Button>
      )}
      {governed && can(OrgPermissions.deactivate) && !(isRoot && org.isActive) && (
        <ConfirmAction
          icon={<PoweroffOutlined />}
          danger={org.isActive}
          title={t(org.isActive ? 'orgs:web.activation.deactivateTitle' : 'orgs:web.activation.activateTitle', { name: org.name })}
          description={<ActivationScope key={`${org.id}:${org.updatedAt}`} org={org} />}
          onConfirm={toggleActive}
        >
          {t(org.isActive ? 'orgs:web.actions.deactivate' : 'orgs:web.actions.activate')}
        </ConfirmAction>
      )}
      {!governed && can(OrgPermissions.update) && <Typography.Text type="secondary">{t('orgs:web.actions.governedAbove')}</Typography.Text>}
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportSubtree()}>
        {t(exporting ? 'orgs:web.actions.exporting' : 'orgs:web.actions.export')}
      </Button>
    </Space>
  );
}
