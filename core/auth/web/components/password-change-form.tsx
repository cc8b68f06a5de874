import { useState } from 'react';
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, problemMessage } from '#ui';
import { changeMyPassword } from '../api.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

// The server names no field for a wrong current password, and calls the new one `password`.
const FIELD_OF_CODE: Record<string, keyof PasswordValues> = {
  'auth.password_incorrect': 'currentPassword',
  'auth.password_unchanged': 'newPassword',
  'auth.password_policy': 'newPassword',
};

/** The caller's own password change: on "my account" and in the shell's forced-change step. */
export function PasswordChangeForm({ onChanged }: { onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: PasswordValues) {
    setBusy(true);
    setError(null);
    try {
      await changeMyPassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(t('auth:web.password.changed'));
      onChanged?.();
    } catch (e) {
      const text = problemMessage(i18n, e);
      const field = e instanceof ApiError ? FIELD_OF_CODE[e.code] : undefined;
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else setError(text);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ maxWidth: 440 }}>
      <Typography.Paragraph type="secondary">{t('auth:web.password.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('auth:web.password.current')}
          rules={[{ required: true, message: t('auth:web.password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth:web.password.next')}
          extra={t('auth:web.password.rules')}
          rules={[
            { required: true, message: t('auth:web.password.nextRequired') },
            { min: 10, message: t('auth:web.password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('auth:web.password.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth:web.password.repeatRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth:web.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('auth:web.password.submit')}
        </Button>
      </Form>
    </div>
  );
}
