import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

export interface MenuEntry {
  /** Route path, e.g. '/orgs'. */
  path: string;
  /** i18n key with namespace, e.g. 'orgs:menu.orgs'. */
  label: string;
  icon?: ReactNode;
  /** Shown only to users holding this permission somewhere. */
  permission?: string;
  /** Menu group key with namespace, e.g. 'shell:menu.system'. */
  group?: string;
  order?: number;
}

export interface WebRoute {
  path: string;
  page: LazyExoticComponent<ComponentType> | ComponentType;
  /** The route answers 403 without it (the server enforces it again). */
  permission?: string;
  /** i18n key of the breadcrumb. */
  title: string;
}

/** What a module contributes to the console: menu entries, routes, and its locale bundles. */
export interface WebModule {
  id: string;
  menu: MenuEntry[];
  routes: WebRoute[];
  /** Small widgets in the console header, left of the language switch (e.g. the notification bell). */
  headerItems?: ComponentType[];
  locales: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> };
}

export const defineWebModule = (m: WebModule): WebModule => m;
