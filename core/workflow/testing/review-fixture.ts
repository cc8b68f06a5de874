import { defineModule, type CountersignRule, type WorkflowDefinition, type WorkflowStep, type WorkflowTransition } from '#kernel';

/*
 * A test-only module that declares review processes, as the campaigns module will: never in
 * apps/server/src/modules.ts, only passed to the test harness (`extraModules`) and the
 * screenshot script. Its hook records every transition and fails for subjects named
 * 'explode-…', to prove that the owner's change and the engine's share one transaction.
 */
export const REVIEW = 'review-fixture.application.review';

export const fixtureTransitions: WorkflowTransition[] = [];

const step = (id: string, zh: string, en: string, level: WorkflowStep['level'], extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  id,
  label: { zh, en },
  level,
  permission: REVIEW,
  ...extra,
});

const onTransition = async (_ctx: unknown, change: WorkflowTransition) => {
  if (change.subjectId.startsWith('explode')) throw new Error('owner refused the transition');
  fixtureTransitions.push(change);
};

/** 一师一优课: county → city → province → ministry, the county with a deadline and a reminder. */
export const lessonSteps: WorkflowStep[] = [
  step('county', '县级推荐', 'County recommendation', 'county', { deadlineHours: 72, reminderHoursBefore: 24 }),
  step('city', '市级推荐', 'City recommendation', 'city', { deadlineHours: 72 }),
  step('province', '省级推荐', 'Provincial recommendation', 'province'),
  step('ministry', '部级评审', 'Ministry review', 'ministry'),
];

const RULE_ZH: Record<CountersignRule, string> = { all: '全部同意', majority: '过半数同意', any: '一人同意' };

const panel = (rule: CountersignRule): WorkflowDefinition => ({
  id: `review-fixture.panel-${rule}`,
  label: { zh: `专家会签（${RULE_ZH[rule]}）`, en: `Expert panel (${rule})` },
  steps: [
    step('panel', '县级专家会签', 'County panel', 'county', { countersign: { rule } }),
    step('city', '市级审核', 'City review', 'city'),
  ],
  onTransition,
});

export const fixtureDefinitions: WorkflowDefinition[] = [
  { id: 'review-fixture.lesson', label: { zh: '一师一优课推荐', en: 'One Teacher One Lesson' }, steps: lessonSteps, onTransition },
  {
    id: 'review-fixture.lesson-no-city',
    label: { zh: '优课推荐（不经市级）', en: 'Lesson (no city round)' },
    steps: lessonSteps,
    skipLevels: ['city'],
    onTransition,
  },
  {
    id: 'review-fixture.school-first',
    label: { zh: '校内初审后上报', en: 'School check, then county' },
    steps: [step('school', '校内初审', 'School check', 'applicant_org'), step('county', '县级审核', 'County review', 'county')],
    onTransition,
  },
  {
    id: 'review-fixture.provincial',
    label: { zh: '省级备案审核', en: 'Provincial filing review' },
    steps: [step('province', '省级审核', 'Provincial review', 'province')],
    onTransition,
  },
  panel('all'),
  panel('majority'),
  panel('any'),
];

export const reviewFixtureModule = defineModule({
  id: 'review-fixture',
  tablePrefix: 'rfx',
  permissions: [{ id: REVIEW, label: { zh: '审核申报（测试）', en: 'Review applications (test)' } }],
  roleGrants: [{ role: 'reviewer', permissions: [REVIEW] }],
  workflows: fixtureDefinitions,
});
