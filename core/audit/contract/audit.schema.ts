import { Type, type Static } from 'typebox';
import { BoundedInteger } from '#kernel/number-bounds.ts';
import { PageQuery } from '#kernel';

export const AuditEvent = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ kind: Type.String(), id: Type.Union([Type.String(), Type.Null()]), name: Type.String() }),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  orgId: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    orgId: Type.Optional(Type.String({ description: 'only this org and its subtree' })),
    actorId: Type.Optional(Type.String()),
    actorName: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100, description: 'exact action, or a prefix ending in "." such as "orgs."' })),
    objectType: Type.Optional(Type.String({ maxLength: 50 })),
    objectId: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]);
export type AuditQuery = Static<typeof AuditQuery>;

export const ChainReport = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  headSeq: Type.Integer(),
  break: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String(), expectedSeq: Type.Optional(Type.Integer()) })),
  /** Present when checkpoints were given: how many were held against the chain and which failed. */
  checkpoints: Type.Optional(
    Type.Object({
      checked: Type.Integer(),
      failed: Type.Integer(),
      chainEndSeq: Type.Integer({ description: 'seq of the last record in the table (0: empty), whatever the head row says' }),
      latest: Type.Union([Type.Object({ seq: Type.Integer(), at: Type.String() }), Type.Null()]),
      failures: Type.Array(Type.Object({ line: Type.Integer(), seq: Type.Union([Type.Integer(), Type.Null()]), reason: Type.String() }), {
        description: 'at most 100; `failed` counts them all',
      }),
    }),
  ),
  /** Warnings, not failures: stretches longer than the threshold with no record (toSeq null: up to now). Present when any. */
  silentGaps: Type.Optional(
    Type.Array(
      Type.Object({
        fromSeq: Type.Integer(),
        from: Type.String(),
        toSeq: Type.Union([Type.Integer(), Type.Null()]),
        to: Type.String(),
        days: Type.Number(),
      }),
    ),
  ),
});
export type ChainReport = Static<typeof ChainReport>;

/**
 * A signed statement that the chain held `count` records ending with record `seq`, whose hash
 * was `hash`. One per line in the checkpoint file (JSON lines); the public key travels with it
 * so that anyone can check the signature with nothing but the file.
 */
export const AuditCheckpoint = Type.Object({
  type: Type.Literal('educloud.audit.checkpoint'),
  version: Type.Literal(1),
  // A chain's sequence never passes JavaScript's safe integers (Number.MAX_SAFE_INTEGER).
  seq: BoundedInteger({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  hash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  count: BoundedInteger({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  recordAt: Type.Union([Type.String(), Type.Null()], { description: 'time of the record at seq; null for an empty chain' }),
  at: Type.String({ description: 'when the checkpoint was made' }),
  algorithm: Type.Literal('SM2-SM3'),
  userId: Type.String({ maxLength: 64 }),
  publicKey: Type.String({ pattern: '^04[0-9a-f]{128}$', description: 'uncompressed SM2 point, hex' }),
  signature: Type.String({ pattern: '^[0-9a-f]+$', maxLength: 160, description: 'DER SEQUENCE { r, s }, hex' }),
});
export type AuditCheckpoint = Static<typeof AuditCheckpoint>;

export const CheckpointFailureReason = Type.Union([
  Type.Literal('malformed'),
  Type.Literal('signature_invalid'),
  Type.Literal('foreign_key'),
  Type.Literal('chain_empty'),
  Type.Literal('chain_shorter'),
  Type.Literal('record_missing'),
  Type.Literal('hash_mismatch'),
]);
export type CheckpointFailureReason = Static<typeof CheckpointFailureReason>;

export const VerifyChainBody = Type.Object({
  checkpoints: Type.Optional(
    Type.Array(AuditCheckpoint, { maxItems: 1000, description: 'checkpoints to hold the chain against (lines of the checkpoint file)' }),
  ),
  silentGapDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 3650, description: 'report gaps between records longer than this (default 7)' }),
  ),
});
export type VerifyChainBody = Static<typeof VerifyChainBody>;
