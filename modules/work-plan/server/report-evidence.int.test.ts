import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
function multipart(filename: string, content: Buffer) {
  const boundary = '----educloud-evidence';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeOnEngines('evidence files on progress reports', (h) => {
  let ministry: Session;
  let changan: Session;
  let qiaoxi: Session;
  let task17: string;
  let changanOrg: string;

  const upload = async (who: Session, orgId: string, name: string) => {
    const m = multipart(name, PDF);
    const res = await who.request('POST', `/api/files?orgId=${orgId}`, m.body, m.headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  beforeAll(async () => {
    ministry = await h().signInAs('ev-root', 'MOE', ['platform_admin']);
    changan = await h().signInAs('ev-changan', 'GB130102', ['reviewer']);
    qiaoxi = await h().signInAs('ev-qiaoxi', 'GB130104', ['reviewer']);
    changanOrg = await h().orgId('GB130102');
    const planId = (await ministry.request('GET', '/api/work-plan/plans')).json()[0].id;
    const plan = (await ministry.request('GET', `/api/work-plan/plans/${planId}`)).json();
    task17 = plan.areas.flatMap((a: any) => a.tasks).find((t: any) => t.number === 17).id;
  });

  it('attaches uploaded files to a report; the issuer and the unit can download them, another county cannot', async () => {
    const fileId = await upload(changan, changanOrg, '推荐文件.pdf');
    const res = await changan.request('POST', `/api/work-plan/tasks/${task17}/reports`, {
      orgId: changanOrg,
      reportDate: '2020-06-01',
      text: '附推荐文件。',
      fileIds: [fileId],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().files).toEqual([{ id: fileId, name: '推荐文件.pdf', size: PDF.length }]);
    const listed = (await ministry.request('GET', `/api/work-plan/tasks/${task17}/reports`)).json();
    expect(listed[0].files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    const byIssuer = await ministry.request('GET', `/api/files/${fileId}/content`);
    expect(byIssuer.statusCode).toBe(200);
    expect(byIssuer.rawPayload.equals(PDF)).toBe(true);
    expect((await changan.request('GET', `/api/files/${fileId}/content`)).statusCode).toBe(200);
    expect((await qiaoxi.request('GET', `/api/files/${fileId}/content`)).statusCode).toBe(404);
    expect((await ministry.request('GET', `/api/files/${fileId}`)).json()).toMatchObject({
      ownerType: 'work-plan.report',
      ownerId: res.json().id,
    });
  });

  it('refuses a file already attached to another report, and writes no report then', async () => {
    const fileId = await upload(changan, changanOrg, '一.pdf');
    await changan.request('POST', `/api/work-plan/tasks/${task17}/reports`, {
      orgId: changanOrg,
      reportDate: '2020-07-01',
      text: '第一次。',
      fileIds: [fileId],
    });
    const before = (await changan.request('GET', `/api/work-plan/tasks/${task17}/reports`)).json().length;
    const again = await changan.request('POST', `/api/work-plan/tasks/${task17}/reports`, {
      orgId: changanOrg,
      reportDate: '2020-07-02',
      text: '第二次。',
      fileIds: [fileId],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('files.already_attached');
    expect((await changan.request('GET', `/api/work-plan/tasks/${task17}/reports`)).json()).toHaveLength(before);
  });

  it("refuses another county's upload as evidence", async () => {
    const qiaoxiFile = await upload(qiaoxi, await h().orgId('GB130104'), '别人的.pdf');
    const res = await changan.request('POST', `/api/work-plan/tasks/${task17}/reports`, {
      orgId: changanOrg,
      reportDate: '2020-07-03',
      text: '借用文件。',
      fileIds: [qiaoxiFile],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('files.file_not_found');
  });
});
