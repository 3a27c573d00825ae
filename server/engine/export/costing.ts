/**
 * The costing annex's input. Kept small, display-oriented and plain so that the costing engine's result
 * (`server/engine/costing`, mapped by `costingSummaryFrom` in costing-source.ts) or any other source can
 * feed it. Money is integer pence: no floating point reaches the documents.
 */
export type CostingPayer = 'education' | 'health' | 'social-care';
export type CostingSection = 'F' | 'G' | 'H1' | 'H2';

export interface CostingSummaryRow {
  section: CostingSection;
  /** 1-based index of the row among its section's provision items. */
  index: number;
  /** Short text of the provision (what is provided). */
  provision: string;
  /** The rate matched from the Who cell, or null (e.g. costed from a Cost cell, or not costed). */
  rate: { label: string; pencePerHour: number } | null;
  /** Plain summary of the quantities, e.g. "3 × 30 min a week · 1:4". */
  quantity: string | null;
  /** Weeks a year for a weekly row, else null. */
  weeks: number | null;
  /** Annual cost in pence, or null when the row could not be costed. */
  annualPence: number | null;
  oneOffPence: number | null;
  /** Why the row could not be costed, in plain words. */
  uncostedReason: string | null;
}

export interface CostingSummary {
  currency: 'GBP';
  scheme: { id: string; name: string; illustrative: boolean } | null;
  rows: CostingSummaryRow[];
  totals: {
    /** Annual totals by payer, pence. */
    byPayer: Partial<Record<CostingPayer, number>>;
    annualPence: number;
    oneOffPence: number;
  };
  schoolContributionPence: number | null;
  topUpPence: number | null;
  declaredLevel: string | null;
  /** The level the top-up maps to (id and label), or null. */
  costedLevel: { id: string; label: string } | null;
  beyondScheme: boolean;
}

export const PAYER_LABELS: Record<CostingPayer, string> = {
  education: 'education (local authority)',
  health: 'health',
  'social-care': 'social care',
};

/** "£2,137.50" from integer pence, without Intl (identical output everywhere). */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.round(pence));
  const pounds = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** The annex as rows of text, shared by the PDF and HTML exporters. */
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
      'the provision written in the plan, not this costing, is what must be delivered.',
  ];
  if (c.scheme) intro.push(`Funding scheme: ${c.scheme.name} (${c.scheme.id})${c.scheme.illustrative ? ', with illustrative figures' : ''}.`);
  const rowHeader = ['Row', 'Provision', 'Rate', 'Quantity', 'Weeks', 'Annual cost', 'One-off'];
  const rows = c.rows.map((r) => [
    `${r.section}.${r.index}`,
    r.provision,
    r.rate ? `${r.rate.label}, ${formatPence(r.rate.pencePerHour)} an hour` : '–',
    r.quantity ?? '–',
    r.weeks === null ? '–' : String(r.weeks),
    r.annualPence === null ? `Not costed${r.uncostedReason ? `: ${r.uncostedReason}` : ''}` : formatPence(r.annualPence),
    r.oneOffPence ? formatPence(r.oneOffPence) : '–',
  ]);
  const totalsHeader = ['Total', 'Amount'];
  const totals: string[][] = [];
  for (const p of ['education', 'health', 'social-care'] as const) {
    const v = c.totals.byPayer[p];
    if (v !== undefined) totals.push([`Annual cost met by ${PAYER_LABELS[p]}`, formatPence(v)]);
  }
  totals.push(['Annual cost, all payers', formatPence(c.totals.annualPence)]);
  if (c.totals.oneOffPence) totals.push(['One-off costs', formatPence(c.totals.oneOffPence)]);
  if (c.schoolContributionPence !== null) totals.push(['Met by the setting before top-up (school contribution)', formatPence(c.schoolContributionPence)]);
  if (c.topUpPence !== null) totals.push(['Education top-up', formatPence(c.topUpPence)]);
  totals.push(['Funding level declared in the plan', c.declaredLevel ?? 'Not stated']);
  totals.push([
    'Funding level from this costing',
    c.costedLevel ? `${c.costedLevel.id} (${c.costedLevel.label})` : c.beyondScheme ? 'Beyond the top level of the scheme' : 'Not worked out',
  ]);
  const notes: string[] = [];
  const uncosted = c.rows.filter((r) => r.annualPence === null).length;
  if (uncosted) notes.push(`${uncosted} row${uncosted === 1 ? '' : 's'} could not be costed and add nothing to the totals.`);
  if (c.beyondScheme) notes.push('The education top-up is beyond the top level of the funding scheme.');
  if (c.declaredLevel && c.costedLevel && c.declaredLevel !== c.costedLevel.id)
    notes.push(`The level declared in the plan (${c.declaredLevel}) differs from the level this costing gives (${c.costedLevel.id}).`);
  return { intro, rowHeader, rows, totalsHeader, totals, notes };
}
