import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '#core/auth/web/components/password-change-form.tsx';
import { AuthCard } from './auth-card.tsx';
import { AntdProvider } from './antd-provider.tsx';

/** The forced password change after an initial or reset password; the same form as "my account". */
export default function ChangePasswordPage({ onDone }: { onDone: () => Promise<void> }) {
  return (
    <AntdProvider>
      <ChangePasswordScreen onDone={onDone} />
    </AntdProvider>
  );
}

function ChangePasswordScreen({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('shell:password.mustChangeTitle')}>
      <Typography.Paragraph type="secondary">{t('shell:password.mustChangeHint')}</Typography.Paragraph>
      <PasswordChangeForm onChanged={() => void onDone()} />
    </AuthCard>
  );
}
