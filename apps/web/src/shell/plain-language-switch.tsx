import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n.ts';

/** The language switch of the sign-in page, without antd. */
export function PlainLanguageSwitch() {
  const { i18n, t } = useTranslation();
  const current: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of two toggle buttons, not a form field set
    <div className="ec-lang" role="group" aria-label={t('shell:header.language')}>
      {(
        [
          ['zh-CN', '中文'],
          ['en', 'EN'],
        ] as const
      ).map(([value, label]) => (
        <button key={value} type="button" aria-pressed={current === value} onClick={() => changeLanguage(value)}>
          {label}
        </button>
      ))}
    </div>
  );
}
