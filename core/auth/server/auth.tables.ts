import type { Kysely } from 'kysely';
import { ownTables, type PlatformDb } from '#kernel/db/own-tables.ts';

/** A browser session; `id` is the SHA-256 of the cookie's token. Timestamps are ISO text. */
export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  mfaState: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** Failed sign-ins of one account (as typed) from one address. */
export interface LoginFailureRow {
  account: string;
  ip: string;
  failures: number;
  lockedUntil: string | null;
  lastFailedAt: string;
}

/** Failed sign-ins of one account from every address. */
export interface LoginDelayRow {
  account: string;
  failures: number;
  lastFailedAt: string;
}

/** Wrong second-factor codes of one user. */
export interface TotpFailureRow {
  userId: string;
  failures: number;
  lastFailedAt: string;
}

/** An API token (ADR 0008): only the SHA-256 of its secret is kept. */
export interface ApiTokenRow {
  id: string;
  tokenHash: string;
  prefix: string;
  name: string;
  userId: string;
  roleId: string;
  orgId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  /** Beijing date (YYYY-MM-DD) of the last "used" audit record. */
  lastAuditedOn: string | null;
}

/** The hash of a password an account had before its current one. */
export interface PasswordHistoryRow {
  id: string;
  userId: string;
  passwordHash: string;
  replacedAt: string;
}

/** The tables core/auth owns, camelCase in TypeScript. */
export interface AuthTables {
  core_sessions: SessionRow;
  core_login_failures: LoginFailureRow;
  core_login_delays: LoginDelayRow;
  core_totp_failures: TotpFailureRow;
  core_api_tokens: ApiTokenRow;
  core_password_history: PasswordHistoryRow;
}

export type AuthDb = Kysely<AuthTables>;

/** core/auth's view of a connection or transaction: its own tables and nothing else. */
export const authDb = (db: PlatformDb): AuthDb =>
  ownTables<AuthTables>(db, 'auth', [
    'core_sessions',
    'core_login_failures',
    'core_login_delays',
    'core_totp_failures',
    'core_api_tokens',
    'core_password_history',
  ]);
