import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';

/** The centred card every pre-console step (sign-in, second factor, password) sits in. */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #eef2ff 0%, #f8fafc 60%)',
        padding: 16,
      }}
    >
      <div style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0, color: '#1e3a8a' }}>
              {t('shell:app.fullName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('shell:app.tagline')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </div>
        <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{title}</h1>}>{children}</Card>
        {footer && (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
            {footer}
          </Typography.Paragraph>
        )}
      </div>
    </main>
  );
}
