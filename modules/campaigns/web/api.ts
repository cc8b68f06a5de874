import { api, type PageOf } from '#ui';
import type { CampaignRules, CampaignType, FormField, RubricCriterion } from '../contract/campaign-rules.ts';
import type {
  ApplicationQuery,
  ApplicationStatus,
  ApplicationView,
  CampaignStatus,
  CampaignView,
  CreateCampaignBody,
  Exclusion,
  QuotaUse,
  SubmitApplicationBody,
  UpdateCampaignBody,
} from '../contract/campaign.schema.ts';
import type {
  BackfillResult,
  CampaignStats,
  CertificateView,
  ObjectionBody,
  ObjectionView,
  PublicList,
  ResolveObjectionBody,
  SelectionView,
} from '../contract/outcome.schema.ts';
import type { Org } from '#core/orgs/contract/org.schema.ts';
import type { DrawResult, ExpertCandidate, ExpertView, ReviewView, SubmitReviewBody } from '../contract/review.schema.ts';

// Types only: the contract files build TypeBox schemas, which the console bundle does not need.
export type {
  ApplicationStatus,
  ApplicationView,
  BackfillResult,
  CampaignRules,
  CampaignStats,
  CampaignStatus,
  CampaignType,
  CampaignView,
  CertificateView,
  DrawResult,
  Exclusion,
  ExpertCandidate,
  ExpertView,
  FormField,
  ObjectionView,
  PublicList,
  QuotaUse,
  ReviewView,
  RubricCriterion,
  SelectionView,
  UpdateCampaignBody,
};

/** The four presets, in the order the 新建评选 drawer offers them (server/presets.ts). */
export const CAMPAIGN_TYPE_OPTIONS: CampaignType[] = ['benchmark', 'excellent_lesson', 'space_popularization', 'smart_zone'];

const campaignUrl = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

/** The HTTP calls behind the campaign pages (modules/campaigns/server/*.routes.ts). */
export const campaignApi = {
  list: () => api.get<CampaignView[]>('/api/campaigns'),
  get: (id: string) => api.get<CampaignView>(campaignUrl(id)),
  create: (body: CreateCampaignBody) => api.post<CampaignView>('/api/campaigns', body),
  update: (id: string, body: UpdateCampaignBody) => api.patch<CampaignView>(campaignUrl(id), body),
  open: (id: string) => api.post<CampaignView>(`${campaignUrl(id)}/open`),
  close: (id: string) => api.post<CampaignView>(`${campaignUrl(id)}/close`),
  stats: (id: string) => api.get<CampaignStats>(`${campaignUrl(id)}/stats`),
  quotas: (id: string) => api.get<QuotaUse[]>(`${campaignUrl(id)}/quotas`),
  applicationsUrl: (id: string) => `${campaignUrl(id)}/applications`,
  applications: (id: string, query: ApplicationQuery) => api.get<PageOf<ApplicationView>>(`${campaignUrl(id)}/applications`, query),
  submit: (id: string, body: SubmitApplicationBody) => api.post<ApplicationView>(`${campaignUrl(id)}/applications`, body),
  application: (id: string) => api.get<ApplicationView>(`/api/campaigns/applications/${encodeURIComponent(id)}`),
  myApplications: () => api.get<ApplicationView[]>('/api/campaigns/applications/mine'),
  downloadWinners: (id: string, lang?: 'en') => api.download(`${campaignUrl(id)}/winners`, { lang }, 'winners.xlsx'),
};

export const reviewApi = {
  experts: (id: string) => api.get<ExpertView[]>(`${campaignUrl(id)}/experts`),
  /** Holders of the expert permission anywhere on the platform (at most 20), for the organiser to add. */
  candidates: (id: string, q: string) => api.get<ExpertCandidate[]>(`${campaignUrl(id)}/expert-candidates`, { q }),
  addExperts: (id: string, categoryCode: string, userIds: string[]) =>
    api.post<ExpertView[]>(`${campaignUrl(id)}/experts`, { categoryCode, userIds }),
  removeExpert: (id: string, categoryCode: string, userId: string) =>
    api.delete(`${campaignUrl(id)}/experts/${encodeURIComponent(categoryCode)}/${encodeURIComponent(userId)}`),
  draw: (id: string, seed?: number) => api.post<DrawResult>(`${campaignUrl(id)}/draw`, seed === undefined ? {} : { seed }),
  mine: () => api.get<ReviewView[]>('/api/campaigns/reviews/mine'),
  submit: (reviewId: string, body: SubmitReviewBody) => api.put<ReviewView>(`/api/campaigns/reviews/${encodeURIComponent(reviewId)}`, body),
};

export const outcomeApi = {
  runSelection: (id: string) => api.post<SelectionView>(`${campaignUrl(id)}/selection`),
  selection: (id: string) => api.get<SelectionView>(`${campaignUrl(id)}/selection`),
  startPublicity: (id: string, days?: number) => api.post<void>(`${campaignUrl(id)}/publicity`, days === undefined ? {} : { days }),
  objections: (id: string) => api.get<ObjectionView[]>(`${campaignUrl(id)}/objections`),
  resolveObjection: (objectionId: string, body: ResolveObjectionBody) =>
    api.post<void>(`/api/campaigns/objections/${encodeURIComponent(objectionId)}/resolve`, body),
  /** 递补 after an upheld objection: who was promoted, and when the restarted display ends. */
  backfill: (id: string) => api.post<BackfillResult>(`${campaignUrl(id)}/backfill`),
  publish: (id: string) => api.post<{ certificates: number }>(`${campaignUrl(id)}/publish`),
};

/** Calls the public pages make without a session. */
export const publicApi = {
  list: (id: string) => api.get<PublicList>(`/api/public/campaigns/${encodeURIComponent(id)}`),
  object: (id: string, body: ObjectionBody) => api.post<{ id: string }>(`/api/public/campaigns/${encodeURIComponent(id)}/objections`, body),
  certificate: (number: string) => api.get<CertificateView>(`/api/public/certificates/${encodeURIComponent(number)}`),
};

/** Where the public pages live (outside the signed-in console). */
export const publicListPath = (campaignId: string) => `/public/campaigns/${encodeURIComponent(campaignId)}`;
export const CERTIFICATE_PATH = '/public/certificates';

/** The review of an application in core/workflow's 我的待办 page, which opens its drawer. */
export const workflowInstancePath = (instanceId: string) => `/workflow/todo?instance=${encodeURIComponent(instanceId)}`;

/** The type of an org (school, county authority…), for those who may read the org tree. */
export const orgTypeOf = async (orgId: string) => (await api.get<Pick<Org, 'type'>>(`/api/orgs/${encodeURIComponent(orgId)}`)).type;
