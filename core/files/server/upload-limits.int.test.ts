import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';
import type { FilesService } from '../contract/file.service.ts';

const KB = 1024;

function multipart(filename: string, content: Buffer) {
  const boundary = '----educloud-limits-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Distinct UTF-8 text of `size` bytes (hex digits), so no two uploads share content by accident. */
const text = (size: number) =>
  Buffer.from(
    randomBytes(Math.ceil(size / 2))
      .toString('hex')
      .slice(0, size),
  );

// Issue #9 item 11: a teacher could upload without limit and unattached files were never removed.
describeOnEngines(
  'upload quotas, rate and clean-up',
  (h) => {
    let changan: string;
    let qiaoxi: string;
    let xinhua: string;
    let yuhua: string;

    const upload = (session: Session, orgId: string, content: Buffer, name = '材料.txt') => {
      const m = multipart(name, content);
      return session.request('POST', `/api/files?orgId=${orgId}`, m.body, m.headers);
    };
    const countFiles = async () =>
      Number(
        (
          await h()
            .platform.database.db.selectFrom('core_files')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      [changan, qiaoxi, xinhua, yuhua] = await Promise.all(['GB130102', 'GB130104', 'GB130105', 'GB130108'].map((code) => h().orgId(code)));
    });

    it("refuses an upload past the user's quota with its code and a Chinese message, keeping nothing", async () => {
      const teacher = await h().signInAs('quota-user', 'GB130102', ['teacher']);
      expect((await upload(teacher, changan, text(700 * KB))).statusCode).toBe(201);
      const before = await countFiles();
      const over = await upload(teacher, changan, text(700 * KB));
      expect(over.statusCode).toBe(409);
      expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(over.json()).toMatchObject({ code: 'files.user_quota_exceeded', params: { quotaMb: 1 } });
      expect(over.json().detail).toContain('上限 1 MB');
      expect(await countFiles()).toBe(before);
      // What is left of the quota still takes a smaller file.
      expect((await upload(teacher, changan, text(200 * KB))).statusCode).toBe(201);
    });

    it("refuses an upload past the org's quota, whoever uploads it", async () => {
      for (const account of ['quota-org-1', 'quota-org-2']) {
        const teacher = await h().signInAs(account, 'GB130104', ['teacher']);
        expect((await upload(teacher, qiaoxi, text(900 * KB))).statusCode).toBe(201);
      }
      const third = await h().signInAs('quota-org-3', 'GB130104', ['teacher']);
      const over = await upload(third, qiaoxi, text(300 * KB));
      expect(over.statusCode).toBe(409);
      expect(over.json()).toMatchObject({ code: 'files.org_quota_exceeded', params: { quotaMb: 2 } });
      expect(over.json().detail).toContain('本机构');
    });

    it('answers 429 past the uploads per minute of one user, and not for another user', async () => {
      const busy = await h().signInAs('rate-busy', 'GB130105', ['teacher']);
      const other = await h().signInAs('rate-other', 'GB130105', ['teacher']);
      for (let i = 0; i < 5; i++) expect((await upload(busy, xinhua, text(KB))).statusCode).toBe(201);
      const limited = await upload(busy, xinhua, text(KB));
      expect(limited.statusCode).toBe(429);
      expect(limited.json().code).toBe('request.rate_limited');
      expect((await upload(other, xinhua, text(KB))).statusCode).toBe(201);
    });

    it('removes files left unattached for a day, and their bodies unless another row shares them; keeps attached and young files', async () => {
      const files = h().platform.host.service<FilesService>('files');
      const filesDir = h().platform.host.config.filesDir as string;
      const blobPath = (sha: string) => join(filesDir, sha.slice(0, 2), sha.slice(2, 4), sha);
      let teacher = await h().signInAs('cleanup-teacher', 'GB130108', ['teacher']);
      const shared = text(KB);
      const abandoned = (await upload(teacher, yuhua, text(KB), '草稿.txt')).json();
      const attached = (await upload(teacher, yuhua, text(KB), '佐证.txt')).json();
      const sharedLoose = (await upload(teacher, yuhua, shared, '副本.txt')).json();
      const sharedKept = (await upload(teacher, yuhua, shared, '正本.txt')).json();
      expect(sharedLoose.sha256).toBe(sharedKept.sha256);
      for (const f of [attached, sharedKept])
        await files.attachFile(h().system(), f.id, { ownerType: 'work-plan.report', ownerId: `report-${f.id}` });

      h().advance(25 * 3600 * 1000);
      teacher = await h().signIn('cleanup-teacher');
      const young = (await upload(teacher, yuhua, text(KB), '刚上传.txt')).json();

      const job = h()
        .platform.modules.flatMap((m) => m.jobs ?? [])
        .find((j) => j.id === 'files.remove_unattached')!;
      expect(await job.run(h().system(), h().platform.host)).toEqual({ summary: expect.stringMatching(/^removed \d+ files, \d+ bodies$/) });

      const ids = (await h().platform.database.db.selectFrom('core_files').select('id').where('org_id', '=', yuhua).execute()).map(
        (r) => r.id,
      );
      expect(ids.sort()).toEqual([attached.id, sharedKept.id, young.id].sort());
      expect(existsSync(blobPath(abandoned.sha256))).toBe(false);
      expect(existsSync(blobPath(sharedKept.sha256))).toBe(true);
      expect(existsSync(blobPath(attached.sha256))).toBe(true);
      expect(existsSync(blobPath(young.sha256))).toBe(true);
      const removed = await h()
        .platform.database.db.selectFrom('core_audit_events')
        .select(['object_id'])
        .where('action', '=', 'files.file.removed')
        .where('org_id', '=', yuhua)
        .execute();
      expect(removed.map((r) => r.object_id).sort()).toEqual([abandoned.id, sharedLoose.id].sort());
    });
  },
  { env: { EDUCLOUD_UPLOAD_QUOTA_USER_MB: '1', EDUCLOUD_UPLOAD_QUOTA_ORG_MB: '2', EDUCLOUD_UPLOAD_RATE_LIMIT: '5' } },
);
