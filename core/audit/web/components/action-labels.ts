import type { TFunction } from 'i18next';

/**
 * The words for known action codes, keyed by the code itself (`orgs.org.created`). The map is
 * read whole rather than key by key because codes contain i18next's key separator, and one
 * code can be the prefix of another (`auth.logout`, `auth.logout.everywhere`).
 */
export function actionLabels(t: TFunction): Record<string, string> {
  const labels = t('audit:web.actions', { returnObjects: true }) as unknown;
  return labels && typeof labels === 'object' ? (labels as Record<string, string>) : {};
}

/** Module prefixes the server accepts as filters (`orgs.` matches every orgs action). */
export function actionGroupLabels(t: TFunction): Record<string, string> {
  const labels = t('audit:web.actionGroups', { returnObjects: true }) as unknown;
  return labels && typeof labels === 'object' ? (labels as Record<string, string>) : {};
}
