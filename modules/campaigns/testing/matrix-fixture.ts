import type { Kysely } from 'kysely';
import { fullAccess, newId, type Ctx, type CtxFactory } from '#kernel';
import { advanceCampaign, createCampaign } from '../server/campaign.service.ts';
import { submitApplication } from '../server/application.service.ts';

export type CampaignStage = 'draft' | 'open' | 'reviewing' | 'selected' | 'publicity' | 'ended';
/** What the fixture needs of the test app (kept structural: modules may not import apps/server). */
export interface FixtureHost {
  platform: { makeCtx: CtxFactory; database: { db: Kysely<any> } };
  now(): Date;
}

export interface CampaignFixture {
  campaignId: string;
  applicationId: string | null;
  reviewId: string | null;
  objectionId: string | null;
}

/**
 * A campaign organised by Hebei at the given stage, for the authorization matrix. It is
 * built through the services as the Hebei insider (who applies for a county of Hebei, so the
 * application needs no recommendation), then moved on directly in the database where the
 * real path would need experts and marks.
 */
export async function hebeiCampaign(
  h: FixtureHost,
  insider: { id: string; account: string },
  hebei: string,
  county: () => Promise<string>,
  stage: CampaignStage,
): Promise<CampaignFixture> {
  const ctx: Ctx = h.platform.makeCtx({ actor: { kind: 'user', id: insider.id, name: insider.account }, access: fullAccess });
  const db = h.platform.database.db;
  const c = await createCampaign(ctx, { type: 'space_popularization', orgId: hebei, year: 2020, title: '矩阵评选' });
  const out: CampaignFixture = { campaignId: c.id, applicationId: null, reviewId: null, objectionId: null };
  if (stage === 'draft') return out;
  await advanceCampaign(ctx, c.id, 'open');
  out.applicationId = (
    await submitApplication(ctx, c.id, {
      categoryCode: 'region',
      orgId: await county(),
      title: '矩阵区域',
      values: { summary: '矩阵申报', spaceCount: 10 },
    })
  ).id;
  if (stage === 'open') return out;
  await advanceCampaign(ctx, c.id, 'reviewing');
  out.reviewId = newId();
  await db
    .insertInto('cp_reviews')
    .values({
      id: out.reviewId,
      campaign_id: c.id,
      application_id: out.applicationId,
      expert_id: insider.id,
      marks: null,
      total: null,
      comment: null,
      assigned_at: h.now().toISOString(),
      submitted_at: null,
    })
    .execute();
  if (stage === 'reviewing') return out;
  await db.updateTable('cp_applications').set({ status: 'selected', score: 90, rank: 1 }).where('id', '=', out.applicationId).execute();
  if (stage === 'selected') return out;
  const past = new Date(h.now().getTime() - 86_400_000).toISOString();
  await db
    .updateTable('cp_campaigns')
    .set({
      status: 'publicity',
      publicity_from: past,
      publicity_until: stage === 'ended' ? past : new Date(h.now().getTime() + 86_400_000).toISOString(),
    })
    .where('id', '=', c.id)
    .execute();
  if (stage === 'publicity') {
    out.objectionId = newId();
    await db
      .insertInto('cp_objections')
      .values({
        id: out.objectionId,
        campaign_id: c.id,
        application_id: out.applicationId,
        filer_name: '矩阵',
        filer_phone_cipher: 'x',
        filer_phone_masked: '138****0000',
        text: '矩阵异议文字',
        status: 'open',
        resolution: null,
        resolved_by: null,
        resolved_at: null,
        created_at: past,
      })
      .execute();
  }
  return out;
}
