import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  createCtxFactory,
  fullAccess,
  migrateToLatest,
  openDatabase,
  ServiceDirectory,
  startOrder,
  type Actor,
  type Ctx,
  type CtxFactory,
  type Database,
  type Host,
  type ModuleDefinition,
  type ServiceRef,
} from '#kernel';
import { deriveKey, FieldCipher } from '#kernel/crypto/sm.ts';
import { installAuditKey } from '#core/audit/server/chain.ts';
import { installAuditCheckpoints } from '#core/audit/server/checkpoint.ts';
import { clearSessionCache } from '#core/auth/server/session-cache.ts';
import { auditSink } from '#core/audit/server/audit.sink.ts';
import { installFieldCipher } from '#core/users/server/field-crypto.ts';
import { trackOrgPathColumn } from '#core/orgs/server/org.service.ts';
import { installIndicators } from '#core/indicators/server/indicator.service.ts';
import { installNotificationTemplates } from '#core/notify/server/templates.ts';
import { installJobs } from '#core/jobs/server/job-registry.ts';
import { outboxSink } from '#core/events/server/outbox.sink.ts';
import { decodeKey, type Config } from './config.ts';
import { notificationTemplates } from './messages.ts';
import { modules as enabledModules } from './modules.ts';

export interface Platform {
  config: Config;
  database: Database;
  /** The enabled modules in start-up order (each after what it depends on). */
  modules: ModuleDefinition[];
  makeCtx: CtxFactory;
  /** The platform's own host (serving, CLI, tests): every service. */
  host: Host;
  /** What a module's hooks (routes, seed) receive: only the services it declared in dependsOn. */
  hostFor(module: ModuleDefinition): Host;
  /** A Ctx for trusted callers (CLI, seeding): full access, audited under `actor`. */
  systemCtx(actor?: Actor): Ctx;
  /** Called after each transaction that published events commits (the serving process nudges its dispatcher). */
  onEventsPublished(listener: (() => void) | null): void;
  close(): Promise<void>;
}

/**
 * The master key for personal data. Deployments configure EDUCLOUD_FIELD_KEY; an embedded
 * SQLite install without one gets a random key in `<dataDir>/field.key` (mode 0600), made
 * once, so that `npm start` works on a fresh machine without a secret in the repository.
 */
function fieldKey(config: Config): Buffer {
  if (config.fieldKey) return decodeKey(config.fieldKey)!;
  const file = join(config.dataDir, 'field.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return decodeKey(readFileSync(file, 'utf8').trim())!;
}

export function migrationDirs(mods: ModuleDefinition[]): URL[] {
  return mods.map((m) => m.migrationsDir).filter((u): u is URL => !!u);
}

/** Opens the database, installs keys and registries; does not migrate or seed. */
export function openPlatform(config: Config, options: { modules?: ModuleDefinition[]; clock?: () => Date } = {}): Platform {
  // Each module starts after what it depends on; a missing dependency or a cycle stops here.
  const mods = startOrder(options.modules ?? enabledModules);
  const database = openDatabase(config.databaseUrl);
  const masterKey = fieldKey(config);
  const fieldCipher = new FieldCipher(masterKey);
  installFieldCipher(fieldCipher);
  installAuditKey(deriveKey(masterKey, 'educloud/audit-chain/v1'));
  installAuditCheckpoints({ masterKey, dir: config.auditCheckpointDir });
  installIndicators(mods);
  installNotificationTemplates(notificationTemplates());
  installJobs(mods);
  for (const m of mods) for (const c of m.orgPathColumns ?? []) trackOrgPathColumn(c.table, c.column);
  let eventsPublished: (() => void) | null = null;
  const services = new ServiceDirectory();
  const makeCtx = createCtxFactory({
    db: database.db,
    engine: database.engine,
    auditSink,
    eventSink: outboxSink,
    clock: options.clock,
    afterCommit: clearSessionCache,
    services,
    afterPublish: () => eventsPublished?.(),
  });
  const platformHost: Omit<Host, 'service'> = {
    db: database.db,
    engine: database.engine,
    makeCtx,
    fieldCipher,
    config: {
      filesDir: join(config.dataDir, 'files'),
      maxUploadBytes: config.maxUploadBytes,
      uploadQuotaUserBytes: config.uploadQuotaUserBytes,
      uploadQuotaOrgBytes: config.uploadQuotaOrgBytes,
      uploadsPerMinute: config.uploadsPerMinute,
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      publicUrl: config.publicUrl,
    },
    modules: mods,
  };
  const serviceOf = <T>(ref: ServiceRef<T> | string): T => services.get<T>(typeof ref === 'string' ? { id: ref } : ref);
  /** What module `m` sees: only the services of the modules it declared in dependsOn. One host per module, so all its hooks get the same object. */
  const moduleHosts = new Map<string, Host>();
  const hostFor = (m: ModuleDefinition): Host => {
    const existing = moduleHosts.get(m.id);
    if (existing) return existing;
    const moduleHost: Host = {
      ...platformHost,
      service<T>(ref: ServiceRef<T> | string): T {
        const id = typeof ref === 'string' ? ref : ref.id;
        if (id !== m.id && !(m.dependsOn ?? []).includes(id))
          throw new Error(`module "${m.id}" uses the service of "${id}" without listing it in dependsOn`);
        return serviceOf(ref);
      },
    };
    moduleHosts.set(m.id, moduleHost);
    return moduleHost;
  };
  const host: Host = { ...platformHost, service: serviceOf };
  for (const m of mods) if (m.createService) services.provide(m.id, m.createService(hostFor(m)));
  const system: Actor = { kind: 'system', id: null, name: 'system' };
  return {
    config,
    database,
    modules: mods,
    makeCtx,
    host,
    hostFor,
    systemCtx: (actor = system) => makeCtx({ actor, access: fullAccess }),
    onEventsPublished: (listener) => {
      eventsPublished = listener;
    },
    close: () => database.close(),
  };
}

/** Applies pending migrations of every enabled module, then each module's idempotent seed. */
export async function preparePlatform(platform: Platform): Promise<{ migrated: string[] }> {
  const migrated = await migrateToLatest(platform.database.db, migrationDirs(platform.modules));
  for (const m of platform.modules) if (m.seed) await m.seed(platform.systemCtx(), platform.hostFor(m));
  return { migrated };
}
