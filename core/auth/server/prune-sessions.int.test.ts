import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../apps/server/src/testing/test-app.ts';
import { pruneSessionsJob } from './prune-sessions.ts';
import { authDb } from './auth.tables.ts';

describeOnEngines('auth.prune_sessions', (harness) => {
  it('deletes sessions past their expiry and keeps live ones', async () => {
    const h = harness();
    const user = await h.makeUser({ account: 'prune-sessions', orgCode: 'MOE' });
    const now = h.now().getTime();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const session = (id: string, expiresAt: string) => ({
      id,
      userId: user.id,
      csrfToken: `csrf-${id}`,
      mfaState: 'none',
      ip: null,
      userAgent: null,
      createdAt: at(-600),
      lastSeenAt: at(-600),
      expiresAt,
    });
    const db = authDb(h.platform.host.db);
    await db
      .insertInto('core_sessions')
      .values([session('expired-long-ago', at(-24 * 60)), session('expired-just-now', at(-1)), session('live', at(60))])
      .execute();
    const outcome = await pruneSessionsJob.run(h.system(), h.platform.host);
    const left = await db.selectFrom('core_sessions').select('id').where('userId', '=', user.id).execute();
    expect(left.map((s) => s.id)).toEqual(['live']);
    expect(outcome?.summary).toContain('2');
  });
});
