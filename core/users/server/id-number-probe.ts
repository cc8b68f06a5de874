import { DomainError, type Ctx } from '#kernel';
import { NotifyService } from '#core/notify/contract/notify.service.ts';
import { AuditPermissions } from '#core/audit/contract/permissions.ts';
import { countActorActions } from '#core/audit/server/audit.repo.ts';
import { findOrgForUser, findUserById } from './user.repo.ts';
import { UserErrors } from '../contract/errors.ts';

/*
 * "This ID number is already registered" tells the caller that somebody on the platform holds
 * that number, even outside the caller's scope. The answer has to stay (the record cannot be
 * saved), so the oracle is made expensive instead: every conflict is audited, a caller gets at
 * most `limit` of them in `windowMinutes`, and reaching the limit alerts the security officers
 * above the caller and pauses the caller's ID-number submissions for the rest of the window.
 */
export const ID_NUMBER_PROBES = { limit: 5, windowMinutes: 60 } as const;
const CONFLICT = 'users.id_number.conflict';

/** The conflict; it carries for the audit what the answer must not show: the record edited and the number, masked. */
export class IdNumberTaken extends DomainError {
  constructor(
    readonly targetUserId: string | null,
    readonly masked: string,
  ) {
    super(UserErrors.idNumberTaken.kind, UserErrors.idNumberTaken.code, { field: 'idNumber' });
  }
}

/**
 * Runs a change that may submit an ID number. Refuses it while the caller is over the limit;
 * when it fails with `users.id_number_taken`, records the conflict in its own transaction (the
 * change's own has rolled back) and raises the alert at the limit, then rethrows.
 */
export async function guardIdNumberProbe<T>(ctx: Ctx, submitsIdNumber: boolean, change: () => Promise<T>): Promise<T> {
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  if (!submitsIdNumber || !actorId || ctx.inTransaction) return change();
  const since = new Date(ctx.now().getTime() - ID_NUMBER_PROBES.windowMinutes * 60_000).toISOString();
  if ((await countActorActions(ctx.db, actorId, CONFLICT, since)) >= ID_NUMBER_PROBES.limit) {
    throw UserErrors.idNumberChecksLimited({ minutes: ID_NUMBER_PROBES.windowMinutes });
  }
  try {
    return await change();
  } catch (error) {
    if (error instanceof IdNumberTaken) await recordConflict(ctx, actorId, since, error);
    throw error;
  }
}

async function recordConflict(ctx: Ctx, actorId: string, since: string, conflict: IdNumberTaken): Promise<void> {
  const actor = await findUserById(ctx.db, actorId);
  await ctx.transaction(async (tx) => {
    tx.audit({
      action: CONFLICT,
      objectType: 'user',
      objectId: conflict.targetUserId,
      orgId: actor?.org_id ?? null,
      changes: { idNumber: conflict.masked },
    });
    const count = (await countActorActions(tx.db, actorId, CONFLICT, since)) + 1;
    if (count !== ID_NUMBER_PROBES.limit || !actor) return;
    const org = await findOrgForUser(tx.db, actor.org_id);
    // core/notify is reached at run time: it reads users itself, so it starts after this module.
    const reached = (
      await tx.service(NotifyService).notify(
        tx,
        { holdersOf: { permission: AuditPermissions.receiveAlerts, orgId: actor.org_id } },
        {
          kind: 'users.id_number_probing',
          orgId: actor.org_id,
          link: `/audit?actorId=${actor.id}`,
          params: { account: actor.account, org: org?.name ?? '', count, minutes: ID_NUMBER_PROBES.windowMinutes },
        },
      )
    ).userIds;
    tx.audit({
      action: 'users.id_number.probe_alerted',
      objectType: 'user',
      objectId: actor.id,
      orgId: actor.org_id,
      changes: { conflicts: count, alerted: reached.length },
    });
  });
}
