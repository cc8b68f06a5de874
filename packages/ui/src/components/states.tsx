import { Button, Empty, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../problem-message.ts';

/** What a page shows when its data failed to load: the server's words and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('ui:state.errorTitle')}
      subTitle={problemMessage(i18n, error)}
      extra={onRetry && <Button onClick={onRetry}>{t('ui:state.retry')}</Button>}
    />
  );
}

/** What a page shows when there is nothing yet, with the action that would create something. */
export function EmptyState({ description, action }: { description?: string; action?: React.ReactNode }) {
  const { t } = useTranslation();
  return <Empty description={description ?? t('ui:state.emptyTitle')}>{action}</Empty>;
}
