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
  for (const { entries } of localeSections(locale, 'errors'))
    for (const [code, text] of Object.entries(entries)) out.set(code, String(text));
  return out;
}

const catalogs: Record<Locale, Map<string, string>> = { 'zh-CN': loadErrors('zh-CN'), en: loadErrors('en') };

const fill = (template: string, params: Record<string, unknown>, locale: Locale) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = params[key];
    return value === undefined ? '' : Array.isArray(value) ? value.join(locale === 'en' ? ', ' : '、') : String(value);
  });

/** The message for an error code with its params filled in; a generic one for unknown codes. */
export function messageFor(code: string, params: Record<string, unknown> = {}, locale: Locale = 'zh-CN'): string {
  return fill(catalogs[locale].get(code) ?? catalogs[locale].get('internal') ?? code, params, locale);
}

const localeFiles = new Map<string, Record<string, unknown>>();
function localeFile(namespace: string, locale: Locale): Record<string, unknown> {
  const key = `${namespace}/${locale}`;
  if (!localeFiles.has(key)) {
    const candidates =
      namespace === 'server'
        ? [join(ROOT, 'apps/server/locales')]
        : ['core', 'modules'].map((group) => join(ROOT, group, namespace, 'locales'));
    const dir = candidates.find((d) => existsSync(join(d, `${locale}.json`)));
    localeFiles.set(key, dir ? (JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Record<string, unknown>) : {});
  }
  return localeFiles.get(key)!;
}

/**
 * Words for the command line and other server-side text: `<namespace>:<path>` names an entry of a
 * piece's locale file (`jobs:cli.list.total`; `server:` is apps/server/locales), a bare key is an
 * error code. A missing entry gives the key itself, and a test walks every key the code uses.
 */
export function textFor(key: string, params: Record<string, unknown> = {}, locale: Locale = 'zh-CN'): string {
  const colon = key.indexOf(':');
  if (colon < 0) return messageFor(key, params, locale);
  let node: unknown = localeFile(key.slice(0, colon), locale);
  for (const part of key.slice(colon + 1).split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? fill(node, params, locale) : key;
}

export const errorCodes = (locale: Locale): string[] => [...catalogs[locale].keys()];

export interface NotificationTemplate {
  title: string;
  body: string;
}

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
        if (typeof t?.title !== 'string' || typeof t.body !== 'string')
          throw new Error(`${folder}/locales/${locale}.json: notify["${kind}"] needs a text title and body`);
        out.set(kind, { title: t.title, body: t.body });
      }
    }
    return out;
  };
  return { 'zh-CN': load('zh-CN'), en: load('en') };
}
