import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api, problemMessage, type SessionInfo } from '#ui';
import { AuthCard } from './auth-card.tsx';
import { AntdProvider } from './antd-provider.tsx';

export default function SecondFactorPage(props: { info: SessionInfo; onDone: () => Promise<void>; onCancel: () => void }) {
  return (
    <AntdProvider>
      <SecondFactorPageScreen {...props} />
    </AntdProvider>
  );
}

/** The TOTP step: enrolment (QR code and secret) for a first sign-in, otherwise a code. */
function SecondFactorPageScreen({ info, onDone, onCancel }: { info: SessionInfo; onDone: () => Promise<void>; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const enrolling = info.mfa === 'enrol_required';
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!enrolling) return;
    api
      .post<{ secret: string; uri: string }>('/api/me/totp/setup')
      .then(async (s) => setSetup({ secret: s.secret, qr: await QRCode.toDataURL(s.uri, { margin: 1, width: 200 }) }))
      .catch((e) => setError(problemMessage(i18n, e)));
  }, [enrolling, i18n]);

  async function submit({ code }: { code: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.post(enrolling ? '/api/me/totp/confirm' : '/api/auth/totp', { code: code.replace(/\s/g, '') });
      await onDone();
    } catch (e) {
      setError(problemMessage(i18n, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t(enrolling ? 'shell:mfa.enrolTitle' : 'shell:mfa.title')}>
      <Typography.Paragraph type="secondary">{t(enrolling ? 'shell:mfa.enrolHint' : 'shell:mfa.hint')}</Typography.Paragraph>
      {enrolling && setup && (
        <Space orientation="vertical" align="center" style={{ width: '100%', marginBottom: 16 }}>
          <img src={setup.qr} width={200} height={200} alt={t('shell:mfa.enrolTitle')} />
          <Typography.Text copyable={{ text: setup.secret }} code aria-label={t('shell:mfa.secret')}>
            {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
          </Typography.Text>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item
          name="code"
          label={t('shell:mfa.code')}
          rules={[{ required: true, pattern: /^\s*\d{3}\s?\d{3}\s*$/, message: t('shell:mfa.codeRequired') }]}
        >
          <Input id="code" inputMode="numeric" autoComplete="one-time-code" autoFocus size="large" maxLength={7} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button onClick={onCancel}>{t('shell:mfa.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t(enrolling ? 'shell:mfa.confirm' : 'shell:mfa.submit')}
          </Button>
        </Space>
      </Form>
    </AuthCard>
  );
}
