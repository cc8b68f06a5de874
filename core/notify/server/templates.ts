export type NotifyLocale = 'zh-CN' | 'en';
export const NOTIFY_LOCALES: readonly NotifyLocale[] = ['zh-CN', 'en'];

export interface NotificationTemplate {
  title: string;
  body: string;
}

/** Every kind's template per language, from the `notify` objects of the modules' locale files. */
export type TemplateCatalog = Record<NotifyLocale, ReadonlyMap<string, NotificationTemplate>>;

let catalog: TemplateCatalog = { 'zh-CN': new Map(), en: new Map() };

/** The host installs the catalog it read from the locale files before serving; tests may add their own kinds. */
export function installNotificationTemplates(templates: TemplateCatalog): void {
  catalog = templates;
}

export const notificationTemplates = (): TemplateCatalog => catalog;

/** True when `kind` can be rendered in every language the console offers. */
export const hasTemplate = (kind: string): boolean => NOTIFY_LOCALES.every((l) => catalog[l].has(kind));

const fill = (text: string, params: Record<string, unknown>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => (params[key] === undefined || params[key] === null ? '' : String(params[key])));

/**
 * The message in `locale`. A kind whose template has since disappeared (a module was removed)
 * still shows, as its kind, rather than breaking the reader's inbox.
 */
export function renderNotification(kind: string, params: Record<string, unknown>, locale: NotifyLocale): NotificationTemplate {
  const template = catalog[locale].get(kind) ?? catalog['zh-CN'].get(kind);
  if (!template) return { title: kind, body: '' };
  return { title: fill(template.title, params), body: fill(template.body, params) };
}

/** 'en' when the reader's Accept-Language prefers English over Chinese; Chinese otherwise. */
export function localeFromHeader(header: string | undefined): NotifyLocale {
  if (!header) return 'zh-CN';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...options] = part.trim().toLowerCase().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked.find((r) => r.tag.startsWith('zh') || r.tag.startsWith('en'));
  return first?.tag.startsWith('en') ? 'en' : 'zh-CN';
}
