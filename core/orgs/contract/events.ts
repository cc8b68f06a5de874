import { Type } from 'typebox';
import { defineEvent } from '#kernel';

/**
 * An org moved with its subtree. The columns modules declare in `orgPathColumns` were rewritten
 * in the move's own transaction; this is for what reacts later (search indexes, caches, copies
 * kept elsewhere): every path starting with `oldPath` now starts with `newPath`.
 */
export const OrgMoved = defineEvent(
  'orgs.org.moved',
  Type.Object({
    orgId: Type.String(),
    fromParentId: Type.String(),
    toParentId: Type.String(),
    oldPath: Type.String(),
    newPath: Type.String(),
  }),
);

export const OrgEvents = [OrgMoved];
