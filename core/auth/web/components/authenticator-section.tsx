import { useState } from 'react';
import { App, Button, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '#ui';
import { TotpEnrolModal } from './totp-enrol-modal.tsx';
import { TotpRemoveModal } from './totp-remove-modal.tsx';

/** Whether an authenticator is bound, and the ways to bind, replace or remove it. */
export function AuthenticatorSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { info, refresh } = useSession();
  const [enrolling, setEnrolling] = useState(false);
  const [removing, setRemoving] = useState(false);
  const bound = info.user.hasTotp;

  return (
    <div style={{ maxWidth: 560 }}>
      <Space align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('auth:web.totp.status')}</Typography.Text>
        {bound ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('auth:web.totp.bound')}
          </Tag>
        ) : (
          <Tag color="warning" icon={<ExclamationCircleFilled />}>
            {t('auth:web.totp.unbound')}
          </Tag>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t(bound ? 'auth:web.totp.boundHint' : 'auth:web.totp.unboundHint')}</Typography.Paragraph>
      <Space wrap>
        <Button type={bound ? 'default' : 'primary'} onClick={() => setEnrolling(true)}>
          {t(bound ? 'auth:web.totp.rebind' : 'auth:web.totp.bind')}
        </Button>
        {bound && (
          <Button danger onClick={() => setRemoving(true)}>
            {t('auth:web.totp.remove')}
          </Button>
        )}
      </Space>
      <TotpEnrolModal
        open={enrolling}
        onClose={() => setEnrolling(false)}
        onEnrolled={async () => {
          setEnrolling(false);
          void message.success(t('auth:web.totp.enrolled'));
          await refresh();
        }}
      />
      <TotpRemoveModal
        open={removing}
        onClose={() => setRemoving(false)}
        onRemoved={async () => {
          setRemoving(false);
          void message.success(t('auth:web.totp.removed'));
          await refresh();
        }}
      />
    </div>
  );
}
