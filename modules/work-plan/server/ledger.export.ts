import { beijingDate, type XlsxExport } from '#kernel/xlsx-export.ts';
import type { Ctx } from '#kernel';
import { getPlan } from './plan.service.ts';
import { taskProgress } from './report.service.ts';
import { toChineseNumeral } from './chinese-numerals.ts';

const STATUS: Record<string, { zh: string; en: string }> = {
  not_started: { zh: '未启动', en: 'Not started' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  late: { zh: '滞后', en: 'Late' },
};
const BOUND: Record<string, string> = { at_least: '以上', at_most: '以内', approximate: '左右', exact: '', range: '' };

const COLUMNS = {
  zh: {
    area: '方面',
    number: '任务编号',
    task: '任务',
    units: '责任单位（牵头单位在前）',
    target: '量化指标',
    goal: '目标',
    value: '当前值',
    share: '完成度',
    status: '状态',
    due: '完成时限',
    reports: '报告数',
  },
  en: {
    area: 'Area',
    number: 'No.',
    task: 'Task',
    units: 'Responsible units (lead first)',
    target: 'Target',
    goal: 'Goal',
    value: 'Current',
    share: 'Reached',
    status: 'Status',
    due: 'Due',
    reports: 'Reports',
  },
};

/**
 * The plan as a ledger (台账): one row per numeric target (one per task without targets), with
 * its responsible units, goal, current figure, share reached and the task's status. Audited.
 */
export async function exportLedger(ctx: Ctx, planId: string, lang: 'zh' | 'en' = 'zh'): Promise<XlsxExport> {
  const plan = await getPlan(ctx, planId);
  const rows: Array<Record<string, unknown>> = [];
  for (const area of plan.areas) {
    for (const task of area.tasks) {
      const progress = await taskProgress(ctx, task.id);
      const units = [...new Set(task.paragraphs.flatMap((p) => p.units.map((u) => u.name)))].join('、');
      const base = {
        area: `（${toChineseNumeral(area.ordinal)}）${area.title}`,
        number: task.number,
        task: task.title,
        units,
        status: STATUS[progress.status][lang],
        due: task.dueDate ?? '',
        reports: progress.reportCount,
      };
      if (progress.targets.length === 0) rows.push({ ...base, target: '', goal: '', value: '', share: '' });
      for (const g of progress.targets) {
        const goal = g.max ? `${g.count}–${g.max}${g.unit}` : `${g.count}${g.unit}${BOUND[g.bound] ?? ''}`;
        rows.push({ ...base, target: g.object, goal, value: g.value ?? '', share: `${Math.round(g.share * 100)}%` });
      }
    }
  }
  await ctx.transaction(async (tx) =>
    tx.audit({
      action: 'work-plan.plan.exported',
      objectType: 'work-plan.plan',
      objectId: plan.id,
      orgId: plan.orgId,
      changes: { rows: rows.length },
    }),
  );
  const headers = COLUMNS[lang];
  return {
    filename: `${lang === 'en' ? 'work-plan-ledger' : '工作要点台账'}-${beijingDate(ctx.now())}.xlsx`,
    sheetName: lang === 'en' ? 'Ledger' : '台账',
    columns: Object.entries(headers).map(([key, header]) => ({
      key,
      header,
      width: key === 'task' || key === 'units' ? 36 : key === 'area' ? 28 : 14,
    })),
    rows: (async function* () {
      yield* rows;
    })(),
  };
}
