import type { JobDefinition } from '#kernel';
import { writeAuditCheckpoint } from './checkpoint.service.ts';

/**
 * Hourly, so that at most an hour of records can be cut off unseen; a run that finds the chain
 * cut or altered since the last checkpoint fails, and the failure shows in the job history and
 * the server log.
 */
export const auditCheckpointJob: JobDefinition = {
  id: 'audit.checkpoint',
  label: { zh: '签发审计检查点（SM2 签名）', en: 'Sign an audit checkpoint (SM2)' },
  everySeconds: 3600,
  async run(ctx) {
    const outcome = await writeAuditCheckpoint(ctx);
    return {
      summary: outcome.written
        ? `已签发检查点：序号 ${outcome.checkpoint.seq}，共 ${outcome.checkpoint.count} 条记录`
        : `审计链自序号 ${outcome.latest.seq} 的检查点以来没有新记录，未签发`,
    };
  },
};
