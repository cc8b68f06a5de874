import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '#ui';
import { removeTotp } from '../api.ts';

/** Removes the authenticator after the password is given again; the server refuses administrators. */
export function TotpRemoveModal({ open, onClose, onRemoved }: { open: boolean; onClose: () => void; onRemoved: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit({ password }: { password: string }) {
    setBusy(true);
    setError(null);
    try {
      await removeTotp(password);
      await onRemoved();
    } catch (e) {
      setError(problemMessage(i18n, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('auth:web.totp.removeTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      <Typography.Paragraph type="secondary">{t('auth:web.totp.removeHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item
          name="password"
          label={t('auth:web.totp.password')}
          rules={[{ required: true, message: t('auth:web.totp.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('auth:web.totp.cancel')}</Button>
          <Button type="primary" danger htmlType="submit" loading={busy}>
            {t('auth:web.totp.removeConfirm')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
