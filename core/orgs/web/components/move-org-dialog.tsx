import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Select, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '#ui';
import { orgApi, type Org } from '../api.ts';
import { orgTypeLabel } from '../org-labels.tsx';

/** Where an org may go: not under itself, not under a school, not where it already is. */
export const canBeNewParent = (org: Org, candidate: Org): boolean =>
  candidate.isActive && candidate.type !== 'school' && candidate.id !== org.parentId && !candidate.path.startsWith(org.path);

function useParentSearch(org: Org | null, open: boolean) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Org[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!open || !org) return;
    let live = true;
    setLoading(true);
    // Waits for the typing to pause before asking the server.
    const timer = setTimeout(
      () => {
        orgApi
          .search({ q: text.trim() || undefined, pageSize: 50 })
          .then((page) => {
            if (live) setOptions(page.items.filter((candidate) => canBeNewParent(org, candidate)));
          })
          .catch(() => {
            if (live) setOptions([]);
          })
          .finally(() => {
            if (live) setLoading(false);
          });
      },
      text ? 300 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [org, open, text]);
  return { options, loading, setText };
}

/** Moves an org with its whole subtree under a new parent the user picks by name or code. */
export function MoveOrgDialog({
  open,
  org,
  findOrg,
  onClose,
  onMoved,
}: {
  open: boolean;
  org: Org | null;
  findOrg: (id: string) => Promise<Org | null>;
  onClose: () => void;
  onMoved: (before: Org, after: Org) => void | Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string }>();
  const search = useParentSearch(org, open);
  const [picked, setPicked] = useState<Org | null>(null);
  const [currentParent, setCurrentParent] = useState<Org | null>(null);
  const [size, setSize] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || !org) return;
    form.resetFields();
    setPicked(null);
    setSize(null);
    setCurrentParent(null);
    if (org.parentId)
      void findOrg(org.parentId)
        .then(setCurrentParent)
        .catch(() => undefined);
    void orgApi
      .subtreeSize(org.id, true)
      .then(setSize)
      .catch(() => undefined);
  }, [open, org, form, findOrg]);

  async function submit({ parentId }: { parentId: string }) {
    if (!org) return;
    setBusy(true);
    try {
      const moved = await orgApi.move(org.id, parentId);
      void message.success(t('orgs:web.move.done', { name: org.name, parent: picked?.name ?? '' }));
      await onMoved(org, moved);
    } catch (e) {
      // Every refusal (under itself, under a school, no right there) is about the chosen parent.
      form.setFields([{ name: 'parentId', errors: [problemMessage(i18n, e)] }]);
    } finally {
      setBusy(false);
    }
  }

  const label = (o: Org) => (
    <span>
      {o.name}
      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
        {o.code} · {orgTypeLabel(t, o.type)}
      </Typography.Text>
    </span>
  );

  return (
    <Modal
      open={open}
      title={t('orgs:web.move.title', { name: org?.name ?? '' })}
      okText={t('orgs:web.move.submit')}
      cancelText={t('ui:form.cancel')}
      okButtonProps={{ disabled: !picked, danger: true }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {org && (
        <Form form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
          <Typography.Paragraph type="secondary">
            {t('orgs:web.move.currentParent', { parent: currentParent?.name ?? '…' })}
          </Typography.Paragraph>
          <Form.Item
            name="parentId"
            label={t('orgs:web.move.parent')}
            rules={[{ required: true, message: t('orgs:web.move.parentRequired') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: search.setText }}
              placeholder={t('orgs:web.move.parentPlaceholder')}
              loading={search.loading}
              notFoundContent={search.loading ? <Spin size="small" /> : t('orgs:web.move.noMatch')}
              options={search.options.map((o) => ({ value: o.id, label: label(o) }))}
              onChange={(id: string) => setPicked(search.options.find((o) => o.id === id) ?? null)}
            />
          </Form.Item>
          {picked && (
            <Alert
              type="warning"
              showIcon
              title={t(size === 1 ? 'orgs:web.move.summarySelf' : 'orgs:web.move.summary', {
                name: org.name,
                parent: picked.name,
                count: size === null ? '…' : size.toLocaleString(),
              })}
            />
          )}
        </Form>
      )}
    </Modal>
  );
}
