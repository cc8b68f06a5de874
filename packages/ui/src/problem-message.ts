import type { i18n as I18n } from 'i18next';
import { ApiError } from './api.ts';

/**
 * The words for a server error: every namespace's `errors` object is keyed by the stable code
 * (`orgs.code_taken`), with {{param}} placeholders filled from the problem's params.
 */
export function problemMessage(i18n: I18n, error: unknown): string {
  if (!(error instanceof ApiError)) {
    return i18n.t('shell:error.network', { defaultValue: '网络错误，请检查连接后重试' });
  }
  const { code, params = {}, detail } = error.problem;
  return codeMessage(i18n, code, params) ?? detail ?? code;
}

/** The words for a code with its params (a parse problem's, an error's), or null when no namespace has them. */
export function codeMessage(i18n: I18n, code: string, params: Record<string, unknown> = {}): string | null {
  const language = i18n.resolvedLanguage ?? i18n.language;
  const store = i18n.store?.data?.[language] ?? {};
  for (const bundle of Object.values(store)) {
    const errors = (bundle as { errors?: Record<string, string> }).errors;
    const template = errors?.[code];
    if (template) {
      return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
        const value = params[key];
        return value === undefined ? '' : Array.isArray(value) ? value.join(language === 'en' ? ', ' : '、') : String(value);
      });
    }
  }
  return null;
}

/** Field-level messages of a validation problem, keyed by field name, for forms. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  const params = error.problem.params ?? {};
  if (typeof params.field === 'string') out[params.field] = '';
  const fields = params.fields as Array<{ field: string; message: string }> | undefined;
  for (const f of fields ?? []) if (f.field) out[f.field] = f.message;
  return out;
}
