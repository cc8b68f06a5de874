import type { Target, TargetBound } from '../contract/parsed-plan.ts';

// Measure words that make a number a target. Longest first, so 人次 wins over 人.
const UNITS = [
  '人次',
  '个',
  '所',
  '堂',
  '门',
  '人',
  '名',
  '期',
  '项',
  '家',
  '套',
  '节',
  '册',
  '种',
  '间',
  '台',
  '条',
  '篇',
  '场',
  '批',
  '类',
  '份',
  '位',
  '班',
  '%',
];
// Units that follow what they count ("校长2000人"); the others precede it ("30个典型区域").
const COUNT_AFTER_OBJECT = new Set(['人', '人次', '名', '%']);
// Verbs that open the phrase naming what is counted; the object starts after the last one.
const VERBS = [
  '遴选出',
  '遴选',
  '组建',
  '新增',
  '新汇聚',
  '汇聚',
  '培训',
  '举办',
  '建设',
  '建立',
  '开通',
  '增设',
  '实现',
  '达到',
  '完成',
  '打造',
  '推出',
  '开设',
  '认定',
  '发布',
  '评选',
  '组织',
  '支持',
  '覆盖',
  '创建',
  '计划',
  '全年',
  '力争',
  '累计',
  '共',
];
// Words that end the object after a target: the next action, not part of the thing counted.
const OBJECT_STOPS = ['进行', '开展', '用于', '作为', '并', '以', '实现', '推动', '供'];
const CLAUSE_BREAK = /[，,。；;：:！？!?]/;

const PATTERN = new RegExp(
  '(约|不少于|不低于|至少|超过|不超过|达到)?' +
    String.raw`(?<![\dA-Za-z.第])(\d+(?:\.\d+)?)(?:\s*[-~～至到]\s*(\d+(?:\.\d+)?))?\s*(万|亿)?` +
    `(${UNITS.map((u) => u.replace('%', '%')).join('|')})` +
    '(以上|以下|以内|左右|余)?',
  'g',
);

const MULTIPLIER: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

function boundOf(prefix: string | undefined, suffix: string | undefined, isRange: boolean): TargetBound {
  if (isRange) return 'range';
  if (suffix === '以上' || suffix === '余' || prefix === '不少于' || prefix === '不低于' || prefix === '至少' || prefix === '超过')
    return 'at_least';
  if (suffix === '以下' || suffix === '以内' || prefix === '不超过') return 'at_most';
  if (suffix === '左右' || prefix === '约') return 'approximate';
  return 'exact';
}

/** The text after the last verb in `phrase` (the noun phrase being counted). */
function afterLastVerb(phrase: string): string {
  let cut = 0;
  for (const verb of VERBS) {
    const at = phrase.lastIndexOf(verb);
    if (at >= 0 && at + verb.length > cut) cut = at + verb.length;
  }
  return phrase.slice(cut);
}

function objectAfter(text: string, from: number): string {
  let rest = text.slice(from);
  const brk = rest.search(CLAUSE_BREAK);
  if (brk >= 0) rest = rest.slice(0, brk);
  // "…区域和200所优秀学校": another target begins after 和/及/、
  const next = rest.search(/(?:和|及|与|、)\s*(?:约|不少于)?\d/);
  if (next >= 0) rest = rest.slice(0, next);
  for (const stop of OBJECT_STOPS) {
    const at = rest.indexOf(stop);
    if (at > 0) rest = rest.slice(0, at);
  }
  return rest.trim();
}

function objectBefore(text: string, to: number): string {
  let head = text.slice(0, to);
  const breaks = [...head.matchAll(/[，,。；;：:、和及与]/g)];
  if (breaks.length) head = head.slice(breaks[breaks.length - 1].index! + 1);
  return afterLastVerb(head).trim();
}

/** The clause before this one ("开通实名制网络学习空间，计划新增1000万个" → 实名制网络学习空间). */
function objectOfPreviousClause(text: string, at: number): string {
  const head = text.slice(0, at);
  const clauses = head.split(CLAUSE_BREAK);
  clauses.pop();
  const previous = clauses.pop() ?? '';
  return afterLastVerb(previous).trim();
}

/** Every numeric target in a paragraph, in reading order. */
export function extractTargets(text: string): Target[] {
  const out: Target[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const [whole, prefix, first, second, multiplier, unit, suffix] = m;
    const start = m.index! + (prefix?.length ?? 0);
    const end = m.index! + whole.length;
    const following = text[end] ?? '';
    if (/[年月日届号]/.test(following) && !suffix) continue;
    const factor = multiplier ? MULTIPLIER[multiplier] : 1;
    const count = Number(first) * factor;
    const max = second ? Number(second) * factor : undefined;
    let object = COUNT_AFTER_OBJECT.has(unit) ? objectBefore(text, m.index!) : objectAfter(text, end);
    if (!object) object = COUNT_AFTER_OBJECT.has(unit) ? '' : objectOfPreviousClause(text, start);
    if (!object && COUNT_AFTER_OBJECT.has(unit)) object = afterLastVerb(text.slice(0, m.index!)).trim() || '人数';
    const sourceEnd = COUNT_AFTER_OBJECT.has(unit) ? end : end + (text.slice(end).startsWith(object) ? object.length : 0);
    out.push({
      count,
      ...(max === undefined ? {} : { max }),
      unit,
      object,
      bound: boundOf(prefix, suffix, max !== undefined),
      source: text.slice(COUNT_AFTER_OBJECT.has(unit) ? Math.max(0, start - object.length) : start, sourceEnd),
    });
  }
  return out;
}
