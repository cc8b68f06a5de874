import { defineErrors } from '#kernel';

/** Every code the work-plan module throws or reports, with its params; the words are in ../locales. */
export const WorkPlanErrors = defineErrors('work-plan', {
  unparseable: { code: 'work-plan.unparseable', kind: 'invalid', params: ['problems'] },
  planNotFound: { code: 'work-plan.plan_not_found', kind: 'not_found', params: ['id'] },
  unitNotFound: { code: 'work-plan.unit_not_found', kind: 'not_found', params: ['name'] },
  unitOrgOutsideIssuer: { code: 'work-plan.unit_org_outside_issuer', kind: 'invalid', params: ['field'] },
  unitMappingEmpty: { code: 'work-plan.unit_mapping_empty', kind: 'invalid' },
  taskNotFound: { code: 'work-plan.task_not_found', kind: 'not_found', params: ['id'] },
  reportNotFound: { code: 'work-plan.report_not_found', kind: 'not_found', params: ['id'] },
  targetNotFound: { code: 'work-plan.target_not_found', kind: 'not_found', params: ['id'] },
  notResponsible: { code: 'work-plan.not_responsible', kind: 'forbidden', params: ['org', 'task'] },
  figureNotInTask: { code: 'work-plan.figure_not_in_task', kind: 'invalid', params: ['field', 'targetId'] },
  reportAlreadyReviewed: { code: 'work-plan.report_already_reviewed', kind: 'invalid', params: ['status'] },
  returnNeedsComment: { code: 'work-plan.return_needs_comment', kind: 'invalid', params: ['field'] },
  rangeNeedsMax: { code: 'work-plan.range_needs_max', kind: 'invalid', params: ['field'] },
  unknownIndicator: { code: 'work-plan.unknown_indicator', kind: 'invalid', params: ['field', 'id'] },
  maxBelowCount: { code: 'work-plan.max_below_count', kind: 'invalid', params: ['field'] },
  targetHasFigures: { code: 'work-plan.target_has_figures', kind: 'conflict', params: ['id'] },
});

/**
 * What the parser reports about a 工作要点 text, by line (returned in `unparseable`'s problems
 * and the import's warnings, never thrown alone); the console and the CLI word them from ../locales.
 */
export const ParseProblems = defineErrors('work-plan', {
  noTitle: { code: 'work-plan.no_title', kind: 'invalid' },
  noTasks: { code: 'work-plan.no_tasks', kind: 'invalid' },
  goalNumbering: { code: 'work-plan.goal_numbering', kind: 'invalid', params: ['expected', 'actual'] },
  areaNumbering: { code: 'work-plan.area_numbering', kind: 'invalid', params: ['expected', 'actual'] },
  emptyArea: { code: 'work-plan.empty_area', kind: 'invalid', params: ['area'] },
  taskOutsideArea: { code: 'work-plan.task_outside_area', kind: 'invalid', params: ['task'] },
  taskNumbering: { code: 'work-plan.task_numbering', kind: 'invalid', params: ['expected', 'actual'] },
  emptyTask: { code: 'work-plan.empty_task', kind: 'invalid', params: ['number'] },
  textOutsideTask: { code: 'work-plan.text_outside_task', kind: 'invalid' },
  ignoredLine: { code: 'work-plan.ignored_line', kind: 'invalid', params: ['text'] },
});
