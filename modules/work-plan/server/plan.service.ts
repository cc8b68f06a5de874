import { fromJson, newId, toJson, type Ctx } from '#kernel';
import type { ParsedPlan } from '../contract/parsed-plan.ts';
import type { ImportPlanBody, PlanDetail, PlanSummary, UnitMappingBody, UnitView } from '../contract/plan.schema.ts';
import { WorkPlanPermissions } from '../contract/permissions.ts';
import { parsePlan } from './plan-parser.ts';
import { collectiveTypes } from './unit-rules.ts';
import * as repo from './plan.repo.ts';
import { OrgErrors } from '#core/orgs/contract/errors.ts';
import { WorkPlanErrors } from '../contract/errors.ts';

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) (out.get(key(row)) ?? out.set(key(row), []).get(key(row))!).push(row);
  return out;
}

async function issuerOrg(ctx: Ctx, orgId: string, permission: string) {
  const org = await repo.findOrg(ctx.db, orgId);
  if (!org || !ctx.access.can(permission, org.path)) throw OrgErrors.orgNotFound({ id: orgId });
  return org;
}

/** A default mapping for a unit name: a collective rule, or the one org of that name under the issuer. */
async function defaultMapping(ctx: Ctx, scope: { id: string; path: string }, name: string) {
  const types = collectiveTypes(name);
  if (types) return { kind: 'org_types', org_id: null, org_types: toJson(types) };
  const named = await repo.findOrgsNamed(ctx.db, scope.path, name);
  const shallowest = named.filter((o) => o.depth === named[0]?.depth);
  if (shallowest.length === 1) return { kind: 'org', org_id: shallowest[0].id, org_types: null };
  return { kind: 'unmapped', org_id: null, org_types: null };
}

async function storePlan(
  ctx: Ctx,
  org: { id: string; path: string },
  parsed: ParsedPlan,
  sourceText: string,
): Promise<{ planId: string; unmapped: string[] }> {
  const at = ctx.now().toISOString();
  const planId = newId();
  await repo.insertRows(ctx.db, 'wp_plans', [
    {
      id: planId,
      org_id: org.id,
      org_path: org.path,
      title: parsed.title,
      year: parsed.year,
      issuer: parsed.issuer,
      approach: parsed.approach,
      source_text: sourceText,
      created_by: ctx.actor.id,
      created_at: at,
      updated_at: at,
    },
  ]);
  await repo.insertRows(
    ctx.db,
    'wp_goals',
    parsed.goals.map((g) => ({ id: newId(), plan_id: planId, ordinal: g.ordinal, title: g.title, text: g.text })),
  );
  const areas: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const paragraphs: Record<string, unknown>[] = [];
  const units: Record<string, unknown>[] = [];
  const targets: Record<string, unknown>[] = [];
  const names = new Set<string>();
  for (const a of parsed.areas) {
    const areaId = newId();
    areas.push({ id: areaId, plan_id: planId, ordinal: a.ordinal, title: a.title });
    for (const t of a.tasks) {
      const taskId = newId();
      tasks.push({
        id: taskId,
        plan_id: planId,
        area_id: areaId,
        number: t.number,
        title: t.title,
        due_date: null,
        created_at: at,
        updated_at: at,
      });
      let targetOrdinal = 0;
      t.paragraphs.forEach((p, pi) => {
        const paragraphId = newId();
        paragraphs.push({ id: paragraphId, task_id: taskId, ordinal: pi + 1, text: p.text });
        p.units.forEach((name, ui) => {
          units.push({ paragraph_id: paragraphId, ordinal: ui + 1, name });
          names.add(name);
        });
        for (const g of p.targets) {
          targets.push({
            id: newId(),
            task_id: taskId,
            paragraph_id: paragraphId,
            ordinal: ++targetOrdinal,
            count: g.count,
            max: g.max ?? null,
            unit: g.unit,
            object: g.object,
            bound: g.bound,
            source: g.source,
            indicator_id: null,
            due_date: null,
            created_at: at,
            updated_at: at,
          });
        }
      });
    }
  }
  await repo.insertRows(ctx.db, 'wp_areas', areas);
  await repo.insertRows(ctx.db, 'wp_tasks', tasks);
  await repo.insertRows(ctx.db, 'wp_paragraphs', paragraphs);
  await repo.insertRows(ctx.db, 'wp_paragraph_units', units);
  await repo.insertRows(ctx.db, 'wp_targets', targets);

  // Names mapped once (for this issuer) are remembered; new ones get a default mapping.
  const unmapped: string[] = [];
  for (const name of names) {
    const existing = await repo.findMapping(ctx.db, org.id, name);
    const kind =
      existing?.kind ??
      (await (async () => {
        const m = await defaultMapping(ctx, org, name);
        await repo.insertRows(ctx.db, 'wp_unit_mappings', [
          { id: newId(), scope_org_id: org.id, name, ...m, updated_by: ctx.actor.id, updated_at: at },
        ]);
        return m.kind;
      })());
    if (kind === 'unmapped') unmapped.push(name);
  }
  return { planId, unmapped };
}

/**
 * Parses a 工作要点 text and stores it as a plan of the issuing org, with its goals, areas,
 * tasks, paragraphs, units and targets, in one transaction. A text that cannot be structured
 * is refused with the parser's problems (line and reason); nothing is stored.
 */
export async function importPlan(ctx: Ctx, body: ImportPlanBody) {
  const result = parsePlan(body.text);
  if (!result.ok) throw WorkPlanErrors.unparseable({ problems: result.problems.slice(0, 50) });
  return ctx.transaction(async (tx) => {
    const org = await issuerOrg(tx, body.orgId, WorkPlanPermissions.import);
    const { planId, unmapped } = await storePlan(tx, org, result.plan, body.text);
    const tasks = result.plan.areas.reduce((n, a) => n + a.tasks.length, 0);
    tx.audit({
      action: 'work-plan.plan.imported',
      objectType: 'work-plan.plan',
      objectId: planId,
      orgId: org.id,
      changes: { title: result.plan.title, year: result.plan.year, areas: result.plan.areas.length, tasks, unmapped },
    });
    const summary = (await listPlans(tx)).find((p) => p.id === planId)!;
    return { plan: summary, unmappedUnits: unmapped, warnings: result.warnings };
  });
}

export async function listPlans(ctx: Ctx): Promise<PlanSummary[]> {
  const rows = await repo.listPlans(ctx.db, ctx.access.scopes(WorkPlanPermissions.read));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    year: r.year === null ? null : Number(r.year),
    issuer: r.issuer,
    orgId: r.org_id,
    orgName: r.org_name,
    taskCount: Number(r.task_count),
    targetCount: Number(r.target_count),
    createdAt: r.created_at,
  }));
}

/** The whole plan: goals, areas, tasks with paragraphs, their units (with mappings) and targets. */
export async function getPlan(ctx: Ctx, id: string): Promise<PlanDetail> {
  const plan = await repo.findPlan(ctx.db, id);
  if (!plan || !ctx.access.can(WorkPlanPermissions.read, plan.org_path)) throw WorkPlanErrors.planNotFound({ id });
  const tree = await repo.loadPlanTree(ctx.db, id);
  const mappings = new Map((await repo.mappingsOf(ctx.db, plan.org_id)).map((m) => [m.name, m]));
  const unitView = (name: string): UnitView => {
    const m = mappings.get(name);
    return {
      name,
      kind: (m?.kind ?? 'unmapped') as UnitView['kind'],
      orgId: m?.org_id ?? null,
      orgName: m?.org_name ?? null,
      orgTypes: fromJson<string[]>(m?.org_types, []),
    };
  };
  const unitsByParagraph = groupBy(tree.units, (u) => u.paragraph_id as string);
  const paragraphsByTask = groupBy(tree.paragraphs, (p) => p.task_id as string);
  const targetsByTask = groupBy(tree.targets, (g) => g.task_id as string);
  const tasksByArea = groupBy(tree.tasks, (t) => t.area_id as string);
  return {
    id: plan.id,
    title: plan.title,
    year: plan.year === null ? null : Number(plan.year),
    issuer: plan.issuer,
    orgId: plan.org_id,
    approach: plan.approach,
    goals: tree.goals.map((g) => ({ ordinal: Number(g.ordinal), title: g.title, text: g.text })),
    areas: tree.areas.map((a) => ({
      id: a.id,
      ordinal: Number(a.ordinal),
      title: a.title,
      tasks: (tasksByArea.get(a.id) ?? []).map((t) => ({
        id: t.id,
        number: Number(t.number),
        title: t.title,
        dueDate: t.due_date,
        paragraphs: (paragraphsByTask.get(t.id) ?? []).map((p) => ({
          id: p.id,
          text: p.text,
          units: (unitsByParagraph.get(p.id) ?? []).map((u) => unitView(u.name)),
        })),
        targets: (targetsByTask.get(t.id) ?? []).map((g) => ({
          id: g.id,
          count: Number(g.count),
          max: g.max === null ? null : Number(g.max),
          unit: g.unit,
          object: g.object,
          bound: g.bound,
          source: g.source,
          indicatorId: g.indicator_id,
          dueDate: g.due_date,
        })),
      })),
    })),
  };
}

/** Maps a unit name, for every plan of that issuer, to one org or to org types; audited. */
export async function mapUnit(ctx: Ctx, body: UnitMappingBody): Promise<UnitView> {
  return ctx.transaction(async (tx) => {
    const scope = await issuerOrg(tx, body.scopeOrgId, WorkPlanPermissions.mapUnits);
    const existing = await repo.findMapping(tx.db, scope.id, body.name);
    if (!existing) throw WorkPlanErrors.unitNotFound({ name: body.name });
    let patch: Partial<repo.MappingRow>;
    let orgName: string | null = null;
    if (body.orgId) {
      const org = await repo.findOrg(tx.db, body.orgId);
      if (!org?.path.startsWith(scope.path)) throw WorkPlanErrors.unitOrgOutsideIssuer({ field: 'orgId' });
      patch = { kind: 'org', org_id: org.id, org_types: null };
      orgName = org.name;
    } else if (body.orgTypes?.length) {
      patch = { kind: 'org_types', org_id: null, org_types: toJson(body.orgTypes) };
    } else throw WorkPlanErrors.unitMappingEmpty();
    await repo.updateMapping(tx.db, existing.id, { ...patch, updated_by: tx.actor.id, updated_at: tx.now().toISOString() });
    tx.audit({
      action: 'work-plan.unit.mapped',
      objectType: 'work-plan.unit',
      objectId: existing.id,
      orgId: scope.id,
      changes: {
        name: body.name,
        kind: [existing.kind, patch.kind],
        orgId: [existing.org_id, patch.org_id ?? null],
        orgTypes: [existing.org_types, patch.org_types ?? null],
      },
    });
    return {
      name: body.name,
      kind: patch.kind as UnitView['kind'],
      orgId: patch.org_id ?? null,
      orgName,
      orgTypes: fromJson<string[]>(patch.org_types, []),
    };
  });
}

/** Loads the bundled 2020 plan for the root org on a database with no plan yet. */
export async function seedPlan(ctx: Ctx, text: string): Promise<void> {
  if ((await repo.countPlans(ctx.db)) > 0) return;
  const rootId = await repo.findRootOrgId(ctx.db);
  if (!rootId) return;
  await importPlan(ctx, { orgId: rootId, text });
}
