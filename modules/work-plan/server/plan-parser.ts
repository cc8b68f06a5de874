import type { DomainError } from '#kernel';
import { ParseProblems } from '../contract/errors.ts';
import type { ParsedPlan, ParseProblem, ParseResult, PlanArea, PlanGoal, PlanParagraph, PlanTask } from '../contract/parsed-plan.ts';
import { parseChineseNumeral } from './chinese-numerals.ts';
import { extractTargets } from './target-extractor.ts';
import { normaliseLines } from './text-normalise.ts';

type Line = { line: number; text: string; display: string };

const CN = '[一二三四五六七八九十百零〇两]+';
const SECTION = new RegExp(
  `^(?:${CN}[、.]\\s*)?(工作思路|总体思路|指导思想|总体要求|核心目标|主要目标|工作目标|重点任务|主要任务|重点工作)[:：]?$`,
);
const AREA_PAREN = new RegExp(`^\\((${CN})\\)\\s*(.+)$`);
const AREA_COMMA = new RegExp(`^(${CN})、\\s*(.+)$`);
const TASK = /^(\d{1,3})\s*[.、]\s*(?!\d)(.+)$/;
const GOAL = new RegExp(`^(${CN})是(.+)$`);
const UNITS_AT_END = /[(]\s*(?:责任单位|牵头单位|责任部门)\s*[:：]\s*([^()]+)[)]\s*[。.]?$/;
const TITLE = /^(?:\d{4}年.*|.*[省市区县].*)(?:工作要点|工作计划)$/;

/** A problem or warning at a line: its code and params, worded by whoever shows it. */
const at = (line: number, found: DomainError): ParseProblem => ({ line, code: found.code, params: found.params });

const sectionKind = (name: string): 'approach' | 'goals' | 'tasks' =>
  /思路|指导思想|总体要求/.test(name) ? 'approach' : /目标/.test(name) ? 'goals' : 'tasks';

/** A line that ends a sentence or a units list is document text; a short line that doesn't is page chrome. */
const looksLikeChrome = (text: string) => text.length <= 20 && !/[。；;:)]$/.test(text);

export function splitUnits(list: string): string[] {
  return list
    .split(/[、,，;；]/)
    .map((u) => u.trim())
    .filter(Boolean);
}

function paragraphOf(l: Line): PlanParagraph {
  const m = UNITS_AT_END.exec(l.text);
  const body = m ? l.text.slice(0, m.index).trim() : l.text;
  return { text: l.display, units: m ? splitUnits(m[1]) : [], targets: extractTargets(body) };
}

function findBodyStart(lines: Line[]): number {
  const firstSection = lines.findIndex((l) => SECTION.test(l.text));
  if (firstSection < 0) return 0;
  for (let i = firstSection - 1; i >= 0 && i >= firstSection - 4; i--) if (TITLE.test(lines[i].text)) return i;
  return firstSection;
}

/**
 * Reads a 工作要点 document: title, year, issuer, 工作思路, core goals, areas, tasks, their
 * paragraphs with responsible units and numeric targets. A document whose structure cannot be
 * followed is refused with every problem's line and reason, never returned as half a plan.
 */
export function parsePlan(input: string): ParseResult {
  const lines = normaliseLines(input);
  const problems: ParseProblem[] = [];
  const warnings: ParseProblem[] = [];
  const start = findBodyStart(lines);
  const preamble = lines
    .slice(0, start)
    .map((l) => l.text)
    .join('\n');
  const body = lines.slice(start);

  const titleLine = body.find((l) => TITLE.test(l.text)) ?? lines.find((l) => /工作要点|工作计划/.test(l.text));
  const title = titleLine?.text ?? '';
  const year = Number(/(\d{4})年/.exec(title)?.[1] ?? NaN);
  const issuer =
    /([\u4e00-\u9fa5]{2,16}?(?:办公厅|教育厅|教育委员会|教育局|教育部))(?:近日|日前)?印发/.exec(
      preamble + body.map((l) => l.text).join('\n'),
    )?.[1] ?? null;

  let section: 'head' | 'approach' | 'goals' | 'tasks' = 'head';
  const approach: string[] = [];
  const goals: PlanGoal[] = [];
  const areas: PlanArea[] = [];
  let area: PlanArea | null = null;
  let task: PlanTask | null = null;
  let lastTaskNumber = 0;
  const problem = (l: Line, found: DomainError) => problems.push(at(l.line, found));
  const ignored = (l: Line) => warnings.push(at(l.line, ParseProblems.ignoredLine({ text: l.text })));

  for (const l of body) {
    const text = l.text;
    if (l === titleLine) continue;
    const s = SECTION.exec(text);
    if (s) {
      section = sectionKind(s[1]);
      continue;
    }
    if (section === 'head') continue;
    if (section === 'approach') {
      approach.push(l.display);
      continue;
    }
    if (section === 'goals') {
      const g = GOAL.exec(text);
      if (g) {
        const ordinal = parseChineseNumeral(g[1])!;
        if (ordinal !== goals.length + 1) problem(l, ParseProblems.goalNumbering({ expected: goals.length + 1, actual: g[1] }));
        goals.push({ ordinal, title: g[2].split('。')[0], text: l.display });
      } else if (goals.length > 0) goals[goals.length - 1].text += l.display;
      continue;
    }
    // section === 'tasks'
    const a = AREA_PAREN.exec(text) ?? (TASK.test(text) ? null : AREA_COMMA.exec(text));
    if (a && a[2].length <= 40 && !/[。；]$/.test(a[2])) {
      const ordinal = parseChineseNumeral(a[1])!;
      if (ordinal !== areas.length + 1) problem(l, ParseProblems.areaNumbering({ expected: areas.length + 1, actual: a[1] }));
      if (area && area.tasks.length === 0) problem(l, ParseProblems.emptyArea({ area: area.title }));
      area = { ordinal, title: a[2].trim(), tasks: [] };
      areas.push(area);
      task = null;
      continue;
    }
    const t = TASK.exec(text);
    if (t && t[2].length <= 40 && !/[。；]$/.test(t[2])) {
      const number = Number(t[1]);
      if (!area) {
        problem(l, ParseProblems.taskOutsideArea({ task: `${t[1]}.${t[2]}` }));
        continue;
      }
      const restart = area.tasks.length === 0 && number === 1;
      if (number !== lastTaskNumber + 1 && !restart)
        problem(l, ParseProblems.taskNumbering({ expected: lastTaskNumber + 1, actual: number }));
      if (task && task.paragraphs.length === 0) problem(l, ParseProblems.emptyTask({ number: task.number }));
      task = { number, title: t[2].trim(), paragraphs: [] };
      area.tasks.push(task);
      lastTaskNumber = number;
      continue;
    }
    if (!task) {
      if (looksLikeChrome(text)) ignored(l);
      else problem(l, ParseProblems.textOutsideTask());
      continue;
    }
    if (looksLikeChrome(text)) {
      ignored(l);
      continue;
    }
    task.paragraphs.push(paragraphOf(l));
  }

  if (!titleLine) problems.push(at(1, ParseProblems.noTitle()));
  if (areas.length === 0) problems.push(at(body[0]?.line ?? 1, ParseProblems.noTasks()));
  if (area && area.tasks.length === 0) problems.push(at(body.at(-1)?.line ?? 1, ParseProblems.emptyArea({ area: area.title })));
  if (task && task.paragraphs.length === 0) problems.push(at(body.at(-1)?.line ?? 1, ParseProblems.emptyTask({ number: task.number })));
  if (problems.length > 0) return { ok: false, problems: problems.sort((x, y) => x.line - y.line) };

  const plan: ParsedPlan = { title, year: Number.isFinite(year) ? year : null, issuer, approach: approach.join('\n'), goals, areas };
  return { ok: true, plan, warnings };
}
