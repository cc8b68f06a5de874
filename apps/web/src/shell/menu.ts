import type { TFunction } from 'i18next';
import { createElement } from 'react';
import { Link } from 'react-router';
import { SettingOutlined } from '@ant-design/icons';
import { mayOpen, type WebModule } from '#ui';

/** Icons of the shell's menu groups (a collapsed menu shows only icons). */
const GROUP_ICONS: Record<string, React.ReactNode> = { 'shell:menu.system': createElement(SettingOutlined) };

interface Item {
  key: string;
  label: React.ReactNode;
  icon?: React.ReactNode;
  children?: Item[];
}

/**
 * The side menu: entries the user may see (by permission), grouped, sorted by `order`.
 * A group with no visible entries disappears.
 */
export function buildMenu(modules: WebModule[], can: (permission: string) => boolean, t: TFunction): Item[] {
  const visible = modules
    .flatMap((m) => m.menu)
    .filter((e) => mayOpen(can, e.permission))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  const out: Item[] = [];
  const groups = new Map<string, Item>();
  for (const e of visible) {
    const item: Item = { key: e.path, icon: e.icon, label: createElement(Link, { to: e.path }, t(e.label)) };
    if (!e.group) {
      out.push(item);
      continue;
    }
    let group = groups.get(e.group);
    if (!group) {
      group = { key: `group:${e.group}`, label: t(e.group), icon: GROUP_ICONS[e.group], children: [] };
      groups.set(e.group, group);
      out.push(group);
    }
    group.children!.push(item);
  }
  return out;
}
