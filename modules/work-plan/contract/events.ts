import { Type } from 'typebox';
import { defineEvent } from '#kernel';

const ReportFacts = {
  reportId: Type.String(),
  taskId: Type.String(),
  taskNumber: Type.Integer(),
  taskTitle: Type.String(),
  planId: Type.String(),
  /** The issuer: its reviewers judge the report. */
  planOrgId: Type.String(),
  /** The reporting unit. */
  orgId: Type.String(),
  orgName: Type.String(),
  /** Who submitted it (null from the command line). */
  submittedBy: Type.Union([Type.String(), Type.Null()]),
};

/** A responsible unit reported progress on a task. */
export const ReportSubmitted = defineEvent('work-plan.report.submitted', Type.Object({ ...ReportFacts, reportDate: Type.String() }));

/** The issuer accepted or returned a report. */
export const ReportReviewed = defineEvent(
  'work-plan.report.reviewed',
  Type.Object({
    ...ReportFacts,
    decision: Type.Union([Type.Literal('accepted'), Type.Literal('returned')]),
    comment: Type.Union([Type.String(), Type.Null()]),
  }),
);

export const WorkPlanEvents = [ReportSubmitted, ReportReviewed];
