/** Helpers the funding rules share: where the `funding` key is, and how money and top-ups are described. */
import { isMap, isScalar } from 'yaml';
import type { Plan, Range, Severity } from '../../model.js';
import type { ResolvedConfig } from '../../config/types.js';
import { formatPence, type Costing } from '../../costing/cost.js';
import { planCosting, type PlanCosting } from '../../costing/plan-costing.js';
import { frontMatterRange } from '../util.js';

export { formatPence };

export function costingOf(plan: Plan, config: ResolvedConfig): PlanCosting {
  return planCosting(plan, config);
}

/** The range of the `funding` key in the front matter, or null when there is none. */
export function fundingKeyRange(plan: Plan): Range | null {
  const fm = plan.frontMatter;
  const contents = fm?.document?.contents;
  if (!fm || !isMap(contents)) return null;
  const pair = contents.items.find((item) => isScalar(item.key) && String(item.key.value) === 'funding');
  const key = pair?.key;
  if (!key || !isScalar(key) || !key.range) return null;
  return { start: plan.positionAt(fm.yamlOffset + key.range[0]), end: plan.positionAt(fm.yamlOffset + key.range[1]) };
}

/** The `funding` key, else the opening `---` (or the file's first line). */
export function fundingOrFrontMatter(plan: Plan): Range {
  return fundingKeyRange(plan) ?? frontMatterRange(plan);
}

const SETTING_WORDS: Record<string, string> = {
  'early-years': 'early-years',
  mainstream: 'mainstream',
  'resourced-provision': 'resourced-provision',
  special: 'special school',
  'independent-special': 'independent special school',
  'post-16': 'post-16',
  eotas: 'EOTAS',
};

/** "£13,215.00 a year less the £6,000.00 mainstream school contribution leaves a top-up of £7,215.00". */
export function describeTopUp(costing: Costing): string {
  const f = formatPence(costing.totals.bySection.F.annualPence);
  if (costing.topUpPence === null || costing.schoolContributionPence === null) return `Section F costs ${f} a year`;
  const setting = costing.settingType ? SETTING_WORDS[costing.settingType] ?? costing.settingType : '';
  return `Section F costs ${f} a year; less the ${formatPence(costing.schoolContributionPence)} ${setting} school contribution, the top-up is ${formatPence(costing.topUpPence)}`;
}

export function uncostedNote(costing: Costing): string {
  const n = costing.rows.filter((r) => !r.costed && r.section === 'F').length;
  if (n === 0) return '';
  return ` ${n} Section F row${n === 1 ? '' : 's'} could not be costed, so the true total may be higher.`;
}

/** Rows outside Section F do not change the education funding level: one step milder by default. */
export function severityFor(section: string, configured: Severity, defaultSeverity: Severity): Severity {
  if (section === 'F' || configured !== defaultSeverity) return configured;
  return configured === 'error' ? 'warning' : 'info';
}

export const SECTION_NAMES: Record<string, string> = { F: 'Section F', G: 'Section G', H1: 'Section H1', H2: 'Section H2' };
