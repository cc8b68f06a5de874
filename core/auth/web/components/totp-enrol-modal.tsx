import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { problemMessage } from '#ui';
import { beginTotpEnrolment, confirmTotpEnrolment } from '../api.ts';

/**
 * Binds an authenticator: asks the server for a new secret (kept pending), shows it as a QR code
 * and as text, and confirms it with a code from the app. The old one stays until confirmation.
 */
export function TotpEnrolModal({ open, onClose, onEnrolled }: { open: boolean; onClose: () => void; onEnrolled: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const [setup, setSetup] = useState<{ secret: string; qr: string } | null>(null);
  const [setupError, setSetupError] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the deliberate "start enrolment again" signal
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setSetup(null);
    setSetupError(null);
    setError(null);
    beginTotpEnrolment()
      .then(async (s) => {
        const qr = await QRCode.toDataURL(s.uri, { margin: 1, width: 200 });
        if (!cancelled) setSetup({ secret: s.secret, qr });
      })
      .catch((e: unknown) => {
        if (!cancelled) setSetupError(e);
      });
    return () => {
      cancelled = true;
    };
  }, [open, attempt]);

  async function submit({ code }: { code: string }) {
    setBusy(true);
    setError(null);
    try {
      await confirmTotpEnrolment(code);
      await onEnrolled();
    } catch (e) {
      setError(problemMessage(i18n, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t('auth:web.totp.bindTitle')} onCancel={onClose} footer={null} destroyOnHidden width={460}>
      <Typography.Paragraph type="secondary">{t('auth:web.totp.bindHint')}</Typography.Paragraph>
      {setupError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(i18n, setupError)}
          action={
            <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
              {t('auth:web.totp.retry')}
            </Button>
          }
        />
      ) : !setup ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <Spin />
        </div>
      ) : (
        <>
          <Space orientation="vertical" align="center" style={{ width: '100%', marginBottom: 16 }}>
            <img
              src={setup.qr}
              width={200}
              height={200}
              alt={t('auth:web.totp.qrAlt')}
              style={{ border: '1px solid #e5e7eb', borderRadius: 8 }}
            />
            <Typography.Text type="secondary">{t('auth:web.totp.secret')}</Typography.Text>
            <Typography.Text copyable={{ text: setup.secret }} code aria-label={t('auth:web.totp.secret')} data-testid="totp-secret">
              {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Typography.Text>
          </Space>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
            <Form.Item
              name="code"
              label={t('auth:web.totp.code')}
              rules={[{ required: true, pattern: /^\s*\d{3}\s?\d{3}\s*$/, message: t('auth:web.totp.codeRequired') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={7} size="large" autoFocus />
            </Form.Item>
            <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
              <Button onClick={onClose}>{t('auth:web.totp.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('auth:web.totp.confirm')}
              </Button>
            </Space>
          </Form>
        </>
      )}
    </Modal>
  );
}
