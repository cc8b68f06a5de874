/**
 * Selection at national scale: `selectWinners` (modules/campaigns/server/selection.ts) over N
 * 一师一优课 candidates from 31 provinces with the preset's rules (one per grade × subject ×
 * edition × node per province, one per teacher, a province cap), next to the baseline of the
 * same run: sorting the same candidates by score (what any selection must at least do).
 *
 *   node --import tsx bench/campaign-selection.bench.ts [--sizes 10000,100000,300000] [--rounds 5]
 *
 * Prints one line per size (median of the rounds) and writes bench/results/campaign-selection.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { selectWinners, type Candidate } from '../modules/campaigns/server/selection.ts';
import { PRESETS } from '../modules/campaigns/server/presets.ts';
import { seededRandom } from '../modules/campaigns/server/expert-assignment.ts';
import { RESULTS_DIR } from './bench-env.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000,300000' }, rounds: { type: 'string', default: '5' } },
});
const sizes = values.sizes!.split(',').map(Number);
const rounds = Number(values.rounds);
const rules = PRESETS.excellent_lesson.rules;
const form = Object.fromEntries(rules.form.map((f) => [f.key, f.options ?? []]));

function candidates(n: number): Candidate[] {
  const random = seededRandom(n);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    category: 'lesson',
    score: Math.round(random() * 4000) / 100 + 60,
    submittedAt: new Date(Date.UTC(2020, 4, 1) + Math.floor(random() * 30 * 86_400_000)).toISOString(),
    provinceId: `p${Math.floor(random() * 31)}`,
    values: {
      grade: pick(form.grade as string[]),
      subject: pick(form.subject as string[]),
      edition: pick(['人教版', '北师大版', '苏教版', '沪教版']),
      node: `第${Math.floor(random() * 60)}节`,
      applicant: `t${Math.floor(random() * n * 0.8)}`,
    },
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = [];
for (const n of sizes) {
  const list = candidates(n);
  const input = {
    candidates: list,
    categories: [{ code: 'lesson', quota: 24_800 }],
    uniqueness: rules.uniqueness,
    regionCaps: rules.regionCaps,
    minScore: rules.minScore,
  };
  const selectMs: number[] = [];
  const sortMs: number[] = [];
  let selected = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    [...list].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    sortMs.push(performance.now() - t);
    t = performance.now();
    selected = selectWinners(input).decisions.filter((d) => d.selected).length;
    selectMs.push(performance.now() - t);
  }
  const row = {
    candidates: n,
    selected,
    selectMs: Math.round(median(selectMs)),
    sortMs: Math.round(median(sortMs)),
    ratio: Math.round((median(selectMs) / median(sortMs)) * 10) / 10,
  };
  results.push(row);
  console.log(`${n} candidates: selection ${row.selectMs} ms (${selected} selected), score sort ${row.sortMs} ms, ratio ${row.ratio}×`);
}
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(
  join(RESULTS_DIR, 'campaign-selection.json'),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, rounds, results }, null, 2),
);
