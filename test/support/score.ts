/**
 * Scores the labelled corpus: lints every plan in test/corpus with every rule and compares the findings
 * with the inline markers, per rule and overall (precision = TP / (TP + FP), recall = TP / (TP + FN)).
 */
import fs from 'node:fs';
import path from 'node:path';
import { allRules, ConfigFinder, lintText } from '../../server/engine/index.js';
import { compare, readAsOf, readExpectations } from './markers.js';

export const CORPUS_DIR = path.resolve('test/corpus');
export const CORPUS_AS_OF = '2026-11-01';

export interface RuleScore {
  ruleId: string;
  tp: number;
  fp: number;
  fn: number;
}

export interface CorpusScore {
  plans: number;
  cleanPlans: number;
  rules: RuleScore[];
  overall: { tp: number; fp: number; fn: number; precision: number; recall: number };
  /** Each disagreement, for the test's failure message. */
  disagreements: string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function scoreCorpus(dir = CORPUS_DIR): CorpusScore {
  const finder = new ConfigFinder(allRules.map((r) => r.meta.id));
  const scores = new Map<string, RuleScore>();
  const score = (id: string): RuleScore => {
    let s = scores.get(id);
    if (!s) scores.set(id, (s = { ruleId: id, tp: 0, fp: 0, fn: 0 }));
    return s;
  };
  const disagreements: string[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md' && f !== 'COSTING.md').sort();
  let clean = 0;
  for (const file of files) {
    const full = path.join(dir, file);
    const text = fs.readFileSync(full, 'utf8');
    const expected = readExpectations(text);
    if (expected.length === 0) clean++;
    const result = lintText(text, { filePath: full, config: finder.configForPlan(full), asOf: readAsOf(text, CORPUS_AS_OF) });
    const comparison = compare(result.findings, expected);
    for (const m of comparison.matched) score(m.ruleId).tp++;
    for (const f of comparison.unexpected) {
      score(f.ruleId).fp++;
      disagreements.push(`FP ${file}:${f.range.start.line} ${f.ruleId}: ${f.message}`);
    }
    for (const e of comparison.missing) {
      score(e.ruleId).fn++;
      disagreements.push(`FN ${file}:${e.line ?? 'file'} ${e.ruleId}`);
    }
  }
  const rules = [...scores.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  const tp = rules.reduce((n, r) => n + r.tp, 0);
  const fp = rules.reduce((n, r) => n + r.fp, 0);
  const fn = rules.reduce((n, r) => n + r.fn, 0);
  return { plans: files.length, cleanPlans: clean, rules, overall: { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) }, disagreements };
}

export function scoreTable(score: CorpusScore): string {
  const pct = (x: number): string => x.toFixed(2);
  const rows = score.rules.map((r) => `| ${r.ruleId} | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(ratio(r.tp, r.tp + r.fp))} | ${pct(ratio(r.tp, r.tp + r.fn))} |`);
  const o = score.overall;
  return [
    '| Rule | TP | FP | FN | Precision | Recall |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    `| **Overall** | **${o.tp}** | **${o.fp}** | **${o.fn}** | **${pct(o.precision)}** | **${pct(o.recall)}** |`,
  ].join('\n');
}
