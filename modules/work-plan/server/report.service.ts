import { beijingDate, fromJson, newId, pathIds, type Ctx } from '#kernel';
import type { ReportView, ReviewReportBody, SubmitReportBody, TaskProgress } from '../contract/report.schema.ts';
import { ReportPermissions, WorkPlanPermissions } from '../contract/permissions.ts';
import { deriveTaskStatus, isTargetMet, targetShare } from './task-status.ts';
import * as repo from './report.repo.ts';
import { insertRows } from './plan.repo.ts';
import { boundValue } from './indicator-binding.ts';
import { attachEvidence } from './report-files.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';
import { WorkPlanErrors } from '../contract/errors.ts';
import { ReportReviewed, ReportSubmitted } from '../contract/events.ts';

type Mapping = { kind: string; org_id: string | null; org_types: string | null };

/** Whether an org is one of a task's responsible units: named directly, or of a named type under the issuer. */
export function isResponsible(org: { id: string; path: string; type: string }, mappings: Mapping[], planOrgPath: string): boolean {
  return mappings.some(
    (m) =>
      (m.kind === 'org' && m.org_id === org.id) ||
      (m.kind === 'org_types' && fromJson<string[]>(m.org_types, []).includes(org.type) && org.path.startsWith(planOrgPath)),
  );
}

async function taskOrThrow(ctx: Ctx, taskId: string) {
  const task = await repo.findTask(ctx.db, taskId);
  if (!task) throw WorkPlanErrors.taskNotFound({ id: taskId });
  return task;
}

/**
 * The issuer's readers see every report of a task; a responsible unit sees its own (the
 * subtrees it reports for). Null for anyone else, who is told the task does not exist.
 */
async function reportScopes(ctx: Ctx, task: { id: string; plan_org_id: string; plan_org_path: string }): Promise<string[] | 'all' | null> {
  if (ctx.access.can(WorkPlanPermissions.read, task.plan_org_path)) return 'all';
  const mappings = await repo.taskUnitMappings(ctx.db, task.id, task.plan_org_id);
  const own: string[] = [];
  for (const path of ctx.access.scopes(ReportPermissions.submit)) {
    const org = await repo.findOrg(ctx.db, pathIds(path).at(-1)!);
    if (org && isResponsible(org, mappings, task.plan_org_path)) own.push(path);
  }
  return own.length > 0 ? own : null;
}

/** Whether the caller may read a report (and so its evidence files): the issuer's readers, or the reporting unit's subtree. */
export async function canReadReport(ctx: Ctx, reportId: string): Promise<boolean> {
  const report = await repo.findReport(ctx.db, reportId);
  const task = report && (await repo.findTask(ctx.db, report.task_id));
  if (!report || !task) return false;
  const scopes = await reportScopes(ctx, task);
  return scopes === 'all' || (scopes?.some((s) => report.org_path.startsWith(s)) ?? false);
}

const figureValue = (value: number | string | null): number | null => (value === null ? null : Number(value));

function toReport(r: repo.ReportRow & { org_name: string }, figures: repo.FigureRow[], files: repo.ReportFileRow[]): ReportView {
  return {
    id: r.id,
    taskId: r.task_id,
    orgId: r.org_id,
    orgName: r.org_name,
    reportDate: r.report_date,
    text: r.text,
    isComplete: !!Number(r.is_complete),
    status: r.status as ReportView['status'],
    reviewComment: r.review_comment,
    createdAt: r.created_at,
    figures: figures.filter((f) => f.report_id === r.id).map((f) => ({ targetId: f.target_id, value: figureValue(f.value) })),
    files: files.filter((f) => f.report_id === r.id).map((f) => ({ id: f.file_id, name: f.name, size: Number(f.size) })),
  };
}

/** A responsible unit reports progress on a task: text, figures for its targets, evidence files. */
export async function submitReport(ctx: Ctx, taskId: string, body: SubmitReportBody): Promise<ReportView> {
  return ctx.transaction(async (tx) => {
    const task = await taskOrThrow(tx, taskId);
    const org = await repo.findOrg(tx.db, body.orgId);
    if (!org || !tx.access.can(ReportPermissions.submit, org.path)) throw OrgErrors.orgNotFound({ id: body.orgId });
    const mappings = await repo.taskUnitMappings(tx.db, task.id, task.plan_org_id);
    if (!isResponsible(org, mappings, task.plan_org_path)) throw WorkPlanErrors.notResponsible({ org: org.name, task: task.number });
    const targetIds = new Set((await repo.taskTargets(tx.db, task.id)).map((g) => g.id as string));
    const stray = (body.figures ?? []).find((f) => !targetIds.has(f.targetId));
    if (stray) throw WorkPlanErrors.figureNotInTask({ field: 'figures', targetId: stray.targetId });
    const at = tx.now().toISOString();
    const id = newId();
    await insertRows(tx.db, 'wp_reports', [
      {
        id,
        task_id: task.id,
        org_id: org.id,
        org_path: org.path,
        report_date: body.reportDate,
        text: body.text,
        is_complete: body.isComplete ? 1 : 0,
        status: 'submitted',
        review_comment: null,
        reviewed_by: null,
        reviewed_at: null,
        created_by: tx.actor.id,
        created_at: at,
      },
    ]);
    await insertRows(
      tx.db,
      'wp_report_figures',
      (body.figures ?? []).map((f) => ({ report_id: id, target_id: f.targetId, value: f.value })),
    );
    const fileIds = [...new Set(body.fileIds ?? [])];
    await insertRows(
      tx.db,
      'wp_report_files',
      fileIds.map((fileId) => ({ report_id: id, file_id: fileId })),
    );
    await attachEvidence(tx, id, fileIds);
    tx.publish(ReportSubmitted, {
      reportId: id,
      taskId: task.id,
      taskNumber: Number(task.number),
      taskTitle: task.title,
      planId: task.plan_id,
      planOrgId: task.plan_org_id,
      orgId: org.id,
      orgName: org.name,
      submittedBy: tx.actor.id,
      reportDate: body.reportDate,
    });
    tx.audit({
      action: 'work-plan.report.submitted',
      objectType: 'work-plan.report',
      objectId: id,
      orgId: org.id,
      changes: {
        task: task.number,
        plan: task.plan_title,
        reportDate: body.reportDate,
        figures: body.figures ?? [],
        isComplete: !!body.isComplete,
        files: fileIds,
      },
    });
    const rows = (await repo.reportsOfTask(tx.db, task.id)).filter((r) => r.id === id);
    return toReport(rows[0], await repo.figuresOf(tx.db, [id]), await repo.filesOf(tx.db, [id]));
  });
}

export async function listReports(ctx: Ctx, taskId: string): Promise<ReportView[]> {
  const task = await taskOrThrow(ctx, taskId);
  const scopes = await reportScopes(ctx, task);
  if (!scopes) throw WorkPlanErrors.taskNotFound({ id: taskId });
  const rows = (await repo.reportsOfTask(ctx.db, task.id)).filter((r) => scopes === 'all' || scopes.some((s) => r.org_path.startsWith(s)));
  const ids = rows.map((r) => r.id);
  const [figures, files] = await Promise.all([repo.figuresOf(ctx.db, ids), repo.filesOf(ctx.db, ids)]);
  return rows.map((r) => toReport(r, figures, files));
}

/** The issuer's reviewer accepts a report or returns it with a comment. */
export async function reviewReport(ctx: Ctx, reportId: string, body: ReviewReportBody): Promise<ReportView> {
  return ctx.transaction(async (tx) => {
    const report = await repo.findReport(tx.db, reportId);
    const task = report && (await repo.findTask(tx.db, report.task_id));
    if (!report || !task || !tx.access.can(WorkPlanPermissions.read, task.plan_org_path))
      throw WorkPlanErrors.reportNotFound({ id: reportId });
    tx.access.require(ReportPermissions.review, task.plan_org_path);
    if (report.status !== 'submitted') throw WorkPlanErrors.reportAlreadyReviewed({ status: report.status });
    if (body.decision === 'return' && !body.comment?.trim()) throw WorkPlanErrors.returnNeedsComment({ field: 'comment' });
    const status = body.decision === 'accept' ? 'accepted' : 'returned';
    await repo.updateReport(tx.db, report.id, {
      status,
      review_comment: body.comment?.trim() || null,
      reviewed_by: tx.actor.id,
      reviewed_at: tx.now().toISOString(),
    });
    const rows = (await repo.reportsOfTask(tx.db, task.id)).filter((r) => r.id === report.id);
    tx.publish(ReportReviewed, {
      reportId: report.id,
      taskId: task.id,
      taskNumber: Number(task.number),
      taskTitle: task.title,
      planId: task.plan_id,
      planOrgId: task.plan_org_id,
      orgId: report.org_id,
      orgName: rows[0].org_name,
      submittedBy: report.created_by,
      decision: status,
      comment: body.comment?.trim() || null,
    });
    tx.audit({
      action: `work-plan.report.${status}`,
      objectType: 'work-plan.report',
      objectId: report.id,
      orgId: report.org_id,
      changes: { status: [report.status, status], comment: body.comment ?? null },
    });
    return toReport(rows[0], await repo.figuresOf(tx.db, [report.id]), await repo.filesOf(tx.db, [report.id]));
  });
}

/**
 * A task's targets with their current figures and its derived status. A target's figure is
 * the sum, over reporting units, of each unit's latest figure that was not returned; a report
 * that left a figure out (null) keeps the unit's earlier one, and with none at all the
 * target's figure is null (未报送), not 0. Each figure is at most FIGURE_MAX (the schema and
 * the migration that made figures nullable), so the sum stays finite for any number of units.
 */
export async function taskProgress(ctx: Ctx, taskId: string): Promise<TaskProgress> {
  const task = await taskOrThrow(ctx, taskId);
  if (!(await reportScopes(ctx, task))) throw WorkPlanErrors.taskNotFound({ id: taskId });
  const [targets, reports] = await Promise.all([repo.taskTargets(ctx.db, task.id), repo.reportsOfTask(ctx.db, task.id)]);
  const live = reports.filter((r) => r.status !== 'returned');
  const figures = await repo.figuresOf(
    ctx.db,
    live.map((r) => r.id),
  );
  const latest = new Map<string, { date: string; value: number }>(); // key: target|org
  for (const r of live) {
    for (const f of figures.filter((x) => x.report_id === r.id && x.value !== null)) {
      const key = `${f.target_id}|${r.org_id}`;
      const seen = latest.get(key);
      if (!seen || r.report_date > seen.date) latest.set(key, { date: r.report_date, value: Number(f.value) });
    }
  }
  const views = await Promise.all(
    targets.map(async (g) => {
      const values = [...latest.entries()].filter(([k]) => k.startsWith(`${g.id}|`)).map(([, v]) => v.value);
      const reported = values.length ? values.reduce((a, b) => a + b, 0) : null;
      // A target bound to an indicator follows the live figure instead of the reports.
      const value = g.indicator_id
        ? await boundValue(ctx, g.indicator_id, task.plan_org_path, task.plan_year === null ? null : Number(task.plan_year))
        : reported;
      const progress = { count: Number(g.count), max: g.max === null ? null : Number(g.max), bound: g.bound, value };
      return {
        id: g.id as string,
        count: progress.count,
        max: progress.max,
        unit: g.unit as string,
        object: g.object as string,
        bound: g.bound as string,
        value,
        isMet: isTargetMet(progress),
        share: targetShare(progress),
        indicatorId: (g.indicator_id as string | null) ?? null,
      };
    }),
  );
  const today = beijingDate(ctx.now());
  const status = deriveTaskStatus({
    targets: views.map((v) => ({ count: v.count, max: v.max, bound: v.bound as never, value: v.value })),
    dueDate: task.due_date,
    reportCount: live.length,
    reportedComplete: live.some((r) => !!Number(r.is_complete) && r.status === 'accepted'),
    today,
  });
  return {
    taskId: task.id,
    number: Number(task.number),
    title: task.title,
    planId: task.plan_id,
    planTitle: task.plan_title,
    dueDate: task.due_date,
    status,
    reportCount: live.length,
    canReview: ctx.access.can(ReportPermissions.review, task.plan_org_path),
    targets: views,
  };
}

/** Tasks the caller's units must report on, across plans, with their progress. */
export async function myTasks(ctx: Ctx): Promise<TaskProgress[]> {
  const orgIds = ctx.access.scopes(ReportPermissions.submit).map((p) => pathIds(p).at(-1)!);
  const taskIds = new Set<string>();
  for (const orgId of orgIds) {
    const org = await repo.findOrg(ctx.db, orgId);
    if (!org) continue;
    for (const row of await repo.tasksForOrg(ctx.db, org)) if (isResponsible(org, [row], row.plan_org_path)) taskIds.add(row.task_id);
  }
  const out: TaskProgress[] = [];
  for (const id of taskIds) out.push(await taskProgress(ctx, id));
  return out.sort((a, b) => a.planTitle.localeCompare(b.planTitle) || a.number - b.number);
}
