import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PermissionInfo } from '../api.ts';

export interface PermissionGroup {
  module: string;
  label: string;
  items: Array<{ id: string; label: string }>;
}

// Core modules first, in the order an administrator meets them; other modules follow by name.
const CORE_ORDER = ['orgs', 'users', 'access', 'auth', 'audit', 'files'];

/** Permissions grouped by the module that declares them, labelled in the console's language. */
export function groupByModule(
  permissions: PermissionInfo[],
  isEnglish: boolean,
  moduleLabel: (module: string) => string,
): PermissionGroup[] {
  const groups = new Map<string, PermissionGroup>();
  for (const p of permissions) {
    const group = groups.get(p.module) ?? { module: p.module, label: moduleLabel(p.module), items: [] };
    group.items.push({ id: p.id, label: isEnglish ? p.label.en : p.label.zh });
    groups.set(p.module, group);
  }
  const rank = (m: string) => (CORE_ORDER.includes(m) ? CORE_ORDER.indexOf(m) : CORE_ORDER.length);
  return [...groups.values()].sort((a, b) => rank(a.module) - rank(b.module) || a.label.localeCompare(b.label, isEnglish ? 'en' : 'zh-CN'));
}

/** A module's name: the roles page's own words for core modules, else the module's menu label, else its id. */
export function usePermissionGroups(permissions: PermissionInfo[]): PermissionGroup[] {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  return useMemo(
    () =>
      groupByModule(permissions, isEnglish, (module) => {
        if (i18n.exists(`access:web.modules.${module}`)) return t(`access:web.modules.${module}`);
        if (i18n.exists(`${module}:web.menu`)) return t(`${module}:web.menu`);
        return module;
      }),
    [permissions, isEnglish, t, i18n],
  );
}
