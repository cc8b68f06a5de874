import type { Kysely } from 'kysely';
import { ownTables, type PlatformDb } from '#kernel/db/own-tables.ts';

/** A computed figure, kept a few minutes; periods and `computedAt` are ISO text. */
export interface IndicatorValueRow {
  indicatorId: string;
  orgId: string;
  periodFrom: string;
  periodTo: string;
  /** `double precision`: PostgreSQL returns a number, as SQLite does. */
  value: number;
  computedAt: string;
}

/** The tables core/indicators owns, camelCase in TypeScript. */
export interface IndicatorsTables {
  core_indicator_values: IndicatorValueRow;
}

export type IndicatorsDb = Kysely<IndicatorsTables>;

/** core/indicators' view of a connection or transaction: its one table and nothing else. */
export const indicatorsDb = (db: PlatformDb): IndicatorsDb => ownTables<IndicatorsTables>(db, 'indicators', ['core_indicator_values']);
