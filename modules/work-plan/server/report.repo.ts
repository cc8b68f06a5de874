import type { Kysely } from 'kysely';

export interface ReportRow {
  id: string;
  task_id: string;
  org_id: string;
  org_path: string;
  report_date: string;
  text: string;
  is_complete: number;
  status: string;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_by: string | null;
  created_at: string;
}

export const findTask = (db: Kysely<any>, id: string) =>
  db
    .selectFrom('wp_tasks as t')
    .innerJoin('wp_plans as p', 'p.id', 't.plan_id')
    .select([
      't.id',
      't.plan_id',
      't.number',
      't.title',
      't.due_date',
      'p.org_id as plan_org_id',
      'p.org_path as plan_org_path',
      'p.title as plan_title',
      'p.year as plan_year',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst() as Promise<
    | {
        id: string;
        plan_id: string;
        number: number;
        title: string;
        due_date: string | null;
        plan_org_id: string;
        plan_org_path: string;
        plan_title: string;
        plan_year: number | null;
      }
    | undefined
  >;

/** The unit mappings of a task's paragraphs (for deciding who must report on it). */
export const taskUnitMappings = (db: Kysely<any>, taskId: string, scopeOrgId: string) =>
  db
    .selectFrom('wp_paragraph_units as u')
    .innerJoin('wp_paragraphs as p', 'p.id', 'u.paragraph_id')
    .innerJoin('wp_unit_mappings as m', (j) => j.onRef('m.name', '=', 'u.name').on('m.scope_org_id', '=', scopeOrgId))
    .select(['m.kind', 'm.org_id', 'm.org_types'])
    .where('p.task_id', '=', taskId)
    .execute() as Promise<Array<{ kind: string; org_id: string | null; org_types: string | null }>>;

export const findOrg = (db: Kysely<any>, id: string) =>
  db.selectFrom('core_orgs').select(['id', 'path', 'type', 'name']).where('id', '=', id).executeTakeFirst() as Promise<
    { id: string; path: string; type: string; name: string } | undefined
  >;

export const taskTargets = (db: Kysely<any>, taskId: string) =>
  db.selectFrom('wp_targets').selectAll().where('task_id', '=', taskId).orderBy('ordinal').execute() as Promise<Array<Record<string, any>>>;

export const reportsOfTask = (db: Kysely<any>, taskId: string) =>
  db
    .selectFrom('wp_reports as r')
    .innerJoin('core_orgs as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select('o.name as org_name')
    .where('r.task_id', '=', taskId)
    .orderBy('r.report_date', 'desc')
    .orderBy('r.created_at', 'desc')
    .execute() as Promise<Array<ReportRow & { org_name: string }>>;

/** `value` null: the unit did not report this figure (not 0). */
export interface FigureRow {
  report_id: string;
  target_id: string;
  value: number | string | null;
}

export const figuresOf = (db: Kysely<any>, reportIds: string[]) =>
  reportIds.length === 0
    ? Promise.resolve([])
    : (db.selectFrom('wp_report_figures').selectAll().where('report_id', 'in', reportIds).execute() as Promise<FigureRow[]>);

export interface ReportFileRow {
  report_id: string;
  file_id: string;
  name: string;
  size: number;
}

/** Evidence files with their names; core_files is the platform's shared store, read here like core_orgs. */
export const filesOf = (db: Kysely<any>, reportIds: string[]) =>
  reportIds.length === 0
    ? Promise.resolve([])
    : (db
        .selectFrom('wp_report_files as rf')
        .innerJoin('core_files as f', 'f.id', 'rf.file_id')
        .select(['rf.report_id', 'rf.file_id', 'f.original_name as name', 'f.size'])
        .where('rf.report_id', 'in', reportIds)
        .orderBy('f.original_name')
        .execute() as Promise<ReportFileRow[]>);

export const findReport = (db: Kysely<any>, id: string) =>
  db.selectFrom('wp_reports').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ReportRow | undefined>;

export const updateReport = (db: Kysely<any>, id: string, patch: Partial<ReportRow>) =>
  db.updateTable('wp_reports').set(patch).where('id', '=', id).execute();

export const updateTask = (db: Kysely<any>, id: string, patch: Record<string, unknown>) =>
  db.updateTable('wp_tasks').set(patch).where('id', '=', id).execute();

export const findTarget = (db: Kysely<any>, id: string) =>
  db.selectFrom('wp_targets').selectAll().where('id', '=', id).executeTakeFirst() as Promise<Record<string, any> | undefined>;

export const updateTarget = (db: Kysely<any>, id: string, patch: Record<string, unknown>) =>
  db.updateTable('wp_targets').set(patch).where('id', '=', id).execute();

/** Tasks of plans issued above `orgPath` whose units map to that org or to its type. */
export async function tasksForOrg(db: Kysely<any>, org: { id: string; path: string; type: string }) {
  const rows = (await db
    .selectFrom('wp_paragraph_units as u')
    .innerJoin('wp_paragraphs as p', 'p.id', 'u.paragraph_id')
    .innerJoin('wp_tasks as t', 't.id', 'p.task_id')
    .innerJoin('wp_plans as pl', 'pl.id', 't.plan_id')
    .innerJoin('wp_unit_mappings as m', (j) => j.onRef('m.name', '=', 'u.name').onRef('m.scope_org_id', '=', 'pl.org_id'))
    .select(['t.id as task_id', 'pl.org_path as plan_org_path', 'm.kind', 'm.org_id', 'm.org_types'])
    .where((eb) => eb.or([eb('m.org_id', '=', org.id), eb('m.kind', '=', 'org_types')]))
    .execute()) as Array<{ task_id: string; plan_org_path: string; kind: string; org_id: string | null; org_types: string | null }>;
  return rows;
}

export const targetHasFigures = async (db: Kysely<any>, targetId: string): Promise<boolean> =>
  !!(await db.selectFrom('wp_report_figures').select('target_id').where('target_id', '=', targetId).limit(1).executeTakeFirst());

export const deleteTarget = (db: Kysely<any>, id: string) => db.deleteFrom('wp_targets').where('id', '=', id).execute();
