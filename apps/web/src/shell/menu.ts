import type { TFunction } from 'i18next';
import { createElement } from 'react';
import { Link } from 'react-router';
import { mayOpen, type WebModule } from '#ui';

interface Item { key: string; label: React.ReactNode; icon?: React.ReactNode; children?: Item[] }

/**
 * The side menu: entries the user may see (by permission), grouped, sorted by `order`.
 * A group with no visible entries disappears.
 */
export function buildMenu(modules: WebModule[], can: (permission: string) => boolean, t: TFunction): Item[] {
  const visible = modules.flatMap((m) => m.menu).filter((e) => mayOpen(can, e.permission)).sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  const out: Item[] = [];
  const groups = new Map<string, Item>();
  for (const e of visible) {
    const item: Item = { key: e.path, icon: e.icon, label: createElement(Link, { to: e.path }, t(e.label)) };
    if (!e.group) { out.push(item); continue; }
    let group = groups.get(e.group);
    if (!group) {
      group = { key: `group:${e.group}`, label: t(e.group), children: [] };
      groups.set(e.group, group);
      out.push(group);
    }
    group.children!.push(item);
  }
  return out;
}
