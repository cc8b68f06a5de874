import type { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { beijingDate, beijingTime, neutralizeFormula, pagedRows, sendXlsx, XLSX_CONTENT_TYPE, type XlsxExport } from './xlsx-export.ts';

/** Just enough of a Fastify reply to capture the headers and the streamed body. */
function fakeReply() {
  const headers: Record<string, string> = {};
  let body: PassThrough | undefined;
  const reply = {
    header(name: string, value: string) {
      headers[name.toLowerCase()] = value;
      return reply;
    },
    send(payload: PassThrough) {
      body = payload;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, headers, body: () => body! };
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readBack(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

async function* from<T>(rows: T[]): AsyncGenerator<T> {
  for (const row of rows) yield row;
}

const spec = (rows: Array<Record<string, unknown>>, extra: Partial<XlsxExport> = {}): XlsxExport => ({
  filename: '用户-2026-11-29.xlsx',
  sheetName: '用户',
  columns: [
    { header: '账号', key: 'account' },
    { header: '姓名', key: 'name', width: 20 },
    { header: '创建时间', key: 'at' },
  ],
  rows: from(rows),
  ...extra,
});

describe('sendXlsx', () => {
  it('streams a workbook with a bold, frozen header row and the rows in order', async () => {
    const fake = fakeReply();
    sendXlsx(
      fake.reply,
      spec([
        { account: 'zhang.wei', name: '张伟' },
        { account: 'li.na', name: '李娜', at: beijingTime('2026-11-29T01:02:03Z') },
      ]),
    );
    const sheet = await readBack(await collect(fake.body()));
    expect(sheet.name).toBe('用户');
    expect(sheet.getRow(1).values).toEqual([undefined, '账号', '姓名', '创建时间']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('zhang.wei');
    expect(sheet.getRow(3).getCell(2).value).toBe('李娜');
    // Beijing wall-clock time, written as a real date cell the clerk can sort and filter.
    expect((sheet.getRow(3).getCell(3).value as Date).toISOString()).toBe('2026-11-29T09:02:03.000Z');
    expect(sheet.getRow(3).getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.getColumn(2).width).toBe(20);
  });

  it('declares an XLSX attachment whose Chinese name survives in filename*', () => {
    const fake = fakeReply();
    sendXlsx(fake.reply, spec([], { filename: "用户(县)'s-2026-11-29.xlsx" }));
    fake.body().resume();
    expect(fake.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(fake.headers['content-disposition']).toBe(
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('用户')}%28${encodeURIComponent('县')}%29%27s-2026-11-29.xlsx`,
    );
    expect(fake.headers['cache-control']).toBe('no-store');
  });

  it('prefixes a quote to text that a spreadsheet would read as a formula, and leaves numbers alone', async () => {
    const fake = fakeReply();
    const names = ['=HYPERLINK("http://evil","点我")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '张=三'];
    sendXlsx(fake.reply, spec([...names.map((name) => ({ account: 'a', name })), { account: -5, name: 'x' }]));
    const sheet = await readBack(await collect(fake.body()));
    expect(names.map((_, i) => sheet.getRow(i + 2).getCell(2).value)).toEqual([
      '\'=HYPERLINK("http://evil","点我")',
      "'+1+2",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      '张=三',
    ]);
    expect(sheet.getRow(2).getCell(2).formula).toBeUndefined();
    expect(sheet.getRow(8).getCell(1).value).toBe(-5);
  });

  it("cuts text at Excel's cell limit and writes objects as JSON", async () => {
    const fake = fakeReply();
    sendXlsx(fake.reply, spec([{ account: 'x'.repeat(40_000), name: { realName: ['张三', '李四'] } }]));
    const sheet = await readBack(await collect(fake.body()));
    expect(String(sheet.getRow(2).getCell(1).value).length).toBe(32_767);
    expect(sheet.getRow(2).getCell(2).value).toBe('{"realName":["张三","李四"]}');
  });

  it('stops reading rows while nobody reads the download, and stops for good when it is dropped', async () => {
    let pulled = 0;
    let finished = false;
    async function* endless() {
      try {
        // Distinct text per row, so compression cannot hide the volume.
        for (;;) {
          pulled += 1;
          yield { account: `${pulled}-${Math.random().toString(36)}`, name: Math.random().toString(36) };
        }
      } finally {
        finished = true;
      }
    }
    const fake = fakeReply();
    sendXlsx(fake.reply, spec([], { rows: endless() }));
    // Wait until the writer has filled the stream's buffer and stopped asking for rows.
    let steady = 0;
    for (let last = -1, turns = 0; steady < 3 && turns < 50; last = pulled, turns += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      steady = pulled === last ? steady + 1 : 0;
    }
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(50_000);
    expect(fake.body().writableNeedDrain).toBe(true);
    fake.body().destroy();
    fake.body().resume();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(true);
  });
});

describe('pagedRows', () => {
  const source = Array.from({ length: 25 }, (_, i) => i);
  const fetchFrom = (calls: number[][]) => async (offset: number, limit: number) => {
    calls.push([offset, limit]);
    return source.slice(offset, offset + limit);
  };

  it('walks the pages until a short one and maps every row', async () => {
    const calls: number[][] = [];
    const out: string[] = [];
    for await (const row of pagedRows(fetchFrom(calls), (n) => `#${n}`, 10)) out.push(row);
    expect(out).toEqual(source.map((n) => `#${n}`));
    expect(calls).toEqual([
      [0, 10],
      [10, 10],
      [20, 10],
    ]);
  });

  it('stops after the cap without asking for another page', async () => {
    const calls: number[][] = [];
    const out: number[] = [];
    for await (const row of pagedRows(fetchFrom(calls), (n) => n, 10, 20)) out.push(row);
    expect(out).toHaveLength(20);
    expect(calls).toEqual([
      [0, 10],
      [10, 10],
    ]);
  });
});

describe('formula and time helpers', () => {
  it('leaves ordinary text untouched', () => {
    expect(neutralizeFormula('110***********002X')).toBe('110***********002X');
    expect(neutralizeFormula('')).toBe('');
  });

  it('names the Beijing calendar day, which starts at 16:00 UTC', () => {
    expect(beijingDate(new Date('2026-11-28T15:59:59Z'))).toBe('2026-11-28');
    expect(beijingDate(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
    expect(beijingTime(null)).toBeNull();
  });
});
