import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import i18n from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import uiZh from '../../locales/zh-CN.json';

/** An i18n instance with the given namespaces (Chinese), for component tests. */
export function testI18n(namespaces: Record<string, Record<string, unknown>> = {}) {
  const instance = i18n.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { ui: uiZh, ...namespaces } },
    interpolation: { escapeValue: false },
    initImmediate: false,
  } as never);
  return instance;
}

/** Renders inside antd's App and ConfigProvider (zh-CN) with a test i18n instance. */
export function renderWithProviders(node: ReactNode, namespaces?: Record<string, Record<string, unknown>>) {
  const instance = testI18n(namespaces);
  return {
    i18n: instance,
    ...render(
      <I18nextProvider i18n={instance}>
        <ConfigProvider locale={zhCN}>
          <App>{node}</App>
        </ConfigProvider>
      </I18nextProvider>,
    ),
  };
}
