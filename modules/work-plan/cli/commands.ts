import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { CliCommand } from '#kernel';
import { parsePlan } from '../server/plan-parser.ts';
import { decodePlanFile } from '../server/text-normalise.ts';
import { importPlan } from '../server/plan.service.ts';
import { findOrgIdByCode } from '../server/plan.repo.ts';

export const workPlanCommands: Record<string, CliCommand> = {
  'work-plan parse': {
    summary: '解析工作要点文本（UTF-8 或 GB18030），以 JSON 打印其结构，不保存',
    async run({ positionals, out, err }) {
      const file = positionals[0];
      if (!file) { err('用法：educloud work-plan parse <文件.txt>'); return 2; }
      if (!existsSync(file)) { err(`文件不存在：${file}`); return 2; }
      const result = parsePlan(decodePlanFile(await readFile(file)));
      if (!result.ok) {
        err(`无法解析 ${file}：`);
        for (const p of result.problems) err(`  第 ${p.line} 行：${p.message}（${p.code}）`);
        return 1;
      }
      out(JSON.stringify(result.plan, null, 2));
      for (const w of result.warnings) err(`提示：第 ${w.line} 行：${w.message}`);
      return 0;
    },
  },
  'work-plan import': {
    summary: '导入工作要点（UTF-8 或 GB18030）：--org 发文机构代码，默认教育部',
    options: { org: { type: 'string' } },
    needsPlatform: true,
    async run({ positionals, values, out, err, ctx }) {
      const file = positionals[0];
      if (!file) { err('用法：educloud work-plan import <文件.txt> [--org 机构代码]'); return 2; }
      if (!existsSync(file)) { err(`文件不存在：${file}`); return 2; }
      const code = typeof values.org === 'string' ? values.org : 'MOE';
      const orgId = await findOrgIdByCode(ctx!.db, code);
      if (!orgId) { err(`找不到机构代码 ${code}`); return 2; }
      const result = await importPlan(ctx!, { orgId, text: decodePlanFile(await readFile(file)) });
      out(`已导入《${result.plan.title}》：${result.plan.taskCount} 项任务，${result.plan.targetCount} 个量化指标。`);
      if (result.unmappedUnits.length) out(`尚未对应到机构的责任单位：${result.unmappedUnits.join('、')}`);
      return 0;
    },
  },
};
