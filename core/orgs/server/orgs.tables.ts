import type { Kysely } from 'kysely';
import { ownTables, type PlatformDb } from '#kernel/db/own-tables.ts';

export interface OrgRow {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  /** An OrgType (contract/org-types.ts); the column is plain text. */
  type: string;
  /** A SchoolStage for schools, null otherwise; the column is plain text. */
  stage: string | null;
  divisionCode: string | null;
  parentId: string | null;
  path: string;
  depth: number;
  /** 0 or 1 (SQLite has no boolean; PostgreSQL's column is an integer too). */
  isActive: number;
  /** 0 or 1. */
  isSample: number;
  /** ISO text. */
  createdAt: string;
  /** ISO text. */
  updatedAt: string;
}

/** The tables core/orgs owns, camelCase in TypeScript. */
export interface OrgsTables {
  core_orgs: OrgRow;
}

export type OrgsDb = Kysely<OrgsTables>;

/** core/orgs' view of a connection or transaction: its table and nothing else. */
export const orgsDb = (db: PlatformDb): OrgsDb => ownTables<OrgsTables>(db, 'orgs', ['core_orgs']);
