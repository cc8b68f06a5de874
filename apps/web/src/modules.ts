import type { WebModule } from '#ui';

/** The console's enabled modules, in menu order. The only list of them in the console. */
export const webModules: WebModule[] = [];
