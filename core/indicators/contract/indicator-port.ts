import { serviceRef } from '#kernel/service.ts';
import type { PlatformDb } from '#kernel/db/own-tables.ts';
import type { Period } from '#kernel';

/**
 * What other modules may ask of the indicators registry (through `host.service('indicators')`).
 * `valueFor` computes without an access check: the caller has already decided that its user
 * may see the figure (e.g. the progress of a plan task they may read).
 */
export interface IndicatorPort {
  has(id: string): boolean;
  unitOf(id: string): string | null;
  valueFor(db: PlatformDb, id: string, orgPath: string, period: Period): Promise<number>;
}

/** The typed handle to core/indicators' contract service. */
export const IndicatorService = serviceRef<IndicatorPort>('indicators');
