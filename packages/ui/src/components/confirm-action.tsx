import { useState, type ReactNode } from 'react';
import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../problem-message.ts';

/**
 * A button that asks before doing something that changes state, shows progress, and reports
 * the server's answer (success text, or the problem's message).
 */
export function ConfirmAction({
  title,
  description,
  onConfirm,
  successText,
  children,
  danger,
  ...button
}: {
  title: string;
  description?: ReactNode;
  onConfirm: () => Promise<unknown>;
  successText?: string;
  children: ReactNode;
} & Omit<ButtonProps, 'onClick' | 'title'>) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={t('ui:confirm.ok')}
      cancelText={t('ui:confirm.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onConfirm();
          if (successText) void message.success(successText);
        } catch (e) {
          void message.error(problemMessage(i18n, e));
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button danger={danger} loading={busy} {...button}>
        {children}
      </Button>
    </Popconfirm>
  );
}
