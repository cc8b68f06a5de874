import type { FastifyInstance } from 'fastify';
import type { Kysely, Migration } from 'kysely';
import type { Ctx, CtxFactory } from './ctx.ts';
import type { Engine } from './db/database.ts';
import type { CliCommand } from './cli.ts';
import type { IndicatorDefinition } from './indicator.ts';
import type { JobDefinition } from './job.ts';
import type { FieldCipher } from './crypto/sm.ts';
import type { WorkflowDefinition } from './workflow.ts';
import type { EventDefinition, SubscriberDefinition } from './events.ts';
import type { ServiceRef } from './service.ts';

export interface Label {
  zh: string;
  en: string;
}

export interface PermissionDeclaration {
  /** `<module>.<resource>.<verb>` */
  id: string;
  label: Label;
}

export interface BuiltinRoleGrant {
  /** Code of a built-in role (see core/access), e.g. 'org_admin'. */
  role: string;
  permissions: string[];
}

/** What the host hands each module when it starts. */
export interface Host {
  db: Kysely<any>;
  engine: Engine;
  makeCtx: CtxFactory;
  /** Encrypts personal data (phones, ID numbers) with the deployment's master key; SM4 + HMAC-SM3. */
  fieldCipher: FieldCipher;
  config: Readonly<Record<string, unknown>>;
  /** Every enabled module, in start-up order: what registries (permissions, jobs, indicators…) are built from. */
  modules: readonly ModuleDefinition[];
  /**
   * Another module's contract service, typed by its ref; only modules listed in this module's
   * dependsOn (which therefore started earlier). A string id is the old, untyped form.
   */
  service<T>(ref: ServiceRef<T> | string): T;
}

export interface ModuleDefinition {
  id: string;
  /** Every table of the module starts with `<tablePrefix>_`. */
  tablePrefix: string;
  dependsOn?: string[];
  permissions?: PermissionDeclaration[];
  /** Which permissions the built-in roles receive from this module. */
  roleGrants?: BuiltinRoleGrant[];
  /** Folder of migration files named `<yyyymmddThhmm>_<prefix>_<what>.ts`. */
  migrationsDir?: URL;
  /** Tables that copy an org's path for fast subtree filters; moving an org rewrites them too. */
  orgPathColumns?: Array<{ table: string; column: string }>;
  /**
   * Columns that record where an org stood at some moment (hashed history) and so must not
   * move with it. Every `*_path` column of the schema is declared in one of the two lists
   * (a test checks), so a new copy of an org path cannot be forgotten by a move.
   */
  historicalOrgPathColumns?: Array<{ table: string; column: string }>;
  /**
   * The contract service other modules reach through `host.service(Ref)` / `ctx.service(Ref)`,
   * where `Ref = serviceRef<Contract>(this module's id)` lives in the module's contract folder.
   * Called once at start-up, after the services of every module in dependsOn.
   */
  createService?(host: Host): unknown;
  routes?(app: FastifyInstance, host: Host): Promise<void> | void;
  /** Named measures over an org subtree and a period, for dashboards and plan targets. */
  indicators?: IndicatorDefinition[];
  /** Recurring work run by core/jobs on one instance at a time. */
  jobs?: JobDefinition[];
  /** The events the module publishes (from its `contract/events.ts`), named `<module id>.<resource>.<past tense>`. */
  events?: EventDefinition<any>[];
  /** Reactions to events (its own or another module's), run by core/events after the publishing transaction commits. */
  subscribers?: SubscriberDefinition<any>[];
  /** Review processes (core/workflow) the module starts on its records. */
  workflows?: WorkflowDefinition[];
  /** Command-line verbs, keyed by `<module> <verb>` (e.g. 'work-plan parse'). */
  cli?: Record<string, CliCommand>;
  /** Reference data loaded on first start; must be idempotent. */
  seed?(ctx: Ctx, host: Host): Promise<void>;
}

export const defineModule = <T extends ModuleDefinition>(definition: T): T => definition;

export type { Migration };
