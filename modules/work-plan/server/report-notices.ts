import { defineSubscriber } from '#kernel';
import { NotifyService } from '#core/notify/contract/notify.service.ts';
import { ReportReviewed, ReportSubmitted } from '../contract/events.ts';
import { ReportPermissions } from '../contract/permissions.ts';

/** The issuer's reviewers hear of a new report in their inbox (消息中心). */
export const notifyReviewers = defineSubscriber({
  id: 'work-plan.notify_reviewers',
  label: { zh: '通知审阅人有新的进展报告', en: 'Tell reviewers of a new progress report' },
  event: ReportSubmitted,
  async handle(ctx, { payload: p }) {
    await ctx.service(NotifyService).notify(
      ctx,
      { holdersOf: { permission: ReportPermissions.review, orgId: p.planOrgId } },
      {
        kind: 'work-plan.report_submitted',
        orgId: p.orgId,
        link: `/plans/${p.planId}`,
        params: { org: p.orgName, task: p.taskNumber, title: p.taskTitle, date: p.reportDate },
      },
    );
  },
});

/** Whoever submitted a report hears whether it was accepted or returned, with the comment. */
export const notifyReporter = defineSubscriber({
  id: 'work-plan.notify_reporter',
  label: { zh: '通知报送人审阅结果', en: 'Tell the reporter how the report was reviewed' },
  event: ReportReviewed,
  async handle(ctx, { payload: p }) {
    if (!p.submittedBy) return;
    await ctx.service(NotifyService).notify(
      ctx,
      { userIds: [p.submittedBy] },
      {
        kind: `work-plan.report_${p.decision}`,
        orgId: p.orgId,
        link: '/my-tasks',
        params: { task: p.taskNumber, title: p.taskTitle, comment: p.comment ?? '' },
      },
    );
  },
});
