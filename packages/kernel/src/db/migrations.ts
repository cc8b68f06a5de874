import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

const MIGRATION_FILE = /^\d{8}T\d{4}_[a-z0-9_]+\.ts$/;

/**
 * Collects the migrations of every enabled module into one ordered list. File names start
 * with a timestamp, so sorting by name is applying in the order they were written, whichever
 * module they belong to.
 */
export class ModuleMigrationProvider implements MigrationProvider {
  constructor(private readonly dirs: URL[]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    for (const dir of this.dirs) {
      const path = fileURLToPath(dir);
      const files = (await readdir(path).catch(() => [])).filter((f) => MIGRATION_FILE.test(f));
      for (const file of files) {
        const name = file.replace(/\.ts$/, '');
        if (migrations[name]) throw new Error(`two migrations are named ${name}`);
        migrations[name] = (await import(pathToFileURL(join(path, file)).href)) as Migration;
      }
    }
    return migrations;
  }
}

export function createMigrator(db: Kysely<any>, dirs: URL[]): Migrator {
  return new Migrator({
    db,
    provider: new ModuleMigrationProvider(dirs),
    migrationTableName: 'core_migrations',
    migrationLockTableName: 'core_migrations_lock',
  });
}

/** Applies every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<any>, dirs: URL[]): Promise<string[]> {
  const result: MigrationResultSet = await createMigrator(db, dirs).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
