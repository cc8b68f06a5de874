import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '#ui';
import { AuthCard } from './auth-card.tsx';
import { AntdProvider } from './antd-provider.tsx';

export interface PasswordValues { currentPassword: string; newPassword: string; repeat: string }

/** The form fields for a password change; also used on the "my account" page. */
export function PasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="currentPassword" label={t('shell:password.current')} rules={[{ required: true }]}>
        <Input.Password id="currentPassword" autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('shell:password.next')} extra={t('shell:password.rules')} rules={[{ required: true, min: 10 }]}>
        <Input.Password id="newPassword" autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="repeat" label={t('shell:password.repeat')} dependencies={['newPassword']} rules={[{ required: true }, ({ getFieldValue }) => ({
        validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('shell:password.mismatch')))),
      })]}>
        <Input.Password id="repeat" autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export default function ChangePasswordPage(props: { onDone: () => Promise<void> }) {
  return <AntdProvider><ChangePasswordPageScreen {...props} /></AntdProvider>;
}

function ChangePasswordPageScreen({ onDone }: { onDone: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: PasswordValues) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/me/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      await onDone();
    } catch (e) {
      setError(problemMessage(i18n, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('shell:password.mustChangeTitle')}>
      <Typography.Paragraph type="secondary">{t('shell:password.mustChangeHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <PasswordFields />
        <Button type="primary" htmlType="submit" block loading={busy}>{t('shell:password.submit')}</Button>
      </Form>
    </AuthCard>
  );
}
