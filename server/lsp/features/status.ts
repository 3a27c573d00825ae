/** The language status item's data and the costing breakdown (custom requests in protocol.ts). */
import type { Analysis } from '../analysis.js';
import { formatPence, type CostingPlan, type CostingRowResult, type PlanStatusPlan } from '../protocol.js';

export function planStatus(analysis: Analysis): PlanStatusPlan {
  const { plan, findings } = analysis.result;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const costing = analysis.costing();
  const c = costing.status === 'costed' ? costing.costing : null;
  return {
    isPlan: true,
    planBy: plan.planBy ?? 'front-matter',
    status: plan.meta.status?.value ?? null,
    childName: plan.meta.preferredName?.value ?? plan.meta.childName?.value ?? null,
    scheme: schemeInfo(analysis),
    educationTotalPence: c ? c.totals.bySection.F.annualPence : null,
    topUpPence: c?.topUpPence ?? null,
    currency: 'GBP',
    declaredLevel: plan.meta.fundingLevel?.value ?? null,
    costedLevel: c?.level?.id ?? null,
    uncostedRows: c?.uncostedCount ?? 0,
    findings: counts,
  };
}

function schemeInfo(analysis: Analysis): PlanStatusPlan['scheme'] {
  const costing = analysis.costing();
  if (costing.status === 'costed') return { id: costing.scheme.id, name: costing.scheme.name, known: true };
  if (costing.status === 'scheme-error') return { id: costing.ref, name: costing.ref, known: false };
  return null;
}

const ZERO = { annualPence: 0, oneOffPence: 0 };

export function costingResult(analysis: Analysis): CostingPlan {
  const costing = analysis.costing();
  const plan = analysis.result.plan;
  const declaredLevel = plan.meta.fundingLevel?.value ?? null;
  if (costing.status !== 'costed') {
    return {
      isPlan: true,
      currency: 'GBP',
      scheme: null,
      reason: costing.status === 'scheme-error' ? costing.problem : 'The plan names no funding scheme (`funding.scheme` in the front matter), so it cannot be costed.',
      rows: [],
      totals: { bySection: { F: ZERO, G: ZERO, H1: ZERO, H2: ZERO }, byPayer: { education: ZERO, health: ZERO, 'social-care': ZERO }, all: ZERO },
      settingType: plan.meta.settingType?.value ?? null,
      schoolContributionPence: null,
      topUpPence: null,
      levelStatus: 'no-scheme',
      level: null,
      declaredLevel,
      roundingGapPence: null,
      uncostedCount: 0,
    };
  }
  const c = costing.costing;
  const rows: CostingRowResult[] = c.rows.map((row) => {
    const item = plan.provision.find((p) => p.section === row.section && p.index === row.index);
    const text = item?.fields.provision?.text ?? item?.text ?? '';
    return {
      section: row.section,
      index: row.index,
      line: row.range.start.line - 1,
      area: row.area,
      provision: text.length > 70 ? `${text.slice(0, 69)}…` : text,
      payer: row.payer,
      costed: row.costed,
      method: row.method,
      rate: row.rate ? { id: row.rate.id, label: row.rate.label, pencePerHour: row.rate.pencePerHour } : null,
      hours: row.hours,
      weeks: row.weeks,
      staff: row.staff,
      pupils: row.pupils,
      quantity: row.quantity,
      annualPence: row.annualPence,
      oneOffPence: row.oneOffPence,
      arithmetic: arithmeticOf(row),
      problem: row.problem,
    };
  });
  return {
    isPlan: true,
    currency: 'GBP',
    scheme: { id: c.scheme.id, name: c.scheme.name, illustrative: c.scheme.illustrative },
    reason: null,
    rows,
    totals: c.totals,
    settingType: c.settingType,
    schoolContributionPence: c.schoolContributionPence,
    topUpPence: c.topUpPence,
    levelStatus: c.levelStatus,
    level: c.level,
    declaredLevel: c.declaredLevel,
    roundingGapPence: c.roundingGapPence,
    uncostedCount: c.uncostedCount,
    markdown: markdownOf(rows, c),
  };
}

type EngineCosting = Extract<ReturnType<Analysis['costing']>, { status: 'costed' }>['costing'];
type EngineRow = EngineCosting['rows'][number];

/** "£75.00/h × 0.75 h/wk × 38 wk × 1/1 = £2,137.50", or why the row is not costed. */
export function arithmeticOf(row: EngineRow): string {
  if (!row.costed) return `not costed: ${row.problem?.reason ?? 'unknown reason'}`;
  const amount = formatPence(row.annualPence || row.oneOffPence);
  if (row.method !== 'rate' || !row.rate) return `Cost cell = ${amount}`;
  const per = row.basis === 'weekly' ? `/wk × ${row.weeks} wk` : row.basis === 'yearly' ? '/yr' : ' in total';
  const share = row.staff !== null && row.pupils !== null ? ` × ${row.staff}/${row.pupils}` : '';
  return `${formatPence(row.rate.pencePerHour)}/h × ${row.hours} h${per}${share} = ${amount}`;
}

function markdownOf(rows: CostingRowResult[], c: EngineCosting): string {
  const table = [
    '| Section | Row | Provision | Arithmetic |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.section} | ${r.index} | ${r.provision.replace(/\|/g, '\\|')} | ${r.arithmetic.replace(/\|/g, '\\|')} |`),
  ].join('\n');
  const payers = `**Education (F):** ${formatPence(c.totals.byPayer.education.annualPence)} · **Health (G):** ${formatPence(c.totals.byPayer.health.annualPence)} · **Social care (H1/H2):** ${formatPence(c.totals.byPayer['social-care'].annualPence)}${c.totals.all.oneOffPence ? ` · one-off ${formatPence(c.totals.all.oneOffPence)}` : ''}`;
  const level = c.level?.id ?? (c.levelStatus === 'beyond' ? 'beyond the scheme' : 'none');
  return `${table}\n\n${payers}\n\n**Top-up:** ${c.topUpPence === null ? 'unknown' : formatPence(c.topUpPence)} · **Level:** ${level} · **Declared:** ${c.declaredLevel ?? 'none'} (${c.scheme.name})`;
}
