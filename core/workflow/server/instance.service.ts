import { newId, toJson, type Ctx } from '#kernel';
import { WorkflowErrors } from '../contract/errors.ts';
import type { Candidate, CandidateQuery, DefinitionInfo, InstanceDetail, InstanceSummary } from '../contract/workflow.schema.ts';
import type { StartWorkflowInput } from '../contract/workflow.service.ts';
import { listDefinitions, stepOf } from './definition-registry.ts';
import { actionableTask, announce, definitionOf, enterStep, readableInstance, record, requireUser, type Loaded } from './engine.ts';
import { candidatesCovering } from './holder.repo.ts';
import { buildDetail, summaries } from './instance.view.ts';
import { chainOf, nextRouted, resolveRoute } from './routing.ts';
import * as repo from './workflow.repo.ts';

const SUBJECT_TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/**
 * Submits a record for review with the caller as applicant: the route is fixed from the
 * record's org upwards and the first acting step's holders get the task. One active review
 * per record (a unique index backs the check against a concurrent second submission).
 */
export async function startInstance(ctx: Ctx, input: StartWorkflowInput): Promise<InstanceSummary> {
  return ctx.transaction(async (tx) => {
    const applicantId = requireUser(tx);
    const def = definitionOf(tx, input.definitionId);
    if (!SUBJECT_TYPE.test(input.subjectType)) throw new Error(`workflow: subject type must be <module>.<resource>: ${input.subjectType}`);
    const org = await repo.findOrg(tx.db, input.orgId);
    if (!org || !Number(org.is_active)) throw WorkflowErrors.orgNotFound({ id: input.orgId });
    const existing = await repo.findBySubject(tx.db, input.subjectType, input.subjectId);
    if (existing && repo.ACTIVE_STATES.includes(existing.state)) throw WorkflowErrors.alreadyInProgress({ id: existing.id });
    const chain = chainOf(
      org.path,
      [...(await repo.orgsByIds(tx.db, org.path.split('/').filter(Boolean))).values()].map((o) => ({
        id: o.id,
        type: o.type,
        parentId: o.parent_id,
      })),
    );
    const route = resolveRoute(def, chain, input.skipLevels);
    const first = nextRouted(route, -1);
    if (first < 0) throw WorkflowErrors.noRoute({ definition: def.id });
    const at = tx.now().toISOString();
    const applicant = (await repo.usersByIds(tx.db, [applicantId])).get(applicantId);
    const inst: repo.InstanceRow = {
      id: newId(),
      definition_id: def.id,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      title: input.title,
      link: input.link ?? null,
      org_id: org.id,
      org_path: org.path,
      applicant_id: applicantId,
      applicant_name: applicant?.display_name ?? tx.actor.name,
      state: 'in_progress',
      step_id: null,
      route: toJson(route),
      acting_org_id: null,
      round: 0,
      due_at: null,
      remind_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
      finished_at: null,
    };
    try {
      await repo.insertInstance(tx.db, inst);
    } catch (error) {
      // The partial unique index: someone submitted the same record meanwhile.
      if (isUniqueViolation(error)) throw WorkflowErrors.alreadyInProgress({ subjectId: input.subjectId });
      throw error;
    }
    const loaded: Loaded = { inst, def, route };
    await enterStep(tx, loaded, first);
    await record(tx, loaded, {
      operation: 'submit',
      fromStep: null,
      toStep: loaded.inst.step_id,
      comment: input.comment,
      fileIds: input.fileIds,
    });
    await announce(tx, loaded, 'submit', null, loaded.inst.step_id);
    return (await summaries(tx, [loaded.inst]))[0];
  });
}

/** The record's active review, else its latest; for the owning module, which checks who may see it. */
export async function findInstanceBySubject(ctx: Ctx, subjectType: string, subjectId: string): Promise<InstanceSummary | null> {
  const inst = await repo.findBySubject(ctx.db, subjectType, subjectId);
  return inst ? (await summaries(ctx, [inst]))[0] : null;
}

/** An instance with its steps, the current assignees, its history and what the caller may do. */
export async function getInstance(ctx: Ctx, id: string): Promise<InstanceDetail> {
  return buildDetail(ctx, await readableInstance(ctx, id));
}

/**
 * People the caller could add as a signer or hand the task to: active holders of the current
 * step's permission on its org or above. Only for someone who may act on the step now.
 */
export async function listCandidates(ctx: Ctx, id: string, query: CandidateQuery): Promise<Candidate[]> {
  const me = requireUser(ctx);
  const inst = await readableInstance(ctx, id);
  const def = definitionOf(ctx, inst.definition_id);
  const step = stepOf(def, inst.step_id);
  const org = inst.acting_org_id ? await repo.findOrg(ctx.db, inst.acting_org_id) : undefined;
  if (!step || !org || !(await actionableTask(ctx, inst, me))) return [];
  const rows = await candidatesCovering(ctx.db, org.path, step.permission, query.q);
  return rows
    .filter((r) => r.id !== me && r.id !== inst.applicant_id)
    .map((r) => ({ id: r.id, account: r.account, name: r.name, orgName: r.org_name }));
}

export function listDefinitionInfo(ctx: Ctx): DefinitionInfo[] {
  return listDefinitions(ctx).map((d) => ({
    id: d.id,
    label: d.label,
    steps: d.steps.map((s) => ({ id: s.id, label: s.label, level: s.level })),
  }));
}
