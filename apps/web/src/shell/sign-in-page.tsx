import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError, problemMessage, type SessionInfo } from '#ui';
import { AuthCard } from './auth-card.tsx';

export default function SignInPage({ expired, onSignedIn }: { expired: boolean; onSignedIn: (info: SessionInfo) => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { account: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<SessionInfo>('/api/auth/login', values));
    } catch (e) {
      const remaining = e instanceof ApiError ? (e.problem.params?.remainingAttempts as number | undefined) : undefined;
      setError([problemMessage(i18n, e), remaining !== undefined ? t('shell:signIn.remaining', { count: remaining }) : ''].filter(Boolean).join('；'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('shell:signIn.title')} footer={t('shell:signIn.footer')}>
      {expired && !error && <Alert type="info" showIcon title={t('shell:signIn.expired')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item name="account" label={t('shell:signIn.account')} rules={[{ required: true, message: t('shell:signIn.accountRequired') }]}>
          <Input id="account" autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item name="password" label={t('shell:signIn.password')} rules={[{ required: true, message: t('shell:signIn.passwordRequired') }]}>
          <Input.Password id="password" autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>{t('shell:signIn.submit')}</Button>
      </Form>
    </AuthCard>
  );
}
