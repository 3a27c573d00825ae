/** Feeds the costing annex from the costing engine (`server/engine/costing`). */
import type { Plan } from '../model.js';
import type { ResolvedConfig } from '../config/types.js';
import { DEFAULT_CONFIG } from '../config/types.js';
import { planCosting, type Costing } from '../costing/index.js';
import type { CostingSummary } from './costing.js';

const MAX_PROVISION_CHARS = 160;

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_PROVISION_CHARS ? `${t.slice(0, MAX_PROVISION_CHARS - 1).trimEnd()}…` : t;
}

/** Maps the costing engine's result for a plan into the annex's summary. */
export function costingSummaryFrom(plan: Plan, costing: Costing): CostingSummary {
  const rows = costing.rows.map((r, i) => {
    const item = plan.provision[i];
    const provision = shorten(item?.fields.provision?.text ?? item?.text ?? `Row ${r.index}`);
    return {
      section: r.section,
      index: r.index,
      provision,
      rate: r.rate ? { label: r.rate.label, pencePerHour: r.rate.pencePerHour } : null,
      quantity: r.quantity,
      weeks: r.basis === 'weekly' ? r.weeks : null,
      annualPence: r.costed ? r.annualPence : null,
      oneOffPence: r.costed && r.oneOffPence ? r.oneOffPence : null,
      uncostedReason: r.costed ? null : (r.problem?.reason ?? null),
    };
  });
  const byPayer: CostingSummary['totals']['byPayer'] = {};
  for (const p of ['education', 'health', 'social-care'] as const) {
    if (costing.rows.some((r) => r.payer === p)) byPayer[p] = costing.totals.byPayer[p].annualPence;
  }
  return {
    currency: 'GBP',
    scheme: { id: costing.scheme.id, name: costing.scheme.name, illustrative: costing.scheme.illustrative },
    rows,
    totals: { byPayer, annualPence: costing.totals.all.annualPence, oneOffPence: costing.totals.all.oneOffPence },
    schoolContributionPence: costing.schoolContributionPence,
    topUpPence: costing.topUpPence,
    declaredLevel: costing.declaredLevel,
    costedLevel: costing.level ? { id: costing.level.id, label: costing.level.label } : null,
    beyondScheme: costing.levelStatus === 'beyond',
  };
}

export type CostingForExport = { ok: true; summary: CostingSummary } | { ok: false; message: string };

/** Costs a plan under the scheme it names (resolved like the linter does) and maps it for the annex. */
export function costingForExport(
  plan: Plan,
  planPath: string | null,
  config: Pick<ResolvedConfig, 'fundingSchemePaths'> = DEFAULT_CONFIG,
): CostingForExport {
  const outcome = planCosting(plan, config, { planPath });
  if (outcome.status === 'no-scheme') {
    return { ok: false, message: 'the plan names no funding scheme (`funding.scheme` in the front matter), so it cannot be costed.' };
  }
  if (outcome.status === 'scheme-error') return { ok: false, message: `funding scheme "${outcome.ref}": ${outcome.problem}` };
  return { ok: true, summary: costingSummaryFrom(plan, outcome.costing) };
}
