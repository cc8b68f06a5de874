import type { Ctx } from '#kernel';
import { FileService } from '#core/files/contract/file.service.ts';

/** Reports' evidence lives in core/files, attached to `work-plan.report`; readers follow the report. */
export const REPORT_OWNER_TYPE = 'work-plan.report';

/** Attaches uploaded files to a new report, inside the caller's transaction; a file already attached elsewhere is refused. */
export async function attachEvidence(ctx: Ctx, reportId: string, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const files = ctx.service(FileService);
  for (const fileId of fileIds) await files.attachFile(ctx, fileId, { ownerType: REPORT_OWNER_TYPE, ownerId: reportId });
}
