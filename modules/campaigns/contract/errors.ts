import { defineErrors } from '#kernel';

/** Every code the campaigns module throws, with its params; the words are in ../locales. */
export const CampaignErrors = defineErrors('campaigns', {
  campaignNotFound: { code: 'campaigns.campaign_not_found', kind: 'not_found', params: ['id'] },
  applicationNotFound: { code: 'campaigns.application_not_found', kind: 'not_found', params: ['id'] },
  reviewNotFound: { code: 'campaigns.review_not_found', kind: 'not_found', params: ['id'] },
  objectionNotFound: { code: 'campaigns.objection_not_found', kind: 'not_found', params: ['id'] },
  expertNotFound: { code: 'campaigns.expert_not_found', kind: 'not_found', params: ['id'] },
  certificateNotFound: { code: 'campaigns.certificate_not_found', kind: 'not_found', params: ['number'] },
  organiserNotAuthority: { code: 'campaigns.organiser_not_authority', kind: 'invalid', params: ['field', 'org'] },
  rulesInvalid: { code: 'campaigns.rules_invalid', kind: 'invalid', params: ['field', 'problems'] },
  rulesLocked: { code: 'campaigns.rules_locked', kind: 'conflict', params: ['status'] },
  wrongStatus: { code: 'campaigns.wrong_status', kind: 'conflict', params: ['status'] },
  campaignChanged: { code: 'campaigns.campaign_changed', kind: 'conflict', params: ['id'] },
  notOpen: { code: 'campaigns.not_open', kind: 'invalid', params: ['status'] },
  applicationsClosed: { code: 'campaigns.applications_closed', kind: 'invalid', params: ['date'] },
  unknownCategory: { code: 'campaigns.unknown_category', kind: 'invalid', params: ['field', 'code'] },
  orgNotEligible: { code: 'campaigns.org_not_eligible', kind: 'invalid', params: ['field', 'org', 'category'] },
  formInvalid: { code: 'campaigns.form_invalid', kind: 'invalid', params: ['field', 'problems'] },
  levelQuotaFull: { code: 'campaigns.level_quota_full', kind: 'conflict', params: ['level', 'org', 'allowed', 'received'] },
  // Assigning a user who is not an expert is a bad request; scoring without being one is refused.
  notAnExpert: { code: 'campaigns.not_an_expert', kind: 'invalid', params: ['field', 'id'] },
  scorerNotAnExpert: { code: 'campaigns.not_an_expert', kind: 'forbidden', params: ['id'] },
  reviewClosed: { code: 'campaigns.review_closed', kind: 'conflict', params: ['status'] },
  marksInvalid: { code: 'campaigns.marks_invalid', kind: 'invalid', params: ['field', 'criteria'] },
  nothingSelected: { code: 'campaigns.nothing_selected', kind: 'invalid' },
  publicityClosed: { code: 'campaigns.publicity_closed', kind: 'conflict' },
  objectionResolved: { code: 'campaigns.objection_resolved', kind: 'conflict', params: ['id'] },
  publicityNotOver: { code: 'campaigns.publicity_not_over', kind: 'conflict', params: ['until'] },
  objectionsOpen: { code: 'campaigns.objections_open', kind: 'conflict', params: ['count'] },
  nothingToBackfill: { code: 'campaigns.nothing_to_backfill', kind: 'conflict' },
  noPart: { code: 'campaigns.no_part', kind: 'forbidden' },
});
