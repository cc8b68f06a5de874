import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findOrgByCode } from '#core/orgs/server/org.repo.ts';
import { findUserByAccount } from '#core/users/server/user.repo.ts';
import { describeOnEngines } from '../testing/test-app.ts';
import { runCli } from './run.ts';

/** GB18030 bytes of a text, through iconv-free means: Node can decode GB18030 but not encode it. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  // Two-byte GBK range covers the characters used here.
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else
      bytes.push(
        ...(table.get(ch) ??
          (() => {
            throw new Error(`no GB18030 code for ${ch}`);
          })()),
      );
  }
  return Buffer.from(bytes);
}

/** Runs the CLI against the harness's database, as a shell user would. */
describeOnEngines('educloud command line', (h) => {
  const saved = { ...process.env };
  let out: string[];
  let err: string[];
  const cli = async (...args: string[]) => {
    out = [];
    err = [];
    return runCli(
      args,
      (l) => out.push(l),
      (l) => err.push(l),
    );
  };

  beforeAll(() => {
    const c = h().platform.config;
    process.env.DATABASE_URL = c.databaseUrl;
    process.env.EDUCLOUD_DATA_DIR = c.dataDir;
    process.env.EDUCLOUD_FIELD_KEY = c.fieldKey!;
  });
  afterAll(() => {
    process.env = saved;
  });

  it('prints usage and exits 2 for an unknown command', async () => {
    expect(await cli('frobnicate')).toBe(2);
    expect(err.join('\n')).toContain('未知命令');
  });

  it('reports a bad configuration value by its variable name', async () => {
    process.env.EDUCLOUD_PORT = 'eighty';
    try {
      expect(await cli('db', 'status')).toBe(2);
      expect(err.join('\n')).toContain('EDUCLOUD_PORT');
    } finally {
      delete process.env.EDUCLOUD_PORT;
    }
  });

  it('lists migrations as applied', async () => {
    expect(await cli('db', 'status')).toBe(0);
    expect(out.join('\n')).toMatch(/已执行\s+20261129T0800_core_orgs/);
    expect(out.at(-1)).toContain('待执行 0 个');
  });

  it('imports schools from CSV with Chinese headers, then is idempotent on a re-run', async () => {
    const file = join(h().platform.config.dataDir, 'schools.csv');
    writeFileSync(
      file,
      '\uFEFF机构代码,机构名称,机构类型,上级机构代码,学段\n3101010001,上海市黄浦区第一中心小学,学校,GB310101,小学\n3101010002,上海市黄浦区格致中学,school,GB310101,完全中学\n',
    );
    expect(await cli('org', 'import', file)).toBe(0);
    expect(out[0]).toContain('新增 2');
    const org = await findOrgByCode(h().platform.database.db, '3101010002');
    expect(org?.stage).toBe('complete_secondary');
    expect(await cli('org', 'import', file)).toBe(0);
    expect(out[0]).toContain('未变 2');
  });

  it('dry-runs an XLSX import with per-row errors and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('机构');
    sheet.addRow(['code', 'name', 'type', 'parentCode', 'stage']);
    sheet.addRow(['4401060001', '广州市天河区示范小学', 'school', 'GB440106', 'primary']);
    sheet.addRow(['4401060002', '缺学段的学校', 'school', 'GB440106', '']);
    sheet.addRow(['4401060003', '找不到上级的学校', 'school', 'NOPE', 'junior']);
    const file = join(h().platform.config.dataDir, 'schools.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await cli('org', 'import', file, '--dry-run')).toBe(1);
    expect(out[0]).toContain('试运行');
    expect(err.join('\n')).toContain('第 3 行');
    expect(err.join('\n')).toContain('orgs.stage_required');
    expect(err.join('\n')).toContain('orgs.import_parent_not_found');
    expect(await findOrgByCode(h().platform.database.db, '4401060001')).toBeUndefined();
  });

  it('creates a user with a role and prints a one-time password', async () => {
    expect(
      await cli(
        'user',
        'create',
        '--account',
        'cli-teacher',
        '--name',
        '命令行教师',
        '--org',
        'GB110101',
        '--id-number',
        '11010519491231002X',
        '--role',
        'teacher',
      ),
    ).toBe(0);
    expect(out.join('\n')).toMatch(/初始密码.*：\S{14}/);
    const user = await findUserByAccount(h().platform.database.db, 'cli-teacher');
    expect(user?.id_number_masked).toBe('110***********002X');
    expect(user?.must_change_password).toBe(1);
  });

  it('refuses a user with a wrong ID check digit, saying why', async () => {
    expect(
      await cli('user', 'create', '--account', 'cli-bad', '--name', '错号', '--org', 'GB110101', '--id-number', '110105194912310021'),
    ).toBe(1);
    expect(err.join('\n')).toContain('校验码');
  });

  it('refuses missing arguments and unknown flags with exit 2', async () => {
    expect(await cli('user', 'create', '--account', 'x')).toBe(2);
    expect(err.join('\n')).toContain('--name');
    expect(await cli('user', 'create', '--bogus')).toBe(2);
  });

  it('imports a GB18030 work plan for an org and refuses a missing file', async () => {
    const text = [
      '2021年上海市教育信息化工作要点',
      '重点任务',
      '(一)数字校园',
      '1.建设智慧校园',
      '遴选50所智慧校园示范校。(责任单位:上海市教育委员会)',
    ].join('\n');
    const file = join(h().platform.config.dataDir, 'plan-gb.txt');
    writeFileSync(file, encodeGb18030(text));
    expect(await cli('work-plan', 'import', file, '--org', 'GB310000')).toBe(0);
    expect(out[0]).toContain('已导入《2021年上海市教育信息化工作要点》：1 项任务，1 个量化指标');
    expect(await cli('work-plan', 'import', join(h().platform.config.dataDir, 'missing.txt'))).toBe(2);
  });

  it('verifies an intact audit chain', async () => {
    expect(await cli('audit', 'verify')).toBe(0);
    expect(out[0]).toContain('完整');
  });
});
