import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

import type { OrgImportRow } from '../contract/org.schema.ts';
import { OrgErrors } from '../contract/errors.ts';

/** Column headers accepted in import files, Chinese or English, mapped to row fields. */
const HEADERS: Record<string, keyof OrgImportRow> = {
  code: 'code',
  机构代码: 'code',
  学校标识码: 'code',
  name: 'name',
  机构名称: 'name',
  名称: 'name',
  type: 'type',
  机构类型: 'type',
  类型: 'type',
  parentcode: 'parentCode',
  parent_code: 'parentCode',
  上级机构代码: 'parentCode',
  上级代码: 'parentCode',
  stage: 'stage',
  学段: 'stage',
  办学类型: 'stage',
  shortname: 'shortName',
  short_name: 'shortName',
  简称: 'shortName',
  divisioncode: 'divisionCode',
  division_code: 'divisionCode',
  行政区划代码: 'divisionCode',
};

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v).trim();
};

/** Reads the first sheet of an XLSX file, or a UTF-8 CSV, into import rows keyed by header. */
export async function readOrgRows(filename: string, content: Buffer): Promise<OrgImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  if (/\.xlsx$/i.test(filename)) await workbook.xlsx.load(content as unknown as ArrayBuffer);
  else if (/\.csv$/i.test(filename)) {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter: ',' } } as never);
  } else throw OrgErrors.importUnsupportedFile({ filename });
  const sheet = workbook.worksheets[0];
  if (!sheet) throw OrgErrors.importEmptyFile();
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(
    (v) => HEADERS[cellText(v).replace(/\s+/g, '').toLowerCase()] ?? HEADERS[cellText(v).trim()],
  );
  for (const needed of ['code', 'name', 'type', 'parentCode'] as const) {
    if (!header.includes(needed)) throw OrgErrors.importMissingColumn({ column: needed });
  }
  const rows: OrgImportRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = row.values as ExcelJS.CellValue[];
    const out: Record<string, string> = {};
    header.forEach((field, i) => {
      if (field) out[field] = cellText(values[i]);
    });
    if (Object.values(out).some((v) => v !== '')) rows.push(out as unknown as OrgImportRow);
  });
  return rows;
}
