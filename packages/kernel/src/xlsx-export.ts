import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { beijingWallClock } from './beijing-time.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel reports a file as damaged when one cell holds more characters than this. */
const EXCEL_CELL_LIMIT = 32_767;
/**
 * OWASP "CSV/formula injection": text a spreadsheet may take for a formula once a clerk edits
 * the cell or saves the sheet as CSV. Tab and carriage return are on OWASP's list as well.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
/** China has one time zone and no daylight saving, so a fixed offset is exact. */
/**
 * SQLite queries resolve without ever leaving the microtask queue, so a long export would
 * never let the zip compressor run; every so many rows the writer steps aside for it.
 */
const ROWS_PER_TURN = 256;

/** The query every export route adds to its list filter: the language of the headers. */
export const ExportLanguageQuery = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], { description: '表头和取值的语言，默认中文' })),
});
export type ExportLanguageQuery = Static<typeof ExportLanguageQuery>;

/** The OpenAPI description of an export route's answer. */
export const XlsxResponse = {
  200: { description: 'XLSX 文件（全部筛选结果）', content: { [XLSX_CONTENT_TYPE]: { schema: Type.String({ format: 'binary' }) } } },
};

export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
}

export interface XlsxExport {
  /** The name the browser saves, Chinese allowed: `用户-2026-11-29.xlsx`. */
  filename: string;
  sheetName: string;
  columns: XlsxColumn[];
  rows: AsyncIterable<Record<string, unknown>>;
}

/** Prefixes a quote to text that a spreadsheet could read as a formula. */
export const neutralizeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

function cellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  const text = neutralizeFormula(typeof value === 'string' ? value : JSON.stringify(value));
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  // Cutting between the halves of a surrogate pair would leave invalid UTF-16 behind.
  const end = /[\uD800-\uDBFF]/.test(text[EXCEL_CELL_LIMIT - 1]) ? EXCEL_CELL_LIMIT - 1 : EXCEL_CELL_LIMIT;
  return text.slice(0, end);
}

/** An instant as a Date whose UTC fields read as Beijing wall-clock time, which is what Excel shows. */
export function beijingTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  return beijingWallClock(new Date(iso));
}

// Kept here too so the exports that name files keep importing it from one place.
export { beijingDate } from './beijing-time.ts';

/** RFC 5987 ext-value: encodeURIComponent leaves ' ( ) * unescaped, which attr-char forbids. */
const encodeExtValue = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
const safeSheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';

const defaultWidth = (header: string): number => Math.max(10, [...header].reduce((n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1), 0) + 2);

function untilDrained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

async function writeWorkbook(out: PassThrough, spec: XlsxExport): Promise<void> {
  // Shared strings would keep every distinct text in memory until the end; inline strings do not.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'EduCloud 教育云';
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width ?? defaultWidth(c.header) }));
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for await (const record of spec.rows) {
    if (out.destroyed) return; // the client went away; stop reading the database
    const row = sheet.addRow(spec.columns.map((c) => cellValue(record[c.key])));
    spec.columns.forEach((c, i) => {
      if (record[c.key] instanceof Date) row.getCell(i + 1).numFmt = DATE_TIME_FORMAT;
    });
    row.commit();
    written += 1;
    if (written % ROWS_PER_TURN === 0) await nextTurn();
    // ExcelJS does not wait for a slow reader; holding back here keeps memory flat.
    if (out.writableNeedDrain) await untilDrained(out);
  }
  if (out.destroyed) return;
  sheet.commit();
  await workbook.commit();
}

/**
 * Streams the rows as an XLSX download, one committed row at a time, so memory stays flat
 * however many rows there are. Everything that may refuse the request (scope, filter, size)
 * must have run before this is called: once the first byte leaves, an error can only cut the
 * download short (the file is then unreadable, never silently partial).
 */
export function sendXlsx(reply: FastifyReply, spec: XlsxExport): FastifyReply {
  const out = new PassThrough();
  reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeExtValue(spec.filename)}`)
    // Exports carry personal data; no proxy or browser cache should keep a copy.
    .header('cache-control', 'no-store');
  writeWorkbook(out, spec).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return reply.send(out);
}

/**
 * Reads a filtered list page by page (`fetchPage(offset, batch)`) and yields each row mapped,
 * stopping at a short page or after `cap` rows.
 */
export async function* pagedRows<T, R>(
  fetchPage: (offset: number, limit: number) => Promise<T[]>,
  map: (row: T) => R,
  batch = 1000,
  cap = 200_000,
): AsyncGenerator<R> {
  let yielded = 0;
  for (let offset = 0; ; offset += batch) {
    const page = await fetchPage(offset, batch);
    for (const row of page) {
      if (yielded >= cap) return;
      yielded += 1;
      yield map(row);
    }
    if (page.length < batch || yielded >= cap) return;
  }
}
