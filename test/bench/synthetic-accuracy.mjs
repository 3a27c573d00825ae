#!/usr/bin/env node
// Scores `ehcp lint` against the ground truth of the synthetic caseload generator
// (../shared/bench/gen-corpus.mjs writes manifest.json listing each plan's injected defects).
// Plan-level: a defect counts as found when its rule reports anywhere in that plan; a clean plan
// must have no findings at all. Usage: node test/bench/synthetic-accuracy.mjs CORPUS_DIR [--as-of DATE]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const DEFECT_RULE = {
  'F:vague': 'provision-vague-phrase', 'F:vague-prose': 'provision-vague-phrase', 'G:vague': 'provision-vague-phrase',
  'F:example-list': 'provision-vague-phrase', 'F:universal-offer': 'provision-universal-offer',
  'F:missing-frequency': 'provision-missing-frequency', 'F:missing-duration': 'provision-missing-duration',
  'F:hedge': 'provision-hedge', 'F:open-range': 'provision-open-range', 'F:delegated-discretion': 'provision-delegated-discretion',
  'F:unilateral-change': 'provision-unilateral-change', 'F:unknown-outcome': 'provision-unknown-outcome',
  'F:missing-ratio': 'provision-missing-group-size', 'F:missing-who': 'provision-missing-deliverer',
  'F:missing-area': 'need-without-provision', 'F:funding-as-provision': 'provision-funding-as-provision',
  'B:missing-area': 'provision-without-need', 'E:vague-outcome': 'outcome-not-measurable', 'E:not-time-bound': 'outcome-not-time-bound',
  'E:outcome-is-provision': 'outcome-is-provision', 'E:no-pfa': 'pfa-outcome-missing', 'E:duplicate-id': 'outcome-id-duplicate',
  'E:outcome-without-provision': 'outcome-without-provision', 'structure:missing-section': 'section-missing',
  'structure:empty-section': 'section-empty', 'structure:single-H': 'section-h-not-split', 'K:missing-advice': 'advice-missing',
  'K:missing-date': 'advice-date-missing', 'I:named-in-draft': 'placement-named-in-draft', 'I:missing-placement': 'placement-missing-in-final',
  'J:inconsistent': 'personal-budget-inconsistent', 'G:none-despite-C': 'health-needs-without-provision',
  'H:none-despite-D': 'social-care-needs-without-provision', 'H1:over-18': 'h1-over-18', 'G:therapy-in-G': 'therapy-in-health-section',
  'dates:final-late': 'timescale-final-late', 'dates:decision-late': 'timescale-decision-late',
  'dates:consultation-short': 'timescale-consultation-short', 'dates:review-overdue': 'timescale-review-overdue',
  'dates:phase-transfer-late': 'timescale-phase-transfer', 'dates:review-interval>12m': 'timescale-next-review-late',
  'dates:review-interval>6m': 'timescale-next-review-late', 'frontmatter:missing': 'front-matter-valid|front-matter-incomplete',
  'frontmatter:invalid-date': 'front-matter-valid', 'frontmatter:bad-status': 'front-matter-valid',
  'frontmatter:date-not-iso': 'front-matter-valid', 'funding:level-mismatch': 'funding-level-mismatch',
  'funding:beyond-scheme': 'funding-beyond-scheme', 'funding:missing-level': 'funding-level-missing',
};

const dir = process.argv[2];
if (!dir) { console.error('usage: synthetic-accuracy.mjs CORPUS_DIR [--as-of DATE]'); process.exit(2); }
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const asOf = process.argv.includes('--as-of') ? process.argv[process.argv.indexOf('--as-of') + 1] : manifest.asOf;
const cli = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/ehcp.cjs');
let out;
try { out = execFileSync('node', [cli, 'lint', dir, '--format', 'json', '--as-of', asOf], { maxBuffer: 1 << 30 }).toString(); }
catch (e) { out = e.stdout.toString(); }
const report = JSON.parse(out);
const byFile = new Map(report.files.map((f) => [path.basename(f.path), f.diagnostics]));
const kinds = {}; const falseRules = {}; let cleanPlans = 0; let cleanWithFindings = 0; const examples = {};
for (const plan of manifest.plans) {
  const diags = byFile.get(plan.file) ?? [];
  const fired = new Set(diags.map((d) => d.rule));
  const expectedRules = new Set();
  for (const defect of plan.defects) {
    const kind = defect.split(':').slice(0, 2).join(':');
    const rule = DEFECT_RULE[kind] ?? `?${kind}`;
    for (const r of rule.split('|')) expectedRules.add(r);
    const k = (kinds[kind] ??= { found: 0, total: 0, rule });
    k.total++;
    if (rule.split('|').some((r) => fired.has(r))) k.found++;
    else (examples[kind] ??= []).push(plan.file);
  }
  if (plan.defects.length === 0) cleanPlans++;
  if (plan.defects.length === 0 && diags.length > 0) cleanWithFindings++;
  for (const d of diags) {
    if (expectedRules.has(d.rule)) continue;
    const r = (falseRules[d.rule] ??= { count: 0, plans: new Set(), sample: d.message, file: plan.file, line: d.line });
    r.count++; r.plans.add(plan.file);
  }
}
console.log(`plans ${manifest.plans.length}, clean ${cleanPlans}, clean plans with any finding: ${cleanWithFindings}`);
console.log('\nRecall by defect kind (plan level):');
for (const [kind, k] of Object.entries(kinds).sort()) console.log(`  ${(k.found / k.total).toFixed(2)}  ${String(k.found).padStart(4)}/${String(k.total).padEnd(4)} ${kind.padEnd(30)} → ${k.rule}${k.found < k.total ? `   e.g. ${examples[kind].slice(0, 3).join(' ')}` : ''}`);
console.log('\nFindings not explained by an injected defect (likely false positives):');
for (const [rule, r] of Object.entries(falseRules).sort((a, b) => b[1].count - a[1].count)) console.log(`  ${String(r.count).padStart(5)} in ${String(r.plans.size).padStart(4)} plans  ${rule}   e.g. ${r.file}:${r.line} ${r.sample.slice(0, 140)}`);
const found = Object.values(kinds).reduce((n, k) => n + k.found, 0); const total = Object.values(kinds).reduce((n, k) => n + k.total, 0);
console.log(`\nplan-level recall ${(found / total).toFixed(3)}; clean plans linting clean ${((cleanPlans - cleanWithFindings) / cleanPlans).toFixed(3)}`);
