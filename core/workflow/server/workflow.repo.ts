import type { Kysely } from 'kysely';

export interface InstanceRow {
  id: string;
  definition_id: string;
  subject_type: string;
  subject_id: string;
  title: string;
  link: string | null;
  org_id: string;
  org_path: string;
  applicant_id: string;
  applicant_name: string;
  state: string;
  step_id: string | null;
  route: string;
  acting_org_id: string | null;
  round: number;
  due_at: string | null;
  remind_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface TaskRow {
  id: string;
  instance_id: string;
  step_id: string | null;
  round: number;
  kind: 'org' | 'user' | 'applicant';
  org_id: string | null;
  permission: string | null;
  user_id: string | null;
  origin: string;
  status: string;
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface HistoryRow {
  id: string;
  instance_id: string;
  seq: number;
  operation: string;
  step_id: string | null;
  from_step: string | null;
  to_step: string | null;
  actor_id: string | null;
  actor_name: string;
  at: string;
  comment: string | null;
  file_ids: string;
  target_user_id: string | null;
  target_org_id: string | null;
}

export const ACTIVE_STATES = ['in_progress', 'returned'];

export const insertInstance = (db: Kysely<any>, row: InstanceRow) => db.insertInto('core_workflow_instances').values(row).execute();

export const findInstance = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_workflow_instances').selectAll().where('id', '=', id).executeTakeFirst() as Promise<InstanceRow | undefined>;

/** The record's active instance, else its latest. */
export const findBySubject = (db: Kysely<any>, subjectType: string, subjectId: string) =>
  db
    .selectFrom('core_workflow_instances')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy((eb) => eb.case().when('state', 'in', ACTIVE_STATES).then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst() as Promise<InstanceRow | undefined>;

/**
 * Takes the instance for one operation: raises its version only if it is still `version`.
 * On PostgreSQL the row stays locked until commit, so a concurrent operation waits here and
 * then finds the version moved; SQLite runs one write transaction at a time.
 */
export async function claimInstance(db: Kysely<any>, id: string, version: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('core_workflow_instances')
    .set({ version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const updateInstance = (db: Kysely<any>, id: string, patch: Partial<InstanceRow>) =>
  db.updateTable('core_workflow_instances').set(patch).where('id', '=', id).execute();

/** Clears a pending reminder if it is still the one read; false when another run took it. */
export async function claimReminder(db: Kysely<any>, id: string, remindAt: string): Promise<boolean> {
  const result = await db
    .updateTable('core_workflow_instances')
    .set({ remind_at: null })
    .where('id', '=', id)
    .where('remind_at', '=', remindAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const insertTasks = async (db: Kysely<any>, rows: TaskRow[]) => {
  if (rows.length > 0) await db.insertInto('core_workflow_tasks').values(rows).execute();
};

export const tasksOfRound = (db: Kysely<any>, instanceId: string, round: number) =>
  db
    .selectFrom('core_workflow_tasks')
    .selectAll()
    .where('instance_id', '=', instanceId)
    .where('round', '=', round)
    .orderBy('created_at')
    .orderBy('id')
    .execute() as Promise<TaskRow[]>;

/** Closes an open task; false when it was no longer open. */
export async function closeTask(db: Kysely<any>, id: string, patch: Pick<TaskRow, 'status'> & Partial<TaskRow>): Promise<boolean> {
  const result = await db
    .updateTable('core_workflow_tasks')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const cancelOpenTasks = (db: Kysely<any>, instanceId: string) =>
  db
    .updateTable('core_workflow_tasks')
    .set({ status: 'cancelled' })
    .where('instance_id', '=', instanceId)
    .where('status', '=', 'open')
    .execute();

/** Appends to the instance's history; the caller holds the instance (claimInstance), so seq cannot collide. */
export async function appendHistory(db: Kysely<any>, row: Omit<HistoryRow, 'seq'>): Promise<HistoryRow> {
  const last = await db
    .selectFrom('core_workflow_history')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('instance_id', '=', row.instance_id)
    .executeTakeFirst();
  const full = { ...row, seq: Number(last?.seq ?? 0) + 1 };
  await db.insertInto('core_workflow_history').values(full).execute();
  return full;
}

export const historyOf = (db: Kysely<any>, instanceId: string) =>
  db.selectFrom('core_workflow_history').selectAll().where('instance_id', '=', instanceId).orderBy('seq').execute() as Promise<
    HistoryRow[]
  >;

export const findHistory = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_workflow_history').select(['id', 'instance_id']).where('id', '=', id).executeTakeFirst() as Promise<
    { id: string; instance_id: string } | undefined
  >;

/** True when the user was ever assigned to or acted on the instance. */
export async function isParticipant(db: Kysely<any>, instanceId: string, userId: string): Promise<boolean> {
  const task = await db
    .selectFrom('core_workflow_tasks')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('decided_by', '=', userId)]))
    .limit(1)
    .executeTakeFirst();
  if (task) return true;
  const acted = await db
    .selectFrom('core_workflow_history')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where('actor_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return !!acted;
}

export interface OrgRef {
  id: string;
  name: string;
  path: string;
  type: string;
  parent_id: string | null;
  is_active: number;
}

export const findOrg = (db: Kysely<any>, id: string) =>
  db
    .selectFrom('core_orgs')
    .select(['id', 'name', 'path', 'type', 'parent_id', 'is_active'])
    .where('id', '=', id)
    .executeTakeFirst() as Promise<OrgRef | undefined>;

export async function orgsByIds(db: Kysely<any>, ids: string[]): Promise<Map<string, OrgRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = (await db
    .selectFrom('core_orgs')
    .select(['id', 'name', 'path', 'type', 'parent_id', 'is_active'])
    .where('id', 'in', unique)
    .execute()) as OrgRef[];
  return new Map(rows.map((r) => [r.id, r]));
}

export interface UserRef {
  id: string;
  account: string;
  display_name: string;
  status: string;
}

export async function usersByIds(db: Kysely<any>, ids: string[]): Promise<Map<string, UserRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = (await db
    .selectFrom('core_users')
    .select(['id', 'account', 'display_name', 'status'])
    .where('id', 'in', unique)
    .execute()) as UserRef[];
  return new Map(rows.map((r) => [r.id, r]));
}

export async function fileNames(db: Kysely<any>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = (await db.selectFrom('core_files').select(['id', 'original_name']).where('id', 'in', unique).execute()) as Array<{
    id: string;
    original_name: string;
  }>;
  return new Map(rows.map((r) => [r.id, r.original_name]));
}

/** In-progress instances whose step is overdue, oldest first. */
export const overdueInstances = (db: Kysely<any>, now: string, limit: number) =>
  db
    .selectFrom('core_workflow_instances')
    .selectAll()
    .where('state', '=', 'in_progress')
    .where('due_at', '<=', now)
    .orderBy('due_at')
    .limit(limit)
    .execute() as Promise<InstanceRow[]>;

/** In-progress instances whose reminder time has come. */
export const instancesToRemind = (db: Kysely<any>, now: string, limit: number) =>
  db
    .selectFrom('core_workflow_instances')
    .selectAll()
    .where('state', '=', 'in_progress')
    .where('remind_at', '<=', now)
    .orderBy('remind_at')
    .limit(limit)
    .execute() as Promise<InstanceRow[]>;
