import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';

/*
 * Portable column conventions. Both engines get the same SQL types, chosen so that values
 * come back identical from better-sqlite3 and pg:
 *   ids       text (ULID, 26 chars)
 *   instants  text, ISO-8601 UTC with milliseconds ("2026-11-29T08:00:00.000Z"): sorts as
 *             text, compares in SQL, and reads the same everywhere
 *   booleans  integer 0/1 (pg's boolean would come back as true/false, SQLite's as 0/1)
 *   JSON      text, encoded and decoded in the repo with toJson/fromJson
 * Migrations use these helpers so that no module writes a dialect switch.
 */
type Table = CreateTableBuilder<any, any>;
type Modifier = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

export const column = {
  id: (t: Table, name = 'id') => t.addColumn(name, 'text', (c) => c.primaryKey()),
  ref: (t: Table, name: string, references?: string, extra: Modifier = (c) => c) =>
    t.addColumn(name, 'text', (c) => extra(references ? c.references(references) : c)),
  instant: (t: Table, name: string, extra: Modifier = (c) => c) => t.addColumn(name, 'text', extra),
  bool: (t: Table, name: string, defaultValue = false) => t.addColumn(name, 'integer', (c) => c.notNull().defaultTo(defaultValue ? 1 : 0)),
  json: (t: Table, name: string, extra: Modifier = (c) => c) => t.addColumn(name, 'text', extra),
  timestamps: (t: Table) => t.addColumn('created_at', 'text', (c) => c.notNull()).addColumn('updated_at', 'text', (c) => c.notNull()),
};

export const toInstant = (date: Date | number = Date.now()): string => new Date(date).toISOString();
export const toBool = (value: unknown): boolean => value === true || value === 1 || value === '1';
export const fromBool = (value: boolean): number => (value ? 1 : 0);
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);
export function fromJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string' || value === '') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

/** Escapes a user's text for a LIKE pattern (with `escape '\'`). */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
