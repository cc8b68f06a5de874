import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines, type Session } from '../../../apps/server/src/testing/test-app.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

function multipart(filename: string, type: string, content: Buffer) {
  const boundary = '----educloud-files-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeOnEngines('file routes through the real app', (h) => {
  let staff: Session;
  let neighbour: Session;
  let county: string;

  beforeAll(async () => {
    county = await h().orgId('GB130102');
    await h().makeUser({ account: 'files-staff', orgCode: 'GB130102', roles: ['teacher'] });
    await h().makeUser({ account: 'files-neighbour', orgCode: 'GB130104', roles: ['teacher'] });
    staff = await h().signIn('files-staff');
    neighbour = await h().signIn('files-neighbour');
  });

  it('stores an upload by content and serves it back to its uploader with safe headers', async () => {
    const m = multipart('通知.pdf', 'application/pdf', PDF);
    const up = await staff.request('POST', `/api/files?orgId=${county}`, m.body, m.headers);
    expect(up.statusCode, up.body).toBe(201);
    const meta = up.json();
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.mediaType).toBe('application/pdf');
    const down = await staff.request('GET', `/api/files/${meta.id}/content`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(String(down.headers['content-disposition'])).toContain("filename*=UTF-8''");
  });

  it('hides a file from a user of another county', async () => {
    const m = multipart('a.pdf', 'application/pdf', PDF);
    const id = (await staff.request('POST', `/api/files?orgId=${county}`, m.body, m.headers)).json().id;
    const res = await neighbour.request('GET', `/api/files/${id}/content`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('files.file_not_found');
  });

  it('refuses content that does not match its declared type', async () => {
    const m = multipart('fake.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    const res = await staff.request('POST', `/api/files?orgId=${county}`, m.body, m.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('files.type_not_allowed');
  });

  it("refuses an upload into an org outside the caller's grants", async () => {
    const m = multipart('a.pdf', 'application/pdf', PDF);
    const res = await neighbour.request('POST', `/api/files?orgId=${county}`, m.body, m.headers);
    expect([403, 404]).toContain(res.statusCode);
  });
});
