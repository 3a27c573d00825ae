/** `ehcp cost PLAN`: the costing of one plan's provision, its totals by section and payer, top-up and level. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../io.js';
import { allRules, ConfigError, ConfigFinder, loadConfigFile, parsePlan } from '../../engine/index.js';
import type { ResolvedConfig } from '../../engine/index.js';
import { readPlanFile, displayPath } from '../../engine/files.js';
import { costPlan, formatPence, PAYERS, PROVISION_SECTIONS, type Costing, type CostRow } from '../../engine/costing/cost.js';
import { findScheme, type FundingScheme, type SchemeLoad } from '../../engine/costing/schemes.js';

export const COST_USAGE = `Usage: ehcp cost PLAN [options]

Costs each item of provision in a plan from the funding scheme's rate card (rate × hours × weeks × staff
÷ pupils, or the row's Cost cell), totals it by section and by who pays, takes off the school
contribution for the setting and maps the Section F top-up to a level of the scheme.

Options:
  --format <table|json>  report format (default: table)
  --scheme <id|file>     cost under this scheme instead of the one the plan names
  --config <file>        use this config file instead of the nearest .ehcprc.json/.yaml

Money in the JSON report is in integer pence, with "currency": "GBP".
Exit codes: 0 costed, 2 usage error, unreadable plan, invalid config or unknown scheme.
`;

class UsageError extends Error {}

/** The config for a file (or the working folder): --config if given, else the nearest config file. */
export function configFor(target: string, configArg: string | null, cwd: string): ResolvedConfig {
  const ruleIds = allRules.map((r) => r.meta.id);
  if (configArg) return loadConfigFile(path.resolve(cwd, configArg), ruleIds);
  return new ConfigFinder(ruleIds).configForPlan(target);
}

/** A scheme named on the command line: a path relative to the working folder, or an id. */
export function schemeFromArg(ref: string, config: ResolvedConfig, cwd: string): SchemeLoad {
  return findScheme(ref, { baseDir: cwd, config });
}

export function configErrorText(error: ConfigError, cwd: string): string {
  return `invalid config ${path.relative(cwd, error.file) || error.file}:${error.line}:${error.column}: ${error.problem}`;
}

const SECTION_PAYER: Record<string, string> = { F: 'education', G: 'health', H1: 'social care', H2: 'social care' };
const PAYER_WORDS: Record<string, string> = { education: 'Education', health: 'Health', 'social-care': 'Social care' };

function pounds(pencePerHour: number): string {
  return formatPence(pencePerHour);
}

/** "£75.00/h × 0.75 h a week × 38 weeks × 1:1" — the arithmetic of one row, in words and figures. */
export function rowFormula(row: CostRow): string {
  if (!row.costed) return 'not costed (see below)';
  if (row.method === 'cost-cell') return row.quantity ?? 'Cost cell';
  const rate = `${pounds(row.rate!.pencePerHour)}/h`;
  const ratio = `${row.staff}:${row.pupils}${row.ratioStated ? '' : ' (assumed)'}`;
  if (row.basis === 'weekly') return `${rate} × ${row.hours} h a week × ${row.weeks} weeks × ${ratio}`;
  if (row.basis === 'yearly') return `${rate} × ${row.hours} h a year × ${ratio}`;
  return `${rate} × ${row.hours} h one-off × ${ratio}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function padLeft(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

export function costTable(costing: Costing, display: string): string {
  const lines: string[] = [];
  const s = costing.scheme;
  lines.push(`Costing of ${display} under ${s.id} (${s.name})${s.illustrative ? ' — ILLUSTRATIVE figures, not a council\'s' : ''}`);
  lines.push(`Weekly rows run ${s.weeksPerYear} weeks a year unless the row says otherwise; money in GBP.`);
  lines.push('');
  const header = ['Row', 'Area', 'Rate', 'Rate × hours × weeks × ratio', 'Annual', 'One-off'];
  const body = costing.rows.map((row) => [
    `${row.section}.${row.index}`,
    row.area ?? '',
    row.rate?.label ?? (row.method === 'cost-cell' ? 'Cost cell' : '—'),
    rowFormula(row),
    row.costed && row.annualPence ? formatPence(row.annualPence) : row.costed ? '—' : '',
    row.costed && row.oneOffPence ? formatPence(row.oneOffPence) : row.costed ? '—' : '',
  ]);
  const widths = header.map((h, i) => Math.min(i === 3 ? 70 : 34, Math.max(h.length, ...body.map((b) => b[i]!.length))));
  const render = (cells: string[]): string =>
    cells.map((c, i) => (i >= 4 ? padLeft(c, widths[i]!) : pad(c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c, widths[i]!))).join('  ').trimEnd();
  if (body.length === 0) lines.push('The plan has no provision rows in Sections F, G, H1 or H2.');
  else {
    lines.push(render(header));
    lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const b of body) lines.push(render(b));
  }
  lines.push('');
  lines.push('Totals by section                 a year       one-off');
  for (const section of PROVISION_SECTIONS) {
    const t = costing.totals.bySection[section];
    lines.push(`  ${pad(`${section} (${SECTION_PAYER[section]})`, 24)}${padLeft(formatPence(t.annualPence), 14)}${padLeft(formatPence(t.oneOffPence), 14)}`);
  }
  lines.push('Totals by payer');
  for (const payer of PAYERS) {
    const t = costing.totals.byPayer[payer];
    lines.push(`  ${pad(PAYER_WORDS[payer]!, 24)}${padLeft(formatPence(t.annualPence), 14)}${padLeft(formatPence(t.oneOffPence), 14)}`);
  }
  lines.push(`  ${pad('All', 24)}${padLeft(formatPence(costing.totals.all.annualPence), 14)}${padLeft(formatPence(costing.totals.all.oneOffPence), 14)}`);
  lines.push('');
  if (costing.settingType === null || costing.schoolContributionPence === null || costing.topUpPence === null) {
    lines.push('Top-up: not worked out — the plan does not give its setting type (setting.type).');
  } else {
    lines.push(`Section F (education) a year: ${formatPence(costing.totals.bySection.F.annualPence)}`);
    lines.push(`School contribution (${costing.settingType}): ${formatPence(costing.schoolContributionPence)}`);
    lines.push(`Top-up: ${formatPence(costing.topUpPence)}`);
  }
  if (costing.levelStatus === 'level' && costing.level) {
    lines.push(`Level: ${costing.level.id} (${costing.level.label}, ${formatPence(costing.level.amountPence)}); rounding gap ${formatPence(costing.roundingGapPence ?? 0)}`);
  } else if (costing.levelStatus === 'beyond') {
    lines.push(`Level: beyond the scheme (above ${costing.topLevel.id}, ${formatPence(costing.topLevel.maxPence)})`);
  } else if (costing.levelStatus === 'below') {
    lines.push('Level: none (below the scheme\'s first level)');
  }
  const declared = costing.declaredLevel;
  const same = declared !== null && costing.level !== null && declared.toLowerCase() === costing.level.id.toLowerCase();
  lines.push(`Declared level: ${declared ?? 'none'}${declared === null ? '' : same ? ' (matches)' : ' (DIFFERS from the costed level)'}`);
  if (costing.uncostedCount > 0) {
    lines.push('');
    lines.push('Not costed:');
    for (const row of costing.rows) if (!row.costed) lines.push(`  ${row.section}.${row.index}: ${row.problem?.reason ?? 'unknown'}`);
    lines.push(`${costing.uncostedCount} row${costing.uncostedCount === 1 ? '' : 's'} could not be costed and add nothing to the totals; run \`ehcp lint\` for how to put them right.`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON report: money as integer pence, no plan text beyond area headings and quantities read. */
export function costJson(costing: Costing, display: string): object {
  return {
    file: display,
    scheme: { id: costing.scheme.id, name: costing.scheme.name, illustrative: costing.scheme.illustrative, mapping: costing.scheme.mapping, weeksPerYear: costing.scheme.weeksPerYear },
    currency: costing.currency,
    rows: costing.rows.map((row) => ({
      section: row.section,
      index: row.index,
      line: row.range.start.line,
      area: row.area,
      payer: row.payer,
      costed: row.costed,
      method: row.method,
      rate: row.rate ? { id: row.rate.id, label: row.rate.label, pencePerHour: row.rate.pencePerHour } : null,
      basis: row.basis,
      hours: row.hours,
      weeks: row.weeks,
      weeksStated: row.weeksStated,
      staff: row.staff,
      pupils: row.pupils,
      ratioStated: row.ratioStated,
      annualPence: row.annualPence,
      oneOffPence: row.oneOffPence,
      problem: row.problem,
    })),
    totals: costing.totals,
    settingType: costing.settingType,
    schoolContributionPence: costing.schoolContributionPence,
    topUp: costing.topUpPence,
    level: costing.level,
    levelStatus: costing.levelStatus,
    declaredLevel: costing.declaredLevel,
    roundingGapPence: costing.roundingGapPence,
    uncosted: costing.uncostedCount,
  };
}

export const costCommand: CliCommand = async (args: string[], io: CliIo) => {
  let values: { format?: string; scheme?: string; config?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string', short: 'f' }, scheme: { type: 'string', short: 's' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
    }));
    if (values.help) {
      io.stdout(COST_USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the plan to cost.' : 'cost one plan at a time (use `ehcp funding` for a caseload).');
    if (values.format && !['table', 'json'].includes(values.format)) throw new UsageError(`--format must be table or json, not "${values.format}".`);
  } catch (error) {
    io.stderr(`ehcp cost: ${error instanceof Error ? error.message : String(error)}\n\n${COST_USAGE}`);
    return 2;
  }
  const file = path.resolve(io.cwd, positionals[0]!);
  const display = displayPath(file, io.cwd);
  const read = readPlanFile(file);
  if (!read.ok) {
    io.stderr(`ehcp cost: ${display}: ${read.message}\n`);
    return 2;
  }
  let config: ResolvedConfig;
  try {
    config = configFor(file, values.config ?? null, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`ehcp cost: ${configErrorText(error, io.cwd)}\n`);
      return 2;
    }
    throw error;
  }
  const plan = parsePlan(read.text, { filePath: file, config });
  if (plan.planBy === null) {
    io.stderr(`ehcp cost: ${display} is not an EHCP plan (no \`ehcp:\` key in its front matter, and its name does not end in .ehcp.md).\n`);
    return 2;
  }
  let scheme: FundingScheme;
  if (values.scheme) {
    const load = schemeFromArg(values.scheme, config, io.cwd);
    if (!load.ok) {
      io.stderr(`ehcp cost: ${load.problem}\n`);
      return 2;
    }
    scheme = load.scheme;
  } else {
    const ref = plan.meta.fundingScheme?.value;
    if (ref === undefined) {
      io.stderr(`ehcp cost: ${display} does not name a funding scheme (\`funding.scheme\` in its front matter). Add one, or pass --scheme ID.\n`);
      return 2;
    }
    const load = findScheme(ref, { planPath: file, config });
    if (!load.ok) {
      io.stderr(`ehcp cost: ${display}: ${load.problem}\n`);
      return 2;
    }
    scheme = load.scheme;
  }
  const costing = costPlan(plan, scheme);
  if (values.format === 'json') io.stdout(`${JSON.stringify(costJson(costing, display), null, 2)}\n`);
  else io.stdout(costTable(costing, display));
  return 0;
};
