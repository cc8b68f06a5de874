import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Problem } from '#ui/api.ts';
import type { SessionInfo } from '#ui/session-context.tsx';
import { problemMessage } from '#ui/problem-message.ts';
import { PlainLanguageSwitch } from './plain-language-switch.tsx';

/**
 * The sign-in page. It is the first thing every user downloads, so it is plain React and CSS
 * (no component library): the console's other screens load after it.
 */
export default function SignInPage({
  expired,
  ended,
  onSignedIn,
}: {
  expired: boolean;
  ended?: ApiError;
  onSignedIn: (info: SessionInfo) => void;
}) {
  const { t, i18n } = useTranslation();
  const [account, setAccount] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ account?: boolean; password?: boolean }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const empty = { account: !account.trim(), password: !password };
    setMissing(empty);
    if (empty.account || empty.password) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<SessionInfo>('/api/auth/login', { account: account.trim(), password }));
    } catch (e) {
      const remaining = e instanceof ApiError ? ((e.problem as Problem).params?.remainingAttempts as number | undefined) : undefined;
      setError(
        [problemMessage(i18n, e), remaining !== undefined ? t('shell:signIn.remaining', { count: remaining }) : '']
          .filter(Boolean)
          .join('；'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="ec-auth">
      <div className="ec-auth-box">
        <div className="ec-auth-head">
          <div>
            <div className="ec-auth-title">{t('shell:app.fullName')}</div>
            <div className="ec-auth-tagline">{t('shell:app.tagline')}</div>
          </div>
          <PlainLanguageSwitch />
        </div>
        <section className="ec-card">
          <div className="ec-card-head">
            <h1>{t('shell:signIn.title')}</h1>
          </div>
          <form className="ec-card-body" onSubmit={submit} noValidate>
            {expired && !error && (
              <div className="ec-alert ec-alert-info" role="status">
                {ended ? problemMessage(i18n, ended) : t('shell:signIn.expired')}
              </div>
            )}
            {error && (
              <div className="ec-alert ec-alert-error" role="alert">
                {error}
              </div>
            )}
            <div className="ec-field">
              <label htmlFor="account">{t('shell:signIn.account')}</label>
              <input
                id="account"
                className="ec-input"
                autoComplete="username"
                // biome-ignore lint/a11y/noAutofocus: the sign-in page has one task; focusing the account field is what users of a login form expect
                autoFocus
                value={account}
                aria-invalid={missing.account || undefined}
                aria-describedby={missing.account ? 'account-error' : undefined}
                onChange={(e) => setAccount(e.target.value)}
                disabled={busy}
              />
              {missing.account && (
                <div id="account-error" className="ec-field-error">
                  {t('shell:signIn.accountRequired')}
                </div>
              )}
            </div>
            <div className="ec-field">
              <label htmlFor="password">{t('shell:signIn.password')}</label>
              <input
                id="password"
                type="password"
                className="ec-input"
                autoComplete="current-password"
                value={password}
                aria-invalid={missing.password || undefined}
                aria-describedby={missing.password ? 'password-error' : undefined}
                onChange={(e) => setPassword(e.target.value)}
                disabled={busy}
              />
              {missing.password && (
                <div id="password-error" className="ec-field-error">
                  {t('shell:signIn.passwordRequired')}
                </div>
              )}
            </div>
            <button type="submit" className="ec-button ec-button-primary" disabled={busy}>
              {t('shell:signIn.submit')}
            </button>
          </form>
        </section>
        <div className="ec-footer">{t('shell:signIn.footer')}</div>
      </div>
    </main>
  );
}
