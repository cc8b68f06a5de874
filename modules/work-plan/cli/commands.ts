import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { CliCommand } from '#kernel';
import { parsePlan } from '../server/plan-parser.ts';
import { decodePlanFile } from '../server/text-normalise.ts';
import { importPlan } from '../server/plan.service.ts';
import { findOrgIdByCode } from '../server/plan.repo.ts';

export const workPlanCommands: Record<string, CliCommand> = {
  'work-plan parse': {
    summary: 'work-plan:cli.parse.summary',
    async run({ positionals, out, err, text }) {
      const file = positionals[0];
      if (!file) {
        err(text('work-plan:cli.parse.usage'));
        return 2;
      }
      if (!existsSync(file)) {
        err(text('work-plan:cli.fileMissing', { file }));
        return 2;
      }
      const result = parsePlan(decodePlanFile(await readFile(file)));
      if (!result.ok) {
        err(text('work-plan:cli.parse.failed', { file }));
        for (const p of result.problems)
          err(text('work-plan:cli.parse.problem', { line: p.line, message: text(p.code, p.params), code: p.code }));
        return 1;
      }
      out(JSON.stringify(result.plan, null, 2));
      for (const w of result.warnings) err(text('work-plan:cli.parse.warning', { line: w.line, message: text(w.code, w.params) }));
      return 0;
    },
  },
  'work-plan import': {
    summary: 'work-plan:cli.import.summary',
    options: { org: { type: 'string' } },
    needsPlatform: true,
    async run({ positionals, values, out, err, ctx, text }) {
      const file = positionals[0];
      if (!file) {
        err(text('work-plan:cli.import.usage'));
        return 2;
      }
      if (!existsSync(file)) {
        err(text('work-plan:cli.fileMissing', { file }));
        return 2;
      }
      const code = typeof values.org === 'string' ? values.org : 'MOE';
      const orgId = await findOrgIdByCode(ctx!.db, code);
      if (!orgId) {
        err(text('work-plan:cli.import.orgMissing', { code }));
        return 2;
      }
      const result = await importPlan(ctx!, { orgId, text: decodePlanFile(await readFile(file)) });
      out(text('work-plan:cli.import.done', { title: result.plan.title, tasks: result.plan.taskCount, targets: result.plan.targetCount }));
      if (result.unmappedUnits.length) out(text('work-plan:cli.import.unmapped', { units: result.unmappedUnits }));
      return 0;
    },
  },
};
