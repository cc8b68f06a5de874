import { Type, type Static } from 'typebox';
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
});
export type ChainReport = Static<typeof ChainReport>;
