/**
 * `ehcp funding PATHS --scheme A [--compare B]`: a caseload under one or two funding schemes — plans per
 * level, total spend, the rounding gap, and the plans whose level changes between the schemes.
 *
 * Plans are read, costed and dropped one at a time: only counters and the list of changed plans (file,
 * levels and amounts — never plan text) are kept, so a whole caseload never sits in memory.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../io.js';
import { ConfigError, parsePlan } from '../../engine/index.js';
import type { ResolvedConfig } from '../../engine/index.js';
import { discover, readPlanFile } from '../../engine/files.js';
import { costPlan, formatPence, type Costing } from '../../engine/costing/cost.js';
import type { FundingScheme } from '../../engine/costing/schemes.js';
import { configErrorText, configFor, schemeFromArg } from './cost.js';

export const FUNDING_USAGE = `Usage: ehcp funding PATHS... --scheme A [--compare B] [options]

Costs every plan in the files and folders given under scheme A (and B), and reports the caseload: plans
per level, total spend, the rounding gap (level amount less costed top-up), and with --compare the
plans whose level changes between A and B and by how much. Plans are costed under the schemes given,
whatever scheme they name themselves.

Options:
  --scheme <id|file>      the scheme to cost under (required)
  --compare <id|file>     a second scheme to compare with
  --format <table|json|csv>  report format (default: table)
  --config <file>         config naming the council's schemes (default: the nearest to the working folder)

Money in JSON and CSV is in integer pence. Exit codes: 0 done, 2 usage error, unknown scheme, invalid
config, or a file that could not be read.
`;

class UsageError extends Error {}

export interface SchemeSummary {
  scheme: { id: string; name: string; illustrative: boolean };
  /** Plans costed to a level, beyond the scheme, or not mappable (no setting type). */
  plans: number;
  /** Plans per level id, in the scheme's level order (levels with no plans included). */
  histogram: { level: string; amountPence: number; plans: number }[];
  beyond: number;
  noSettingType: number;
  /** Sum of the level amounts: what the scheme pays for the caseload a year. */
  totalSpendPence: number;
  /** Sum of the costed top-ups of the plans that map to a level. */
  totalTopUpPence: number;
  /** Sum of the top-ups of plans beyond the scheme (funded outside it). */
  beyondTopUpPence: number;
  /** Sum of (level amount − costed top-up) over the plans with a level. */
  roundingGapPence: number;
  meanRoundingGapPence: number | null;
  /** Section F rows across the caseload that could not be costed. */
  uncostedRows: number;
}

export interface LevelChange {
  file: string;
  from: string;
  to: string;
  fromAmountPence: number | null;
  toAmountPence: number | null;
  /** to − from, when both plans map to a level. */
  changePence: number | null;
}

export interface FundingReport {
  currency: 'GBP';
  files: number;
  plans: number;
  skipped: number;
  unreadable: number;
  schemes: SchemeSummary[];
  /** With --compare: plans whose level differs between the schemes. */
  changes: LevelChange[] | null;
  comparison: { up: number; down: number; same: number; netChangePence: number } | null;
}

class Tally {
  private readonly counts = new Map<string, number>();
  plans = 0;
  beyond = 0;
  noSettingType = 0;
  totalSpend = 0;
  totalTopUp = 0;
  beyondTopUp = 0;
  gap = 0;
  withLevel = 0;
  uncosted = 0;

  constructor(readonly scheme: FundingScheme) {}

  add(costing: Costing): void {
    this.plans++;
    this.uncosted += costing.rows.filter((r) => !r.costed && r.section === 'F').length;
    if (costing.levelStatus === 'unknown-setting') this.noSettingType++;
    else if (costing.levelStatus === 'beyond') {
      this.beyond++;
      this.beyondTopUp += costing.topUpPence ?? 0;
    } else if (costing.level) {
      this.counts.set(costing.level.id, (this.counts.get(costing.level.id) ?? 0) + 1);
      this.totalSpend += costing.level.amountPence;
      this.totalTopUp += costing.topUpPence ?? 0;
      this.gap += costing.roundingGapPence ?? 0;
      this.withLevel++;
    } else this.noSettingType++;
  }

  summary(): SchemeSummary {
    return {
      scheme: { id: this.scheme.id, name: this.scheme.name, illustrative: this.scheme.illustrative },
      plans: this.plans,
      histogram: this.scheme.levels.map((l) => ({ level: l.id, amountPence: l.amountPence, plans: this.counts.get(l.id) ?? 0 })),
      beyond: this.beyond,
      noSettingType: this.noSettingType,
      totalSpendPence: this.totalSpend,
      totalTopUpPence: this.totalTopUp,
      beyondTopUpPence: this.beyondTopUp,
      roundingGapPence: this.gap,
      meanRoundingGapPence: this.withLevel ? Math.round(this.gap / this.withLevel) : null,
      uncostedRows: this.uncosted,
    };
  }
}

function levelName(costing: Costing): string {
  if (costing.level) return costing.level.id;
  if (costing.levelStatus === 'beyond') return 'beyond';
  if (costing.levelStatus === 'below') return 'below';
  return 'no setting type';
}

/** Streams the files through the schemes and returns the aggregate report. */
export function fundingReport(
  files: { absolute: string; display: string }[],
  schemes: FundingScheme[],
  config: ResolvedConfig,
  onUnreadable: (display: string, message: string) => void,
): FundingReport {
  const tallies = schemes.map((s) => new Tally(s));
  const compare = schemes.length === 2;
  const changes: LevelChange[] = [];
  const comparison = { up: 0, down: 0, same: 0, netChangePence: 0 };
  let plans = 0;
  let skipped = 0;
  let unreadable = 0;
  for (const file of files) {
    const read = readPlanFile(file.absolute);
    if (!read.ok) {
      unreadable++;
      onUnreadable(file.display, read.message);
      continue;
    }
    const plan = parsePlan(read.text, { filePath: file.absolute, config });
    if (plan.planBy === null) {
      skipped++;
      continue;
    }
    plans++;
    const costings = schemes.map((s) => costPlan(plan, s));
    costings.forEach((c, i) => tallies[i]!.add(c));
    if (compare) {
      const [a, b] = costings as [Costing, Costing];
      const from = levelName(a);
      const to = levelName(b);
      const fromAmount = a.level?.amountPence ?? null;
      const toAmount = b.level?.amountPence ?? null;
      const change = fromAmount !== null && toAmount !== null ? toAmount - fromAmount : null;
      if (change !== null) {
        comparison.netChangePence += change;
        if (change > 0) comparison.up++;
        else if (change < 0) comparison.down++;
        else comparison.same++;
      }
      if (from !== to || (change !== null && change !== 0)) {
        changes.push({ file: file.display, from, to, fromAmountPence: fromAmount, toAmountPence: toAmount, changePence: change });
      }
    }
  }
  return {
    currency: 'GBP',
    files: files.length,
    plans,
    skipped,
    unreadable,
    schemes: tallies.map((t) => t.summary()),
    changes: compare ? changes : null,
    comparison: compare ? comparison : null,
  };
}

function signed(pence: number): string {
  return pence > 0 ? `+${formatPence(pence)}` : formatPence(pence);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padLeft(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

export function fundingTable(report: FundingReport): string {
  const out: string[] = [];
  out.push(`Caseload: ${report.plans} plan${report.plans === 1 ? '' : 's'} costed (${report.skipped} other Markdown file${report.skipped === 1 ? '' : 's'} skipped, ${report.unreadable} unreadable). Money in GBP a year.`);
  for (const [i, s] of report.schemes.entries()) {
    out.push('');
    out.push(`${i === 0 ? 'Scheme A' : 'Scheme B'}: ${s.scheme.id} (${s.scheme.name})${s.scheme.illustrative ? ' — ILLUSTRATIVE figures' : ''}`);
    out.push('  Plans per level');
    const used = s.histogram.filter((h) => h.plans > 0);
    const max = Math.max(1, ...used.map((h) => h.plans), s.beyond);
    const rows = s.histogram.length <= 12 ? s.histogram : used;
    for (const h of rows) {
      const bar = '#'.repeat(Math.max(h.plans ? 1 : 0, Math.round((h.plans / max) * 30)));
      out.push(`    ${pad(h.level, 8)}${padLeft(formatPence(h.amountPence), 12)}  ${padLeft(String(h.plans), 4)}  ${bar}`);
    }
    if (s.beyond) out.push(`    ${pad('beyond', 20)}  ${padLeft(String(s.beyond), 4)}  ${'#'.repeat(Math.max(1, Math.round((s.beyond / max) * 30)))}`);
    if (s.noSettingType) out.push(`    ${pad('no setting type', 20)}  ${padLeft(String(s.noSettingType), 4)}`);
    if (s.histogram.length > 12 && used.length < s.histogram.length) out.push(`    (${s.histogram.length - used.length} levels with no plans not shown)`);
    out.push(`  Total spend (level amounts):      ${formatPence(s.totalSpendPence)}`);
    out.push(`  Total costed top-up:              ${formatPence(s.totalTopUpPence)}`);
    out.push(`  Rounding gap (spend − top-up):    ${formatPence(s.roundingGapPence)}${s.meanRoundingGapPence !== null ? `, ${formatPence(s.meanRoundingGapPence)} a plan on average` : ''}`);
    if (s.beyond) out.push(`  Beyond the scheme: ${s.beyond} plan${s.beyond === 1 ? '' : 's'}, top-ups ${formatPence(s.beyondTopUpPence)} to be agreed outside it`);
    if (s.uncostedRows) out.push(`  Section F rows that could not be costed: ${s.uncostedRows} (totals may be too low; run \`ehcp lint\`)`);
  }
  if (report.changes && report.comparison && report.schemes.length === 2) {
    const [a, b] = report.schemes as [SchemeSummary, SchemeSummary];
    out.push('');
    out.push(`Plans whose level changes from ${a.scheme.id} to ${b.scheme.id}: ${report.changes.length}`);
    if (report.changes.length) {
      const width = Math.min(60, Math.max(4, ...report.changes.map((c) => c.file.length)));
      for (const c of report.changes) {
        const from = `${c.from}${c.fromAmountPence !== null ? ` (${formatPence(c.fromAmountPence)})` : ''}`;
        const to = `${c.to}${c.toAmountPence !== null ? ` (${formatPence(c.toAmountPence)})` : ''}`;
        out.push(`  ${pad(c.file, width)}  ${pad(from, 22)} → ${pad(to, 22)} ${c.changePence !== null ? padLeft(signed(c.changePence), 13) : ''}`.trimEnd());
      }
    }
    const cmp = report.comparison;
    const both = cmp.up + cmp.down + cmp.same;
    out.push(`  Of the ${both} plan${both === 1 ? '' : 's'} with a level under both schemes, funding goes up for ${cmp.up}, down for ${cmp.down} and stays the same for ${cmp.same}: a net change of ${signed(cmp.netChangePence)}.`);
    out.push(`  Total spend: ${formatPence(a.totalSpendPence)} under ${a.scheme.id}, ${formatPence(b.totalSpendPence)} under ${b.scheme.id} (${signed(b.totalSpendPence - a.totalSpendPence)}); plans beyond a scheme are not in its spend.`);
  }
  return `${out.join('\n')}\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // A text cell starting like a formula is prefixed with ' so spreadsheets show it as text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One long table: a `kind` column says what each row is (level, summary or change). */
export function fundingCsv(report: FundingReport): string {
  const header = ['kind', 'scheme', 'level', 'plans', 'amount_pence', 'total_spend_pence', 'total_top_up_pence', 'rounding_gap_pence', 'beyond', 'file', 'from_level', 'to_level', 'change_pence'];
  const rows: (string | number | null)[][] = [header];
  for (const s of report.schemes) {
    for (const h of s.histogram) rows.push(['level', s.scheme.id, h.level, h.plans, h.amountPence, null, null, null, null, null, null, null, null]);
    rows.push(['summary', s.scheme.id, null, s.plans, null, s.totalSpendPence, s.totalTopUpPence, s.roundingGapPence, s.beyond, null, null, null, null]);
  }
  for (const c of report.changes ?? []) rows.push(['change', null, null, null, null, null, null, null, null, c.file, c.from, c.to, c.changePence]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export const fundingCommand: CliCommand = async (args: string[], io: CliIo) => {
  let values: { scheme?: string; compare?: string; format?: string; config?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        scheme: { type: 'string', short: 's' },
        compare: { type: 'string' },
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
    if (values.help) {
      io.stdout(FUNDING_USAGE);
      return 0;
    }
    if (!values.scheme) throw new UsageError('--scheme is required: name the scheme to cost the caseload under.');
    if (positionals.length === 0) throw new UsageError('name the plans or folders to cost.');
    if (values.format && !['table', 'json', 'csv'].includes(values.format)) throw new UsageError(`--format must be table, json or csv, not "${values.format}".`);
  } catch (error) {
    io.stderr(`ehcp funding: ${error instanceof Error ? error.message : String(error)}\n\n${FUNDING_USAGE}`);
    return 2;
  }
  let config: ResolvedConfig;
  try {
    config = configFor(path.join(io.cwd, 'caseload'), values.config ?? null, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`ehcp funding: ${configErrorText(error, io.cwd)}\n`);
      return 2;
    }
    throw error;
  }
  const schemes: FundingScheme[] = [];
  for (const ref of [values.scheme, values.compare]) {
    if (ref === undefined) continue;
    const load = schemeFromArg(ref, config, io.cwd);
    if (!load.ok) {
      io.stderr(`ehcp funding: ${load.problem}\n`);
      return 2;
    }
    schemes.push(load.scheme);
  }
  const { files, problems } = discover(positionals, io.cwd);
  for (const problem of problems) io.stderr(`ehcp funding: ${problem.display}: ${problem.message}\n`);
  const report = fundingReport(files, schemes, config, (display, message) => io.stderr(`ehcp funding: ${display}: ${message}\n`));
  report.unreadable += problems.length;
  if (values.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.format === 'csv') io.stdout(fundingCsv(report));
  else io.stdout(fundingTable(report));
  return report.unreadable > 0 ? 2 : 0;
};
