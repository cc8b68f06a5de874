import { defineSubscriber } from '#kernel';
import { NotifyService } from '#core/notify/contract/notify.service.ts';
import { CampaignPublished } from '../contract/events.ts';
import * as repo from './campaign.repo.ts';

/** Each winner hears in their inbox that their entry was awarded, with a link to the published list. */
export const notifyWinners = defineSubscriber({
  id: 'campaigns.notify_winners',
  label: { zh: '通知获奖者评选结果', en: 'Tell the winners of a published selection' },
  event: CampaignPublished,
  async handle(ctx, { payload: p }) {
    const notify = ctx.service(NotifyService);
    const { rows } = await repo.listApplications(ctx.db, { campaignId: p.campaignId, status: 'awarded' });
    for (const r of rows) {
      await notify.notify(
        ctx,
        { userIds: [r.applicant_id] },
        {
          kind: 'campaigns.application_awarded',
          orgId: p.orgId,
          link: `/public/campaigns/${p.campaignId}`,
          params: { campaign: p.title, title: r.title, certificate: r.certificate_number ?? '' },
        },
      );
    }
  },
});
