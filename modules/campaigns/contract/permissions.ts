export const CampaignPermissions = {
  /** Organise: create from a preset, edit rules, open and close, experts, selection, 公示, publication. */
  manage: 'campaigns.campaign.manage',
  /** Read campaigns and the applications in one's subtree (recommenders and organisers). */
  read: 'campaigns.campaign.read',
  /** Apply (晒课, a school's or region's application). */
  apply: 'campaigns.application.submit',
  /** Recommend upward at one's level (the workflow steps county → city → province). */
  recommend: 'campaigns.application.recommend',
  /** Score assigned applications. */
  score: 'campaigns.review.score',
} as const;
