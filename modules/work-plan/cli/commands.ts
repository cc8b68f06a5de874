import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { CliCommand } from '#kernel';
import { parsePlan } from '../server/plan-parser.ts';
import { decodePlanFile } from '../server/text-normalise.ts';

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
};
