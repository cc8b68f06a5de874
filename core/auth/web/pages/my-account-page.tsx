import { useState } from 'react';
import { Divider, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageShell } from '#ui';
import { ApiTokenSection } from '../components/api-token-section.tsx';
import { AuthenticatorSection } from '../components/authenticator-section.tsx';
import { PasswordChangeForm } from '../components/password-change-form.tsx';
import { ProfileSummary } from '../components/profile-summary.tsx';
import { SessionList } from '../components/session-list.tsx';

/** The signed-in user's own account: profile, password, authenticator, sessions, API tokens. */
export default function MyAccountPage() {
  const { t } = useTranslation();
  // A password change ends the other sessions, so the list is read again after one.
  const [sessionsToken, setSessionsToken] = useState(0);
  return (
    <PageShell title={t('auth:web.title')} description={t('auth:web.description')}>
      <ProfileSummary />
      <Divider style={{ margin: '8px 0 4px' }} />
      <Tabs
        items={[
          {
            key: 'password',
            label: t('auth:web.tabs.password'),
            children: <PasswordChangeForm onChanged={() => setSessionsToken((n) => n + 1)} />,
          },
          { key: 'authenticator', label: t('auth:web.tabs.authenticator'), children: <AuthenticatorSection /> },
          { key: 'sessions', label: t('auth:web.tabs.sessions'), children: <SessionList reloadToken={sessionsToken} /> },
          { key: 'tokens', label: t('auth:web.tabs.tokens'), children: <ApiTokenSection /> },
        ]}
      />
    </PageShell>
  );
}
