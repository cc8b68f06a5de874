import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  dataDir: string;
  /** Master key for personal-data encryption (hex or base64, ≥ 32 bytes); null → generated file for embedded SQLite. */
  fieldKey: string | null;
  adminPassword: string | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  maxUploadBytes: number;
  /** Bytes one user's uploads may hold in all, and the files of one org; uploads per user per minute. */
  uploadQuotaUserBytes: number;
  uploadQuotaOrgBytes: number;
  uploadsPerMinute: number;
  bodyLimitBytes: number;
  loginRateLimitPerMinute: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Outgoing mail server (`smtps://user:password@host:465`); null: no e-mail is sent. */
  smtpUrl: string | null;
  /** The sender of notification e-mails; required with smtpUrl. */
  mailFrom: string | null;
  /** The console's address as users reach it, for links in e-mails; null: links stay console paths. */
  publicUrl: string | null;
  /** Whether `serve` runs the job scheduler (off: an instance that only answers requests). */
  jobsEnabled: boolean;
  /** How long the scheduler waits between ticks. */
  jobsIntervalMs: number;
  /** How long a claimed job is held; a run still going after this may start again elsewhere. */
  jobsLeaseSeconds: number;
  /** Folder of the signed audit checkpoints (append-only JSON lines); put it where the database's writer cannot write. */
  auditCheckpointDir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`配置错误 ${variable}: ${message}`);
  }
}

type Source = Record<string, string | undefined>;

const VARIABLES = {
  host: 'EDUCLOUD_HOST',
  port: 'EDUCLOUD_PORT',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'EDUCLOUD_DATA_DIR',
  fieldKey: 'EDUCLOUD_FIELD_KEY',
  adminPassword: 'EDUCLOUD_ADMIN_PASSWORD',
  sessionIdleMinutes: 'EDUCLOUD_SESSION_IDLE_MINUTES',
  sessionAbsoluteHours: 'EDUCLOUD_SESSION_ABSOLUTE_HOURS',
  trustProxy: 'EDUCLOUD_TRUST_PROXY',
  maxUploadBytes: 'EDUCLOUD_MAX_UPLOAD_MB',
  bodyLimitBytes: 'EDUCLOUD_BODY_LIMIT_KB',
  loginRateLimitPerMinute: 'EDUCLOUD_LOGIN_RATE_LIMIT',
  logLevel: 'EDUCLOUD_LOG_LEVEL',
  smtpUrl: 'EDUCLOUD_SMTP_URL',
  mailFrom: 'EDUCLOUD_MAIL_FROM',
  publicUrl: 'EDUCLOUD_PUBLIC_URL',
  uploadQuotaUserBytes: 'EDUCLOUD_UPLOAD_QUOTA_USER_MB',
  uploadQuotaOrgBytes: 'EDUCLOUD_UPLOAD_QUOTA_ORG_MB',
  uploadsPerMinute: 'EDUCLOUD_UPLOAD_RATE_LIMIT',
  jobsEnabled: 'EDUCLOUD_JOBS',
  jobsIntervalMs: 'EDUCLOUD_JOBS_INTERVAL_MS',
  jobsLeaseSeconds: 'EDUCLOUD_JOBS_LEASE_SECONDS',
  auditCheckpointDir: 'EDUCLOUD_AUDIT_CHECKPOINT_DIR',
} as const;

function integer(source: Source, name: string, fallback: number, min: number, max: number): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(name, `应为 ${min}–${max} 之间的整数，实际为 "${raw}"`);
  return value;
}

function bool(source: Source, name: string): boolean {
  const raw = source[name];
  if (raw === undefined || raw === '') return false;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `应为 true 或 false，实际为 "${raw}"`);
}

/**
 * Reads configuration once, from an optional JSON file (EDUCLOUD_CONFIG, keys are the variable
 * names) overlaid by the environment. Any invalid value stops start-up naming its variable.
 */
export function loadConfig(env: Source = process.env): Config {
  let source: Source = { ...env };
  const file = env.EDUCLOUD_CONFIG;
  if (file) {
    if (!existsSync(file)) throw new ConfigError('EDUCLOUD_CONFIG', `文件不存在：${file}`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError('EDUCLOUD_CONFIG', `不是有效的 JSON：${(e as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object') throw new ConfigError('EDUCLOUD_CONFIG', '应为 JSON 对象');
    const known = new Set<string>(Object.values(VARIABLES));
    for (const key of Object.keys(parsed)) if (!known.has(key)) throw new ConfigError('EDUCLOUD_CONFIG', `未知的配置项 ${key}`);
    source = { ...Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)])), ...env };
  }
  const dataDir = resolve(source.EDUCLOUD_DATA_DIR || './data');
  const databaseUrl = source.DATABASE_URL || `sqlite:${resolve(dataDir, 'educloud.db')}`;
  if (!/^(postgres(ql)?:\/\/|sqlite:)/.test(databaseUrl)) throw new ConfigError('DATABASE_URL', '应以 postgres:// 或 sqlite: 开头');
  const host = source.EDUCLOUD_HOST || '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new ConfigError('EDUCLOUD_HOST', `不是有效的主机地址："${host}"`);
  const fieldKey = source.EDUCLOUD_FIELD_KEY || null;
  if (fieldKey !== null && decodeKey(fieldKey) === null)
    throw new ConfigError('EDUCLOUD_FIELD_KEY', '应为至少 32 字节的十六进制（64 位）或 base64 字符串');
  if (!fieldKey && databaseUrl.startsWith('postgres'))
    throw new ConfigError('EDUCLOUD_FIELD_KEY', '使用 PostgreSQL 部署时必须配置个人信息加密主密钥');
  const jobs = (source.EDUCLOUD_JOBS || 'on').toLowerCase();
  if (jobs !== 'on' && jobs !== 'off') throw new ConfigError('EDUCLOUD_JOBS', `应为 on 或 off，实际为 "${source.EDUCLOUD_JOBS}"`);
  const smtpUrl = source.EDUCLOUD_SMTP_URL || null;
  // The URL holds the mail password: messages name the variable, never repeat its value.
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl))
    throw new ConfigError('EDUCLOUD_SMTP_URL', '应以 smtp:// 或 smtps:// 开头，例如 smtps://用户名:密码@smtp.example.cn:465');
  const mailFrom = source.EDUCLOUD_MAIL_FROM || null;
  if ((smtpUrl === null) !== (mailFrom === null))
    throw new ConfigError(
      smtpUrl ? 'EDUCLOUD_MAIL_FROM' : 'EDUCLOUD_SMTP_URL',
      '发送邮件须同时配置 EDUCLOUD_SMTP_URL 和 EDUCLOUD_MAIL_FROM',
    );
  const publicUrl = source.EDUCLOUD_PUBLIC_URL ? source.EDUCLOUD_PUBLIC_URL.replace(/\/+$/, '') : null;
  if (publicUrl !== null && !/^https?:\/\/[^\s/]+(\/\S*)?$/.test(publicUrl))
    throw new ConfigError('EDUCLOUD_PUBLIC_URL', `应为控制台的访问地址，例如 https://edu.example.cn，实际为 "${publicUrl}"`);
  const logLevel = (source.EDUCLOUD_LOG_LEVEL || 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    throw new ConfigError('EDUCLOUD_LOG_LEVEL', `未知的日志级别 "${logLevel}"`);
  return {
    host,
    port: integer(source, VARIABLES.port, 8080, 0, 65535),
    databaseUrl,
    dataDir,
    fieldKey,
    adminPassword: source.EDUCLOUD_ADMIN_PASSWORD || null,
    sessionIdleMinutes: integer(source, VARIABLES.sessionIdleMinutes, 30, 1, 24 * 60),
    sessionAbsoluteHours: integer(source, VARIABLES.sessionAbsoluteHours, 12, 1, 24 * 30),
    trustProxy: bool(source, VARIABLES.trustProxy),
    maxUploadBytes: integer(source, VARIABLES.maxUploadBytes, 50, 1, 4096) * 1024 * 1024,
    uploadQuotaUserBytes: integer(source, VARIABLES.uploadQuotaUserBytes, 2048, 1, 1024 * 1024) * 1024 * 1024,
    uploadQuotaOrgBytes: integer(source, VARIABLES.uploadQuotaOrgBytes, 20_480, 1, 1024 * 1024) * 1024 * 1024,
    uploadsPerMinute: integer(source, VARIABLES.uploadsPerMinute, 20, 1, 10_000),
    bodyLimitBytes: integer(source, VARIABLES.bodyLimitBytes, 1024, 16, 100 * 1024) * 1024,
    loginRateLimitPerMinute: integer(source, VARIABLES.loginRateLimitPerMinute, 20, 1, 10_000),
    logLevel,
    smtpUrl,
    mailFrom,
    publicUrl,
    jobsEnabled: jobs === 'on',
    jobsIntervalMs: integer(source, VARIABLES.jobsIntervalMs, 15_000, 1_000, 3_600_000),
    jobsLeaseSeconds: integer(source, VARIABLES.jobsLeaseSeconds, 300, 10, 24 * 3600),
    auditCheckpointDir: resolve(source.EDUCLOUD_AUDIT_CHECKPOINT_DIR || resolve(dataDir, 'audit-checkpoints')),
  };
}

/** A key given as 64+ hex characters or base64 of 32+ bytes; null when neither. */
export function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64,}$/.test(text) && text.length % 2 === 0) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]+=*$/.test(text)) {
    const buf = Buffer.from(text, 'base64');
    if (buf.length >= 32) return buf;
  }
  return null;
}
