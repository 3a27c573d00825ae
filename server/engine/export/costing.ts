/**
 * The costing annex's input. Kept small and plain so that the costing engine's result (or the LSP
 * `CostingPlan`, which has the same shape plus a few fields) maps straight into it.
 *
 * Money is integer pence: no floating point reaches the documents.
 */
export type CostingPayer = 'education' | 'health' | 'social-care';
export type CostingSection = 'F' | 'G' | 'H1' | 'H2';

export interface CostingSummaryRow {
  section: CostingSection;
  /** 1-based index of the row among its section's provision items. */
  index: number;
  /** Short text of the provision. */
  provision: string;
  /** The rate matched from the Who cell, or null. */
  rate: { id: string; hourlyPence: number } | null;
  hoursPerWeek: number | null;
  weeks: number | null;
  /** Staff ÷ pupils from the ratio. */
  ratio: number | null;
  annualPence: number | null;
  oneOffPence: number | null;
  /** Readable arithmetic, e.g. "£75/h × 0.75 h/wk × 38 wk × 1/1 = £2,137.50". */
  arithmetic: string;
  uncostedReason: string | null;
}

export interface CostingSummary {
  currency: 'GBP';
  scheme: { id: string; name: string } | null;
  rows: CostingSummaryRow[];
  totals: {
    bySection: Partial<Record<CostingSection, number>>;
    byPayer: Partial<Record<CostingPayer, number>>;
    annualPence: number;
    oneOffPence: number;
  };
  topUpPence: number | null;
  schoolContributionPence: number | null;
  declaredLevel: string | null;
  costedLevel: string | null;
  beyondScheme: boolean;
}

export const PAYER_LABELS: Record<CostingPayer, string> = {
  education: 'Education (local authority SEN budget)',
  health: 'Health (integrated care board)',
  'social-care': 'Social care',
};

export const SECTION_PAYER: Record<CostingSection, CostingPayer> = {
  F: 'education',
  G: 'health',
  H1: 'social-care',
  H2: 'social-care',
};

/** "£2,137.50" from integer pence, without Intl (identical output everywhere). */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.round(pence));
  const pounds = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

function num(n: number | null, unit: string): string {
  if (n === null) return '–';
  const r = Math.round(n * 100) / 100;
  return `${r}${unit}`;
}

/** The annex as plain rows of text, shared by the PDF and HTML exporters. */
export interface CostingAnnexModel {
  intro: string[];
  rowHeader: string[];
  rows: string[][];
  totalsHeader: string[];
  totals: string[][];
  notes: string[];
}

export function costingAnnexModel(c: CostingSummary): CostingAnnexModel {
  const intro = [
    'This annex shows how the provision in Sections F, G, H1 and H2 has been costed. It is for information: ' +
      'the provision in the plan, not this costing, is what must be delivered.',
  ];
  if (c.scheme) intro.push(`Funding scheme: ${c.scheme.name} (${c.scheme.id}).`);
  const rowHeader = ['Section', 'Row', 'Provision', 'Rate', 'Hours a week', 'Weeks', 'Staff ratio', 'Annual cost', 'One-off'];
  const rows = c.rows.map((r) => [
    r.section,
    String(r.index),
    r.provision,
    r.rate ? `${r.rate.id} (${formatPence(r.rate.hourlyPence)}/h)` : '–',
    num(r.hoursPerWeek, ''),
    num(r.weeks, ''),
    num(r.ratio, ''),
    r.annualPence === null ? (r.oneOffPence === null ? `Not costed${r.uncostedReason ? `: ${r.uncostedReason}` : ''}` : '–') : formatPence(r.annualPence),
    r.oneOffPence === null ? '–' : formatPence(r.oneOffPence),
  ]);
  const totalsHeader = ['Total', 'Amount'];
  const totals: string[][] = [];
  for (const p of ['education', 'health', 'social-care'] as const) {
    const v = c.totals.byPayer[p];
    if (v !== undefined) totals.push([`Annual, ${PAYER_LABELS[p]}`, formatPence(v)]);
  }
  totals.push(['Annual, all payers', formatPence(c.totals.annualPence)]);
  if (c.totals.oneOffPence) totals.push(['One-off costs', formatPence(c.totals.oneOffPence)]);
  if (c.schoolContributionPence !== null) totals.push(['School contribution (met by the setting)', formatPence(c.schoolContributionPence)]);
  if (c.topUpPence !== null) totals.push(['Education top-up', formatPence(c.topUpPence)]);
  totals.push(['Funding level declared in the plan', c.declaredLevel ?? 'Not stated']);
  totals.push(['Funding level from the costing', c.costedLevel ?? (c.beyondScheme ? 'Beyond the scheme' : 'Not worked out')]);
  const notes: string[] = [];
  const uncosted = c.rows.filter((r) => r.annualPence === null && r.oneOffPence === null).length;
  if (uncosted) notes.push(`${uncosted} row(s) could not be costed and add nothing to the totals.`);
  if (c.beyondScheme) notes.push('The education top-up is beyond the top level of the funding scheme.');
  if (c.declaredLevel && c.costedLevel && c.declaredLevel !== c.costedLevel)
    notes.push(`The declared level (${c.declaredLevel}) differs from the costed level (${c.costedLevel}).`);
  return { intro, rowHeader, rows, totalsHeader, totals, notes };
}
