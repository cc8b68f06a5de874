import { Suspense, useEffect } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './error-boundary.tsx';
import { SessionGate } from './session-gate.tsx';
import { theme } from './theme.ts';

export function FullPageSpin() {
  return <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}><Spin size="large" /></div>;
}

/** Locale, theme and the error boundary around everything; the session gate decides what shows. */
export function Root() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = language;
  }, [language]);
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <ErrorBoundary>
          <SessionGate />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}

export const LazyFallback = ({ children }: { children: React.ReactNode }) => <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
