import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export type Locale = 'zh-CN' | 'en';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The `section` object of every core piece's and module's `locales/<locale>.json`, with the folder it came from. */
export function localeSections(locale: Locale, section: string): Array<{ folder: string; entries: Record<string, unknown> }> {
  const out: Array<{ folder: string; entries: Record<string, unknown> }> = [];
  for (const group of ['core', 'modules']) {
    const dir = join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, 'locales', `${locale}.json`);
      if (!existsSync(file)) continue;
      const entries = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown> | undefined>)[section];
      if (entries) out.push({ folder: `${group}/${name}`, entries });
    }
  }
  return out;
}

/** Error messages from every core piece's and module's `locales/<locale>.json` ("errors" object). */
function loadErrors(locale: Locale): Map<string, string> {
  const out = new Map<string, string>();
  for (const { entries } of localeSections(locale, 'errors')) for (const [code, text] of Object.entries(entries)) out.set(code, String(text));
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

export interface NotificationTemplate { title: string; body: string }

/**
 * Notification templates, keyed by kind, from the "notify" object of every core piece's and
 * module's locale files (core/notify renders them per reader). A template without a text title
 * and body stops the start: it would otherwise surface as a blank message in someone's inbox.
 */
export function notificationTemplates(): Record<Locale, Map<string, NotificationTemplate>> {
  const load = (locale: Locale) => {
    const out = new Map<string, NotificationTemplate>();
    for (const { folder, entries } of localeSections(locale, 'notify')) {
      for (const [kind, value] of Object.entries(entries)) {
        const t = value as Partial<NotificationTemplate> | null;
        if (typeof t?.title !== 'string' || typeof t.body !== 'string') throw new Error(`${folder}/locales/${locale}.json: notify["${kind}"] needs a text title and body`);
        out.set(kind, { title: t.title, body: t.body });
      }
    }
    return out;
  };
  return { 'zh-CN': load('zh-CN'), en: load('en') };
}
