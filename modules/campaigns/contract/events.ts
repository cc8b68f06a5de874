import { Type } from 'typebox';
import { defineEvent } from '#kernel';

/** The final list of a selection was published; each winner holds a certificate. */
export const CampaignPublished = defineEvent(
  'campaigns.campaign.published',
  Type.Object({
    campaignId: Type.String(),
    title: Type.String(),
    year: Type.Integer(),
    /** The organising org. */
    orgId: Type.String(),
    winners: Type.Integer({ minimum: 0 }),
  }),
);

export const CampaignEvents = [CampaignPublished];
