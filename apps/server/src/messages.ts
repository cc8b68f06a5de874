import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type Locale = 'zh-CN' | 'en';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Error messages from every core piece's and module's `locales/<locale>.json` ("errors" object). */
function loadErrors(locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of ['core', 'modules']) {
    const dir = join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, 'locales', `${locale}.json`);
      if (!existsSync(file)) continue;
      const errors = (JSON.parse(readFileSync(file, 'utf8')) as { errors?: Record<string, string> }).errors ?? {};
      for (const [code, text] of Object.entries(errors)) out.set(code, text);
    }
  }
  return out;
}

const catalogs: Record<Locale, Map<string, string>> = { 'zh-CN': loadErrors('zh-CN'), en: loadErrors('en') };

/** The message for an error code with its params filled in; a generic one for unknown codes. */
export function messageFor(code: string, params: Record<string, unknown> = {}, locale: Locale = 'zh-CN'): string {
  const template = catalogs[locale].get(code) ?? catalogs[locale].get('internal') ?? code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = params[key];
    return value === undefined ? '' : Array.isArray(value) ? value.join(locale === 'en' ? ', ' : '、') : String(value);
  });
}

export const errorCodes = (locale: Locale): string[] => [...catalogs[locale].keys()];
