import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import shellZh from '../locales/zh-CN.json';
import shellEn from '../locales/en.json';
import uiZh from '../../../packages/ui/locales/zh-CN.json';
import uiEn from '../../../packages/ui/locales/en.json';
import { webModules } from './modules.ts';

export type Language = 'zh-CN' | 'en';
const STORAGE_KEY = 'educloud.language';

export const savedLanguage = (): Language => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN');

/** One namespace per module (its id), plus `shell`. Chinese is the source and the default. */
export function initI18n(): typeof i18n {
  const resources: Record<Language, Record<string, Record<string, unknown>>> = {
    'zh-CN': { shell: shellZh, ui: uiZh },
    en: { shell: shellEn, ui: uiEn },
  };
  for (const m of webModules) {
    resources['zh-CN'][m.id] = m.locales['zh-CN'];
    resources.en[m.id] = m.locales.en;
  }
  void i18n.use(initReactI18next).init({
    resources,
    lng: savedLanguage(),
    fallbackLng: 'zh-CN',
    defaultNS: 'shell',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}
