import type { ParsedPlan } from '../contract/parsed-plan.ts';
import { toChineseNumeral } from './chinese-numerals.ts';

export interface RenderStyle {
  fullWidth: boolean;
  areaStyle: 'paren' | 'comma';
  sectionNumbers: boolean;
  chrome: boolean;
}

/**
 * Writes a plan back out as a 工作要点 document in the usual layout. Used by the property
 * tests (generate → render → parse must give the plan back) and by the printable export.
 */
export function renderPlan(
  plan: ParsedPlan,
  style: RenderStyle = { fullWidth: true, areaStyle: 'paren', sectionNumbers: false, chrome: false },
): string {
  const lp = style.fullWidth ? '（' : '(';
  const rp = style.fullWidth ? '）' : ')';
  const colon = style.fullWidth ? '：' : ':';
  const section = (n: number, name: string) => (style.sectionNumbers ? `${toChineseNumeral(n)}、${name}` : name);
  const out: string[] = [];
  if (style.chrome)
    out.push(
      '首页 > 政策法规',
      `${plan.title}`,
      '发布日期:2020.03.07    点击数:1024人',
      `日前，${plan.issuer ?? '教育部办公厅'}印发《${plan.title}》的通知。`,
      '',
    );
  out.push(plan.title, '', section(1, '工作思路'), plan.approach || '坚持稳中求进工作总基调。', '', section(2, '核心目标'));
  for (const g of plan.goals) out.push(g.text);
  out.push('', section(3, '重点任务'));
  for (const a of plan.areas) {
    out.push(
      '',
      style.areaStyle === 'paren' ? `${lp}${toChineseNumeral(a.ordinal)}${rp}${a.title}` : `${toChineseNumeral(a.ordinal)}、${a.title}`,
    );
    for (const t of a.tasks) {
      out.push('', `${t.number}.${t.title}`);
      for (const p of t.paragraphs) out.push(p.units.length ? `${p.text}${lp}责任单位${colon}${p.units.join('、')}${rp}` : p.text);
    }
  }
  if (style.chrome) out.push('', '联系我们', '返回主站', '新浪微博', '分享');
  return out.join('\n');
}
