import type { Ctx } from '#kernel';
import { findDefinition, stepOf } from './definition-registry.ts';
import { beijingMinute, stepDeadlines } from './deadlines.ts';
import { assigneesOf, newTask, noticeOf, notifyTasks, record, routeOf, type Loaded } from './engine.ts';
import { notifyUsers } from './ports.ts';
import * as repo from './workflow.repo.ts';
import type { InstanceRow } from './workflow.repo.ts';

const BATCH = 200;

/** The nearest active org above `orgId`, or undefined at the top of the tree. */
async function levelAbove(ctx: Ctx, orgId: string) {
  const org = await repo.findOrg(ctx.db, orgId);
  if (!org) return undefined;
  const ancestors = await repo.orgsByIds(
    ctx.db,
    org.path.split('/').filter((id) => id && id !== org.id),
  );
  return org.path
    .split('/')
    .filter(Boolean)
    .reverse()
    .map((id) => ancestors.get(id))
    .find((o) => o && Number(o.is_active));
}

/**
 * Moves an overdue step's task to the level above (the acting org's parent), with a fresh
 * deadline; votes of the old round stop counting. At the top of the tree the deadline is
 * dropped instead, since nobody is above. Returns whether it escalated.
 */
async function escalate(ctx: Ctx, row: InstanceRow): Promise<boolean> {
  const def = findDefinition(ctx, row.definition_id);
  const step = def ? stepOf(def, row.step_id) : undefined;
  if (!def || !step || !row.acting_org_id) return false;
  return ctx.transaction(async (tx) => {
    const at = tx.now().toISOString();
    if (!(await repo.claimInstance(tx.db, row.id, Number(row.version), at))) return false; // someone acted meanwhile
    const loaded: Loaded = { inst: { ...row, version: Number(row.version) + 1 }, def, route: routeOf(row) };
    const above = await levelAbove(tx, row.acting_org_id!);
    if (!above) {
      await repo.updateInstance(tx.db, row.id, { due_at: null, remind_at: null });
      return false;
    }
    await repo.cancelOpenTasks(tx.db, row.id);
    const { dueAt, remindAt } = stepDeadlines(step, tx.now());
    const patch = { acting_org_id: above.id, round: Number(row.round) + 1, due_at: dueAt, remind_at: remindAt };
    await repo.updateInstance(tx.db, row.id, patch);
    loaded.inst = { ...loaded.inst, ...patch };
    const task = newTask(tx, loaded.inst, { kind: 'org', origin: 'escalated', permission: step.permission });
    await repo.insertTasks(tx.db, [task]);
    await record(tx, loaded, { operation: 'escalate', targetOrgId: above.id });
    await notifyTasks(tx, loaded, [task], 'workflow.escalated');
    return true;
  });
}

/** Reminds the current assignees once, before the deadline. Returns whether it reminded. */
async function remind(ctx: Ctx, row: InstanceRow): Promise<boolean> {
  const def = findDefinition(ctx, row.definition_id);
  if (!def || !row.remind_at) return false;
  return ctx.transaction(async (tx) => {
    // Taking the reminder locks the row, so the history entry cannot race an operation's.
    if (!(await repo.claimReminder(tx.db, row.id, row.remind_at!))) return false;
    const loaded: Loaded = { inst: { ...row, remind_at: null }, def, route: routeOf(row) };
    const open = (await repo.tasksOfRound(tx.db, row.id, Number(row.round))).filter((t) => t.status === 'open');
    await record(tx, loaded, { operation: 'remind' });
    await notifyUsers(
      tx,
      await assigneesOf(tx, loaded.inst, open),
      noticeOf(loaded, 'workflow.reminder', { dueAt: row.due_at ? beijingMinute(row.due_at) : '' }),
    );
    return true;
  });
}

/**
 * The `workflow.deadlines` job: reminds assignees whose step falls due soon (once per step)
 * and escalates overdue steps to the level above, up to BATCH of each per run. Each instance
 * is its own transaction, so one failure does not hold up the rest (the run then fails, naming
 * them, for the scheduler to retry); safe to run again at any time.
 */
export async function sweepDeadlines(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  const counts = { reminded: 0, escalated: 0 };
  const failed: string[] = [];
  const each = async (rows: InstanceRow[], step: (ctx: Ctx, row: InstanceRow) => Promise<boolean>, key: keyof typeof counts) => {
    for (const row of rows) {
      try {
        if (await step(ctx, row)) counts[key]++;
      } catch (error) {
        failed.push(`${row.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await each(await repo.instancesToRemind(ctx.db, ctx.now().toISOString(), BATCH), remind, 'reminded');
  await each(await repo.overdueInstances(ctx.db, ctx.now().toISOString(), BATCH), escalate, 'escalated');
  if (failed.length > 0)
    throw new Error(
      `workflow deadlines: ${failed.length} instance(s) failed (${counts.reminded} reminded, ${counts.escalated} escalated): ${failed.slice(0, 5).join('; ')}`,
    );
  return counts;
}
