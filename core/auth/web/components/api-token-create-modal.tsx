import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { problemMessage, useSession } from '#ui';
import { createMyToken, type CreatedApiToken, type CreateMyTokenBody } from '../api.ts';

/** Expiry choices; the server refuses more than 365 days. */
const EXPIRY_DAYS = [30, 90, 180, 365];

/**
 * Makes a token bound to one of the caller's roles on one of their orgs, then shows the token
 * once with a copy button: the server keeps only its hash, so it cannot be shown again.
 */
export function ApiTokenCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { info } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const roles = useMemo(
    () => [...new Map(info.grants.map((g) => [g.roleId, { value: g.roleId, label: g.roleName }])).values()],
    [info.grants],
  );
  const orgs = useMemo(() => [...new Map(info.grants.map((g) => [g.orgId, { value: g.orgId, label: g.orgName }])).values()], [info.grants]);

  async function submit(values: CreateMyTokenBody) {
    setBusy(true);
    setError(null);
    try {
      setCreated(await createMyToken({ ...values, name: values.name.trim() }));
      onCreated();
    } catch (e) {
      setError(problemMessage(i18n, e));
    } finally {
      setBusy(false);
    }
  }

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      void message.success(t('auth:web.tokens.copied'));
    } catch {
      void message.error(t('auth:web.tokens.copyFailed'));
    }
  }

  const reset = () => {
    setCreated(null);
    setError(null);
  };

  return (
    <Modal
      open={open}
      title={t(created ? 'auth:web.tokens.createdTitle' : 'auth:web.tokens.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={reset}
    >
      {created ? (
        <div>
          <Alert type="warning" showIcon title={t('auth:web.tokens.shownOnce')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph code style={{ wordBreak: 'break-all' }} data-testid="api-token-secret">
            {created.secret}
          </Typography.Paragraph>
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button icon={<CopyOutlined />} onClick={() => void copy(created.secret)}>
              {t('auth:web.tokens.copy')}
            </Button>
            <Button type="primary" onClick={onClose}>
              {t('auth:web.tokens.done')}
            </Button>
          </Space>
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('auth:web.tokens.createHint')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form<CreateMyTokenBody>
            layout="vertical"
            onFinish={submit}
            requiredMark={false}
            disabled={busy}
            initialValues={{ roleId: roles[0]?.value, orgId: orgs[0]?.value, expiresInDays: 90 }}
          >
            <Form.Item
              name="name"
              label={t('auth:web.tokens.name')}
              rules={[{ required: true, whitespace: true, message: t('auth:web.tokens.nameRequired') }]}
            >
              <Input maxLength={60} placeholder={t('auth:web.tokens.namePlaceholder')} autoFocus />
            </Form.Item>
            <Form.Item
              name="roleId"
              label={t('auth:web.tokens.role')}
              extra={t('auth:web.tokens.roleHint')}
              rules={[{ required: true, message: t('auth:web.tokens.roleRequired') }]}
            >
              <Select options={roles} />
            </Form.Item>
            <Form.Item
              name="orgId"
              label={t('auth:web.tokens.org')}
              extra={t('auth:web.tokens.orgHint')}
              rules={[{ required: true, message: t('auth:web.tokens.orgRequired') }]}
            >
              <Select options={orgs} />
            </Form.Item>
            <Form.Item name="expiresInDays" label={t('auth:web.tokens.expiry')}>
              <Select options={EXPIRY_DAYS.map((days) => ({ value: days, label: t('auth:web.tokens.days', { count: days }) }))} />
            </Form.Item>
            <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
              <Button onClick={onClose}>{t('auth:web.tokens.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('auth:web.tokens.create')}
              </Button>
            </Space>
          </Form>
        </>
      )}
    </Modal>
  );
}
