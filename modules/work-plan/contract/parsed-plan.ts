/** What the parser reads out of a 工作要点 document. Plain types: the parser is a pure function. */

export type TargetBound = 'exact' | 'at_least' | 'at_most' | 'approximate' | 'range';

export interface Target {
  /** The number, with 万/亿 applied: "1000万" → 10000000. For a range, its lower end. */
  count: number;
  /** The upper end of a range ("3至5所" → 5). */
  max?: number;
  /** The measure word: 个, 所, 堂, 门, 人, 期 … */
  unit: string;
  /** What is counted: "典型区域", "基础教育标杆学校", "网络学习空间". */
  object: string;
  bound: TargetBound;
  /** The words the target was read from, e.g. "20个以上单位". */
  source: string;
}

export interface PlanParagraph {
  text: string;
  /** The 责任单位 listed at the paragraph's end, in order (the first is the lead unit). */
  units: string[];
  targets: Target[];
}

export interface PlanTask {
  number: number;
  title: string;
  paragraphs: PlanParagraph[];
}

export interface PlanArea {
  ordinal: number;
  title: string;
  tasks: PlanTask[];
}

export interface PlanGoal {
  ordinal: number;
  /** The goal's first sentence. */
  title: string;
  text: string;
}

export interface ParsedPlan {
  title: string;
  year: number | null;
  issuer: string | null;
  approach: string;
  goals: PlanGoal[];
  areas: PlanArea[];
}

export interface ParseProblem {
  /** 1-based line in the text as given. */
  line: number;
  /** A code of `ParseProblems` in ./errors.ts; its words are in ../locales. */
  code: string;
  params: Record<string, unknown>;
}

export type ParseResult = { ok: true; plan: ParsedPlan; warnings: ParseProblem[] } | { ok: false; problems: ParseProblem[] };
