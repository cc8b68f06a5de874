import type { Ctx } from '#kernel';
import type { FilesService } from '#core/files/contract/file.service.ts';

/** Reports' evidence lives in core/files, attached to `work-plan.report`; readers follow the report. */
export const REPORT_OWNER_TYPE = 'work-plan.report';

let files: FilesService | undefined;

/**
 * The host hands over the files service when the module starts; the policy lets whoever may
 * read a report (the issuer's readers, the reporting unit) download its evidence.
 */
export function installReportFiles(service: FilesService, canReadReport: (ctx: Ctx, reportId: string) => Promise<boolean>): void {
  files = service;
  service.registerOwnerPolicy(REPORT_OWNER_TYPE, canReadReport);
}

/** Attaches uploaded files to a new report, inside the caller's transaction; a file already attached elsewhere is refused. */
export async function attachEvidence(ctx: Ctx, reportId: string, fileIds: string[]): Promise<void> {
  if (fileIds.length === 0) return;
  if (!files) throw new Error('work-plan: the files service was not installed');
  for (const fileId of fileIds) await files.attachFile(ctx, fileId, { ownerType: REPORT_OWNER_TYPE, ownerId: reportId });
}
