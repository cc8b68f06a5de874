import type { JobDefinition } from '#kernel';
import { deleteExpired } from './session.repo.ts';

/**
 * Deletes sessions past their absolute expiry. Such a session can never be used again (sign-in
 * and sign-out are in the audit log), so it is kept no longer; a session that went idle is
 * refused at once and removed here when its absolute expiry (at most the configured hours) passes.
 */
export const pruneSessionsJob: JobDefinition = {
  id: 'auth.prune_sessions',
  label: { zh: '清理过期会话', en: 'Prune expired sessions' },
  everySeconds: 3600,
  async run(ctx) {
    const deleted = await deleteExpired(ctx.db, ctx.now().toISOString());
    return { summary: `删除过期会话 ${deleted} 个` };
  },
};
