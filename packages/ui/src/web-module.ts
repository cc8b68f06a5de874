import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

export interface MenuEntry {
  /** Route path, e.g. '/orgs'. */
  path: string;
  /** i18n key with namespace, e.g. 'orgs:menu.orgs'. */
  label: string;
  icon?: ReactNode;
  /** Shown only to users holding this permission somewhere (or, given several, any of them). */
  permission?: string | string[];
  /** Menu group key with namespace, e.g. 'shell:menu.system'. */
  group?: string;
  order?: number;
}

export interface WebRoute {
  path: string;
  page: LazyExoticComponent<ComponentType> | ComponentType;
  /** The route answers 403 without it, or without any of several (the server enforces it again). */
  permission?: string | string[];
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
  /**
   * Pages anyone may open without signing in (a 公示 list, certificate verification), under
   * `/public/`: outside the console layout, with no session (useOptionalSession() is null).
   */
  publicRoutes?: Array<Omit<WebRoute, 'permission'>>;
  locales: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> };
}

export const defineWebModule = (m: WebModule): WebModule => m;

/** Whether a menu entry or route with this permission (one, or any of several) is the user's to see. */
export const mayOpen = (can: (permission: string) => boolean, permission: string | string[] | undefined): boolean =>
  permission === undefined || (Array.isArray(permission) ? permission.some(can) : can(permission));
