import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import type { NotifyPort } from '../contract/notify.service.ts';
import { installTestKinds, TEST_KIND } from './test-kinds.ts';

describeOnEngines('notify: the inbox through the real app', (h) => {
  let alice: Session;
  let bob: Session;

  const send = (userId: string, name: string) =>
    h()
      .platform.host.service<NotifyPort>('notify')
      .notify(
        h().system(),
        { userIds: [userId] },
        { kind: TEST_KIND, params: { name, org: '石家庄市教育局', due: '2026-12-31' }, link: '/work-plan/my-tasks' },
      );

  beforeAll(async () => {
    installTestKinds();
    alice = await h().signInAs('inbox-alice', 'GB130102', ['teacher']);
    bob = await h().signInAs('inbox-bob', 'GB130102', ['teacher']);
    await send(alice.userId, '第一项任务');
    h().advance(1000);
    await send(alice.userId, '第二项任务');
    h().advance(1000);
    await send(alice.userId, '第三项任务');
    await send(bob.userId, '鲍勃的任务');
  });

  it("lists only the caller's own messages, newest first, rendered in Chinese by default", async () => {
    const res = await alice.request('GET', '/api/notify/inbox');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.total).toBe(3);
    expect(page.items.map((i: { title: string }) => i.title)).toEqual(['新任务：第三项任务', '新任务：第二项任务', '新任务：第一项任务']);
    expect(page.items[0].body).toBe('石家庄市教育局给您分配了任务“第三项任务”，请于 2026-12-31 前完成。');
    expect(page.items[0]).toMatchObject({ kind: TEST_KIND, link: '/work-plan/my-tasks', readAt: null });
    expect(JSON.stringify(page)).not.toContain('鲍勃');
  });

  it('renders in English for lang=en and for an English Accept-Language', async () => {
    const byQuery = (await alice.request('GET', '/api/notify/inbox?lang=en&pageSize=1')).json();
    expect(byQuery.items[0].title).toBe('New task: 第三项任务');
    expect(byQuery.items[0].body).toBe('石家庄市教育局 assigned you "第三项任务", due 2026-12-31.');
    const byHeader = (
      await alice.request('GET', '/api/notify/inbox?pageSize=1', undefined, { 'accept-language': 'en-US,en;q=0.9,zh-CN;q=0.5' })
    ).json();
    expect(byHeader.items[0].title).toBe('New task: 第三项任务');
    const chinese = (
      await alice.request('GET', '/api/notify/inbox?pageSize=1', undefined, { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })
    ).json();
    expect(chinese.items[0].title).toBe('新任务：第三项任务');
  });

  it('counts unread messages and filters them, marks one read, and keeps the first read time', async () => {
    expect((await alice.request('GET', '/api/notify/inbox/unread-count')).json()).toEqual({ unread: 3, capped: false });
    const newest = (await alice.request('GET', '/api/notify/inbox?pageSize=1')).json().items[0];
    expect((await alice.request('POST', `/api/notify/inbox/${newest.id}/read`)).statusCode).toBe(204);
    const readAt = (await alice.request('GET', '/api/notify/inbox?pageSize=1')).json().items[0].readAt;
    expect(readAt).toEqual(expect.any(String));
    h().advance(60_000);
    expect((await alice.request('POST', `/api/notify/inbox/${newest.id}/read`)).statusCode).toBe(204);
    expect((await alice.request('GET', '/api/notify/inbox?pageSize=1')).json().items[0].readAt).toBe(readAt);
    expect((await alice.request('GET', '/api/notify/inbox/unread-count')).json().unread).toBe(2);
    const unread = (await alice.request('GET', '/api/notify/inbox?unread=true')).json();
    expect(unread.total).toBe(2);
    expect(unread.items.map((i: { id: string }) => i.id)).not.toContain(newest.id);
  });

  it("answers not found for another user's message and leaves it unread", async () => {
    const bobs = (await bob.request('GET', '/api/notify/inbox')).json().items[0];
    const res = await alice.request('POST', `/api/notify/inbox/${bobs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('notify.notification_not_found');
    expect((await bob.request('GET', '/api/notify/inbox')).json().items[0].readAt).toBeNull();
  });

  it("marks all of the caller's messages read and nobody else's", async () => {
    const res = await alice.request('POST', '/api/notify/inbox/read-all', {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: 2 });
    expect((await alice.request('GET', '/api/notify/inbox/unread-count')).json().unread).toBe(0);
    expect((await alice.request('GET', '/api/notify/inbox?unread=true')).json().items).toEqual([]);
    expect((await bob.request('GET', '/api/notify/inbox/unread-count')).json().unread).toBe(1);
  });

  it('pages the inbox', async () => {
    const second = (await alice.request('GET', '/api/notify/inbox?page=2&pageSize=2')).json();
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['新任务：第一项任务']);
  });
});
