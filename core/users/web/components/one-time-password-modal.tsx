import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface OneTimePassword {
  /** `initial` after creating a user without a password, `temporary` after a reset. */
  kind: 'initial' | 'temporary';
  account: string;
  realName: string;
  password: string;
}

/**
 * Shows a password the server returns only once. Closing it is the only way out, and it
 * says so: nothing in the console can show this password again.
 */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={value?.kind === 'initial' ? t('users:web.password.initialTitle') : t('users:web.password.temporaryTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('users:web.password.done')}
        </Button>
      }
      destroyOnHidden
    >
      {value && (
        <>
          <Alert type="warning" showIcon title={t('users:web.password.onlyOnce')} style={{ marginBottom: 16 }} />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'account',
                label: t('users:web.column.account'),
                children: t('users:web.nameWithAccount', { name: value.realName, account: value.account }),
              },
              {
                key: 'password',
                label: t('users:web.password.label'),
                children: (
                  <Typography.Text
                    code
                    copyable={{ text: value.password, tooltips: [t('users:web.password.copy'), t('users:web.password.copied')] }}
                    style={{ fontSize: 16 }}
                    data-testid="one-time-password"
                  >
                    {value.password}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
