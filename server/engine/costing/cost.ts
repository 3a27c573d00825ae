/**
 * Costing a plan's provision against a funding scheme.
 *
 * Each row: rate (pence an hour) × hours (a week, a year or in total) × weeks (weekly rows) × staff ÷ pupils,
 * or the row's Cost cell. The arithmetic is exact (fractions of bigints); each row is rounded ONCE, to the
 * nearest penny with halves rounded up, and every total is the sum of the rounded rows, so totals always add
 * up to the penny. One-off amounts are kept apart from annual ones and never count towards the top-up.
 *
 * The funding level is set by the Section F (education) annual total alone: top-up = max(0, F total − the
 * school contribution for the plan's setting type), mapped to a level of the scheme. G (health) and H1/H2
 * (social care) are totalled for their payers.
 */
import type { Plan, ProvisionItem, ProvisionSection, Range, SettingType } from '../model.js';
import { readCostCell, readQuantities, type QuantityBasis, type QuantityInput } from './quantities.js';
import { matchDeliverer } from './rates.js';
import { mapToLevel, type FundingScheme, type SchemeLevel } from './schemes.js';
import { div, mul, rat, roundHalfUp, toDisplay, type Rational } from './rational.js';

export type Payer = 'education' | 'health' | 'social-care';
export const PROVISION_SECTIONS: readonly ProvisionSection[] = ['F', 'G', 'H1', 'H2'];
export const PAYERS: readonly Payer[] = ['education', 'health', 'social-care'];
export const PAYER_OF: Record<ProvisionSection, Payer> = { F: 'education', G: 'health', H1: 'social-care', H2: 'social-care' };

export type CostProblemKind = 'no-who' | 'no-rate' | 'rate-tie' | 'unreadable-quantity' | 'unreadable-cost';

export interface CostRow {
  section: ProvisionSection;
  /** 1-based index among the section's provision items. */
  index: number;
  /** The area-of-need heading the row sits under (a heading, never plan prose), or null. */
  area: string | null;
  form: ProvisionItem['form'];
  range: Range;
  payer: Payer;
  costed: boolean;
  /** How the row was costed: from the rate card, or from its Cost cell. */
  method: 'rate' | 'cost-cell' | null;
  rate: { id: string; label: string; pencePerHour: number; phrase: string } | null;
  basis: QuantityBasis | null;
  /** Hours of staff time a week (weekly), a year (yearly) or in total (one-off), for display. */
  hours: string | null;
  /** Weeks a year applied to a weekly row (the row's own, or the scheme's), else null. */
  weeks: number | null;
  weeksStated: boolean;
  staff: number | null;
  pupils: number | null;
  ratioStated: boolean;
  /** Plain summary of the quantities read: "3 × 30 min a week · 1:1". */
  quantity: string | null;
  annualPence: number;
  oneOffPence: number;
  problem: { kind: CostProblemKind; reason: string } | null;
}

export interface Totals {
  annualPence: number;
  oneOffPence: number;
}

export interface LevelRef {
  id: string;
  label: string;
  amountPence: number;
}

export interface Costing {
  scheme: { id: string; name: string; illustrative: boolean; mapping: FundingScheme['mapping']; origin: string; weeksPerYear: number };
  currency: 'GBP';
  rows: CostRow[];
  totals: {
    bySection: Record<ProvisionSection, Totals>;
    byPayer: Record<Payer, Totals>;
    all: Totals;
  };
  settingType: SettingType | null;
  schoolContributionPence: number | null;
  /** max(0, Section F annual total − school contribution); null when the setting type is unknown. */
  topUpPence: number | null;
  /** 'level': mapped; 'beyond': above the scheme's top; 'below': under its first band; 'unknown-setting': no setting type. */
  levelStatus: 'level' | 'beyond' | 'below' | 'unknown-setting';
  level: LevelRef | null;
  topLevel: LevelRef & { maxPence: number };
  declaredLevel: string | null;
  /** Level amount − top-up (what rounding to a level adds); null without a level. */
  roundingGapPence: number | null;
  uncostedCount: number;
}

const EMPTY = /^\s*(?:|-|–|—|n\/?a|none|nil|tbc|£?0(?:\.00)?)\s*$/i;

function levelRef(level: SchemeLevel): LevelRef {
  return { id: level.id, label: level.label, amountPence: level.amountPence };
}

/** The text naming who delivers a row: the Who cell, or for a bullet the phrase found (else the bullet). */
function whoTexts(item: ProvisionItem): string[] {
  const who = item.fields.who?.text.trim();
  if (item.form === 'table-row') return who ? [who] : [];
  return who ? [who, item.text] : [item.text];
}

function quantityInputs(item: ProvisionItem): QuantityInput[] {
  if (item.form !== 'table-row') return bulletInputs(item);
  const inputs: QuantityInput[] = [];
  for (const cell of item.cells) {
    if (cell.field === 'frequency' || cell.field === 'duration' || cell.field === 'ratio' || cell.field === 'weeks') {
      inputs.push({ text: cell.span.text, field: cell.field, header: cell.header });
    }
  }
  if (!item.fields.frequency && !item.fields.duration && item.fields.provision) {
    inputs.push({ text: item.fields.provision.text, field: 'text' });
  }
  return inputs;
}

/**
 * A bullet is read from the phrases the parser found for how often and how long (a sentence may mention
 * other times, "a 1-minute probe and a daily chart"), with its ratio and weeks; from the whole sentence
 * only when no timing phrase was found.
 */
function bulletInputs(item: ProvisionItem): QuantityInput[] {
  const { frequency, duration, ratio, weeks } = item.fields;
  if (!frequency && !duration) return [{ text: item.text, field: 'text' }];
  const inputs: QuantityInput[] = [];
  if (frequency && duration && frequency.range.start.offset === duration.range.start.offset) inputs.push({ text: frequency.text, field: 'text' });
  else {
    if (frequency) inputs.push({ text: frequency.text, field: 'frequency' });
    if (duration) inputs.push({ text: duration.text, field: 'duration' });
  }
  if (ratio) inputs.push({ text: ratio.text, field: 'ratio' });
  if (weeks) inputs.push({ text: weeks.text, field: 'weeks' });
  return inputs;
}

function weeksOf(item: ProvisionItem): number | null {
  const text = item.fields.weeks?.text;
  if (!text) return null;
  const reading = readQuantities([{ text, field: 'weeks' }, { text: '1 hour a week' }]);
  return reading.ok ? reading.quantity.weeks : null;
}

const hoursText = (minutes: Rational): string => toDisplay(div(minutes, rat(60)), 2);

/** Costs one provision item. Exported for the editor's hover and code lens. */
export function costItem(item: ProvisionItem, scheme: FundingScheme): CostRow {
  const row: CostRow = {
    section: item.section,
    index: item.index,
    area: item.area?.name ?? null,
    form: item.form,
    range: item.range,
    payer: PAYER_OF[item.section],
    costed: false,
    method: null,
    rate: null,
    basis: null,
    hours: null,
    weeks: null,
    weeksStated: false,
    staff: null,
    pupils: null,
    ratioStated: false,
    quantity: null,
    annualPence: 0,
    oneOffPence: 0,
    problem: null,
  };

  const costText = item.fields.cost?.text;
  const costCell = costText !== undefined && !EMPTY.test(costText) ? costText : null;
  /** Costs the row from its Cost cell (used when no rate can cost it). */
  const fromCostCell = (text: string): CostRow => {
    const cell = readCostCell(text);
    if (!cell.ok) {
      row.problem = { kind: 'unreadable-cost', reason: cell.reason };
      return row;
    }
    row.problem = null;
    row.method = 'cost-cell';
    row.costed = true;
    if (cell.basis === 'one-off') {
      row.basis = 'one-off';
      row.oneOffPence = Number(cell.pence);
    } else if (cell.basis === 'annual') {
      row.basis = 'yearly';
      row.annualPence = Number(cell.pence);
    } else {
      const stated = weeksOf(item);
      row.basis = 'weekly';
      row.weeks = stated ?? scheme.weeksPerYear;
      row.weeksStated = stated !== null;
      row.annualPence = Number(cell.pence * BigInt(row.weeks));
    }
    row.quantity = `Cost cell: ${text.trim()}`;
    return row;
  };

  const texts = whoTexts(item);
  let match = null;
  let tie: string[] | null = null;
  for (const text of texts) {
    const result = matchDeliverer(text, scheme.rates);
    if (result.ok) {
      match = result.match;
      break;
    }
    if (result.reason === 'tie' && !tie) tie = result.candidates.map((c) => c.label);
  }
  if (!match) {
    if (costCell !== null) return fromCostCell(costCell);
    if (texts.length === 0) row.problem = { kind: 'no-who', reason: 'it does not say who delivers it, and it has no Cost cell' };
    else if (tie) row.problem = { kind: 'rate-tie', reason: `who delivers it matches more than one rate equally (${tie.join(', ')})` };
    else row.problem = { kind: 'no-rate', reason: `who delivers it matches no rate in the scheme \`${scheme.id}\`` };
    return row;
  }
  row.rate = { id: match.rate.id, label: match.rate.label, pencePerHour: match.rate.pencePerHour, phrase: match.phrase };
  row.method = 'rate';

  const reading = readQuantities(quantityInputs(item));
  if (!reading.ok) {
    // A row whose time cannot be read but that carries a Cost cell (equipment, a package) is costed from it.
    if (costCell !== null && readCostCell(costCell).ok) {
      row.rate = null;
      return fromCostCell(costCell);
    }
    row.problem = { kind: 'unreadable-quantity', reason: reading.reason };
    return row;
  }
  const q = reading.quantity;
  row.basis = q.basis;
  row.staff = q.staff;
  row.pupils = q.pupils;
  row.ratioStated = q.ratioStated;
  row.hours = hoursText(q.minutes);
  row.quantity = q.summary;
  // pence = pencePerHour × minutes / 60 × weeks × staff / pupils, rounded once.
  let exact = mul(rat(BigInt(match.rate.pencePerHour)), div(q.minutes, rat(60)));
  if (q.basis === 'weekly') {
    row.weeks = q.weeks ?? scheme.weeksPerYear;
    row.weeksStated = q.weeks !== null;
    exact = mul(exact, rat(row.weeks));
  }
  exact = mul(exact, rat(q.staff, q.pupils));
  const pence = Number(roundHalfUp(exact));
  if (q.basis === 'one-off') row.oneOffPence = pence;
  else row.annualPence = pence;
  row.costed = true;
  return row;
}

function zero(): Totals {
  return { annualPence: 0, oneOffPence: 0 };
}

/** Costs every provision item of a plan and maps the education top-up to the scheme's levels. */
export function costPlan(plan: Plan, scheme: FundingScheme): Costing {
  const rows = plan.provision.map((item) => costItem(item, scheme));
  const bySection = { F: zero(), G: zero(), H1: zero(), H2: zero() } as Record<ProvisionSection, Totals>;
  const byPayer = { education: zero(), health: zero(), 'social-care': zero() } as Record<Payer, Totals>;
  const all = zero();
  for (const row of rows) {
    for (const t of [bySection[row.section], byPayer[row.payer], all]) {
      t.annualPence += row.annualPence;
      t.oneOffPence += row.oneOffPence;
    }
  }
  const settingType = plan.meta.settingType?.value ?? null;
  const contribution = settingType ? scheme.schoolContributionPence[settingType] : null;
  const topUp = contribution === null ? null : Math.max(0, bySection.F.annualPence - contribution);
  const top = scheme.levels[scheme.levels.length - 1]!;
  let levelStatus: Costing['levelStatus'] = 'unknown-setting';
  let level: LevelRef | null = null;
  if (topUp !== null) {
    const mapped = mapToLevel(scheme, topUp);
    levelStatus = mapped.kind;
    if (mapped.kind === 'level') level = levelRef(mapped.level);
  }
  return {
    scheme: { id: scheme.id, name: scheme.name, illustrative: scheme.illustrative, mapping: scheme.mapping, origin: scheme.origin, weeksPerYear: scheme.weeksPerYear },
    currency: 'GBP',
    rows,
    totals: { bySection, byPayer, all },
    settingType,
    schoolContributionPence: contribution,
    topUpPence: topUp,
    levelStatus,
    level,
    topLevel: { ...levelRef(top), maxPence: top.maxPence },
    declaredLevel: plan.meta.fundingLevel?.value ?? null,
    roundingGapPence: level && topUp !== null ? level.amountPence - topUp : null,
    uncostedCount: rows.filter((r) => !r.costed).length,
  };
}

/** "£1,234.56" from integer pence. */
export function formatPence(pence: number): string {
  const negative = pence < 0;
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  const p = String(abs % 100).padStart(2, '0');
  return `${negative ? '−' : ''}£${pounds}.${p}`;
}

/** The weeks basis of a plan's weekly rows: the most common weeks a year and the first row that differs. */
export function weeksBasis(costing: Costing): { mode: number; first: CostRow | null; distinct: number[] } | null {
  const weekly = costing.rows.filter((r) => r.costed && r.basis === 'weekly' && r.weeks !== null);
  if (weekly.length === 0) return null;
  const counts = new Map<number, number>();
  for (const r of weekly) counts.set(r.weeks!, (counts.get(r.weeks!) ?? 0) + 1);
  const max = Math.max(...counts.values());
  const tied = [...counts.keys()].filter((w) => counts.get(w) === max);
  const mode = tied.includes(costing.scheme.weeksPerYear) ? costing.scheme.weeksPerYear : weekly.find((r) => tied.includes(r.weeks!))!.weeks!;
  const first = weekly.find((r) => r.weeks !== mode) ?? null;
  return { mode, first, distinct: [...counts.keys()].sort((a, b) => a - b) };
}
