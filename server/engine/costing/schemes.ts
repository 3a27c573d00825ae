/**
 * Funding schemes: loading and validating scheme files (JSON or YAML, against
 * schemas/funding-scheme.schema.json), the bundled sample schemes, finding the scheme a plan names, and
 * mapping a costed top-up to a level.
 *
 * All money inside a loaded scheme is in integer pence (the file is in pounds with at most two decimals).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { SettingType } from '../model.js';
import type { ResolvedConfig } from '../config/types.js';
import { compileSchema, explainErrors, dotted } from '../schema/explain.js';
import schemaJson from '../../../schemas/funding-scheme.schema.json' with { type: 'json' };
import bandedJson from '../../../templates/funding/example-banded.json' with { type: 'json' };
import incrementalJson from '../../../templates/funding/example-incremental.json' with { type: 'json' };

export const SETTING_TYPES: readonly SettingType[] = [
  'early-years', 'mainstream', 'resourced-provision', 'special', 'independent-special', 'post-16', 'eotas',
];

export type LevelMappingRule = 'ceiling' | 'nearest';

export interface SchemeRate {
  id: string;
  label: string;
  pencePerHour: number;
  phrases: string[];
}

export interface SchemeLevel {
  id: string;
  label: string;
  /** 0-based position in ascending order. */
  index: number;
  /** Lowest and highest top-up the level covers, in pence a year. */
  minPence: number;
  maxPence: number;
  /** What the level pays, in pence a year. */
  amountPence: number;
}

export interface FundingScheme {
  id: string;
  name: string;
  currency: 'GBP';
  weeksPerYear: number;
  source: string;
  date: string;
  illustrative: boolean;
  note: string | null;
  mapping: LevelMappingRule;
  levelKind: 'banded' | 'incremental';
  /** Every level in ascending order (incremental levels expanded). */
  levels: SchemeLevel[];
  schoolContributionPence: Record<SettingType, number>;
  rates: SchemeRate[];
  /** 'bundled', or the absolute path of the file it was read from. */
  origin: string;
}

export type SchemeLoad = { ok: true; scheme: FundingScheme } | { ok: false; problem: string };

type SchemaParam = Parameters<typeof explainErrors>[2];
const validate = compileSchema(schemaJson as object);

interface RawBand { id: string; label?: string; min: number; max: number; amount: number }
interface RawIncremental { step: number; count: number; idPrefix?: string; labelPrefix?: string; zeroLevel?: boolean }
interface RawRate { id: string; label?: string; perHour: number; phrases: string[] }
interface RawScheme {
  id: string;
  name: string;
  currency: 'GBP';
  weeksPerYear?: number;
  source: string;
  date: string;
  illustrative?: boolean;
  note?: string;
  mapping?: LevelMappingRule;
  schoolContribution: Record<SettingType, number>;
  levels: RawBand[] | RawIncremental;
  rates: RawRate[];
}

function toPence(pounds: number): number | null {
  const pence = Math.round(pounds * 100);
  return Math.abs(pounds * 100 - pence) < 1e-6 ? pence : null;
}

function normalisePhrase(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Validates an already parsed scheme value. `label` names the file in messages. */
export function schemeFromData(data: unknown, origin: string, label: string): SchemeLoad {
  if (!validate(data)) {
    const problems = explainErrors(validate, data, schemaJson as object as SchemaParam);
    const first = problems.slice(0, 3).map((p) => p.message.replace(/^The front matter/, 'The scheme'));
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more problem(s))` : '';
    return { ok: false, problem: `The funding scheme ${label} is not valid: ${first.join(' ')}${more}` };
  }
  const raw = data as RawScheme;
  const fail = (why: string): SchemeLoad => ({ ok: false, problem: `The funding scheme ${label} is not valid: ${why}` });
  const pence = (value: number, where: (string | number)[]): number | string => {
    const p = toPence(value);
    return p === null ? `\`${dotted(where)}\` must be in whole pence (at most two decimal places), not ${value}.` : p;
  };

  const contributions = {} as Record<SettingType, number>;
  for (const type of SETTING_TYPES) {
    const p = pence(raw.schoolContribution[type], ['schoolContribution', type]);
    if (typeof p === 'string') return fail(p);
    contributions[type] = p;
  }

  const levels: SchemeLevel[] = [];
  let levelKind: FundingScheme['levelKind'];
  if (Array.isArray(raw.levels)) {
    levelKind = 'banded';
    const ids = new Set<string>();
    for (const [i, band] of raw.levels.entries()) {
      const min = pence(band.min, ['levels', i, 'min']);
      const max = pence(band.max, ['levels', i, 'max']);
      const amount = pence(band.amount, ['levels', i, 'amount']);
      if (typeof min === 'string') return fail(min);
      if (typeof max === 'string') return fail(max);
      if (typeof amount === 'string') return fail(amount);
      if (ids.has(band.id.toLowerCase())) return fail(`the level id \`${band.id}\` is used twice.`);
      ids.add(band.id.toLowerCase());
      if (min > max) return fail(`level \`${band.id}\` has a \`min\` above its \`max\`.`);
      const previous = levels[levels.length - 1];
      if (previous && min <= previous.maxPence) {
        return fail(`level \`${band.id}\` overlaps level \`${previous.id}\`: list the bands in ascending order, each starting above the previous band's \`max\`.`);
      }
      levels.push({ id: band.id, label: band.label ?? band.id, index: i, minPence: min, maxPence: max, amountPence: amount });
    }
  } else {
    levelKind = 'incremental';
    const step = pence(raw.levels.step, ['levels', 'step']);
    if (typeof step === 'string') return fail(step);
    const prefix = raw.levels.idPrefix ?? 'L';
    const labelPrefix = raw.levels.labelPrefix ?? 'Level ';
    const zero = raw.levels.zeroLevel ?? true;
    if (zero) levels.push({ id: `${prefix}0`, label: `${labelPrefix}0`, index: 0, minPence: 0, maxPence: 0, amountPence: 0 });
    for (let n = 1; n <= raw.levels.count; n++) {
      levels.push({
        id: `${prefix}${n}`,
        label: `${labelPrefix}${n}`,
        index: levels.length,
        minPence: n === 1 && !zero ? 0 : (n - 1) * step + 1,
        maxPence: n * step,
        amountPence: n * step,
      });
    }
  }

  const rates: SchemeRate[] = [];
  const rateIds = new Set<string>();
  const phraseOwner = new Map<string, string>();
  for (const [i, rate] of raw.rates.entries()) {
    const p = pence(rate.perHour, ['rates', i, 'perHour']);
    if (typeof p === 'string') return fail(p);
    if (rateIds.has(rate.id)) return fail(`the rate id \`${rate.id}\` is used twice.`);
    rateIds.add(rate.id);
    for (const phrase of rate.phrases) {
      const key = normalisePhrase(phrase);
      const owner = phraseOwner.get(key);
      if (owner && owner !== rate.id) return fail(`the phrase "${phrase}" belongs to both \`${owner}\` and \`${rate.id}\`; a phrase may match one rate only.`);
      phraseOwner.set(key, rate.id);
    }
    rates.push({ id: rate.id, label: rate.label ?? rate.id, pencePerHour: p, phrases: [...rate.phrases] });
  }

  return {
    ok: true,
    scheme: {
      id: raw.id,
      name: raw.name,
      currency: 'GBP',
      weeksPerYear: raw.weeksPerYear ?? 38,
      source: raw.source,
      date: raw.date,
      illustrative: raw.illustrative ?? false,
      note: raw.note ?? null,
      mapping: raw.mapping ?? 'ceiling',
      levelKind,
      levels,
      schoolContributionPence: contributions,
      rates,
      origin,
    },
  };
}

/** Parses scheme text: JSON for `.json` files, YAML otherwise (YAML also reads JSON). */
export function parseSchemeText(text: string, fileName: string): SchemeLoad {
  const label = `\`${fileName}\``;
  let data: unknown;
  if (extname(fileName).toLowerCase() === '.json') {
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, problem: `The funding scheme ${label} is not valid JSON: ${(error as Error).message}` };
    }
  } else {
    const doc = parseDocument(text.replace(/^\uFEFF/, ''));
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
      return { ok: false, problem: `The funding scheme ${label} is not valid YAML${where}: ${e.message.split('\n')[0]}` };
    }
    try {
      data = doc.toJS();
    } catch (error) {
      return { ok: false, problem: `The funding scheme ${label} is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
    }
  }
  return schemeFromData(data, fileName, label);
}

const fileCache = new Map<string, { mtimeMs: number; size: number; load: SchemeLoad }>();

/** Reads and validates a scheme file; cached by path and modification time. Never throws. */
export function loadSchemeFile(path: string): SchemeLoad {
  const full = resolve(path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return { ok: false, problem: `The funding scheme file \`${path}\` does not exist.` };
  }
  if (!stat.isFile()) return { ok: false, problem: `\`${path}\` is not a funding scheme file.` };
  const cached = fileCache.get(full);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.load;
  let load: SchemeLoad;
  try {
    const result = parseSchemeText(readFileSync(full, 'utf8'), full);
    load = result.ok ? { ok: true, scheme: { ...result.scheme, origin: full } } : result;
  } catch (error) {
    load = { ok: false, problem: `The funding scheme file \`${path}\` could not be read: ${(error as Error).message}` };
  }
  fileCache.set(full, { mtimeMs: stat.mtimeMs, size: stat.size, load });
  return load;
}

let bundled: FundingScheme[] | null = null;

/** The sample schemes shipped with the toolkit (illustrative figures). */
export function bundledSchemes(): FundingScheme[] {
  if (!bundled) {
    bundled = [];
    for (const data of [bandedJson, incrementalJson]) {
      const load = schemeFromData(data, 'bundled', `\`${(data as { id: string }).id}\``);
      if (!load.ok) throw new Error(`bundled scheme invalid: ${load.problem}`);
      bundled.push(load.scheme);
    }
  }
  return bundled;
}

const SCHEME_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

/** Every scheme file named by the config (files, or folders of scheme files), with its load result. */
export function configuredSchemes(config: Pick<ResolvedConfig, 'fundingSchemePaths'>): { path: string; load: SchemeLoad }[] {
  const out: { path: string; load: SchemeLoad }[] = [];
  for (const entry of config.fundingSchemePaths) {
    let isDir: boolean;
    try {
      isDir = statSync(entry).isDirectory();
    } catch {
      out.push({ path: entry, load: { ok: false, problem: `The funding scheme path \`${entry}\` in the config does not exist.` } });
      continue;
    }
    if (!isDir) {
      out.push({ path: entry, load: loadSchemeFile(entry) });
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(entry).sort();
    } catch {
      names = [];
    }
    for (const name of names) {
      if (!SCHEME_EXTENSIONS.has(extname(name).toLowerCase())) continue;
      const path = join(entry, name);
      out.push({ path, load: loadSchemeFile(path) });
    }
  }
  return out;
}

/** True when a plan's `funding.scheme` value is a path rather than an id. */
export function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || SCHEME_EXTENSIONS.has(extname(ref).toLowerCase());
}

export interface SchemeLookup {
  /** The plan file, for resolving a relative scheme path. */
  planPath?: string | null;
  /** The folder a relative path is resolved against when there is no plan path (the CLI's cwd). */
  baseDir?: string;
  config: Pick<ResolvedConfig, 'fundingSchemePaths'>;
}

/**
 * Finds the scheme a reference names: a relative or absolute path to a scheme file, or an id. Ids are
 * looked up in the config's schemes first (so a council can replace a sample), then the bundled ones.
 */
export function findScheme(ref: string, lookup: SchemeLookup): SchemeLoad {
  const name = ref.trim();
  if (!name) return { ok: false, problem: '`funding.scheme` is empty: write a scheme id (such as `example-incremental`) or a path to a scheme file.' };
  if (looksLikePath(name)) {
    let full: string;
    if (isAbsolute(name)) full = name;
    else if (lookup.planPath) full = resolve(dirname(lookup.planPath), name);
    else if (lookup.baseDir) full = resolve(lookup.baseDir, name);
    else return { ok: false, problem: `The scheme path \`${name}\` is relative, but the plan's own location is not known, so it cannot be found. Save the plan, or use a scheme id.` };
    const load = loadSchemeFile(full);
    if (!load.ok && /does not exist/.test(load.problem)) {
      return { ok: false, problem: `No funding scheme file was found at \`${name}\` (relative to the plan). Check the path, or use a scheme id.` };
    }
    return load;
  }
  const configured = configuredSchemes(lookup.config);
  for (const { load } of configured) if (load.ok && load.scheme.id === name) return load;
  const sample = bundledSchemes().find((s) => s.id === name);
  if (sample) return { ok: true, scheme: sample };
  const known = [...new Set([...configured.flatMap((c) => (c.load.ok ? [c.load.scheme.id] : [])), ...bundledSchemes().map((s) => s.id)])];
  const broken = configured.filter((c) => !c.load.ok);
  const brokenNote = broken.length ? ` ${broken.length} configured scheme file(s) could not be read: ${broken.map((b) => (b.load.ok ? '' : b.load.problem)).join(' ')}` : '';
  return { ok: false, problem: `There is no funding scheme with the id \`${name}\`. Known schemes: ${known.join(', ')}.${brokenNote}` };
}

export type LevelMapping =
  | { kind: 'level'; level: SchemeLevel }
  | { kind: 'beyond'; top: SchemeLevel }
  | { kind: 'below'; bottom: SchemeLevel };

/**
 * The level a top-up (pence a year) maps to. `ceiling`: the first level whose max covers it. `nearest`:
 * the level whose amount is closest (ties go to the higher level). Above the top level's max it is beyond
 * the scheme; below the first level's min (a banded scheme starting above zero) it is below the scheme.
 */
export function mapToLevel(scheme: FundingScheme, topUpPence: number): LevelMapping {
  const levels = scheme.levels;
  const top = levels[levels.length - 1]!;
  const bottom = levels[0]!;
  if (topUpPence > top.maxPence) return { kind: 'beyond', top };
  if (topUpPence < bottom.minPence) return { kind: 'below', bottom };
  if (scheme.mapping === 'nearest') {
    let best = bottom;
    for (const level of levels) {
      if (Math.abs(level.amountPence - topUpPence) <= Math.abs(best.amountPence - topUpPence)) best = level;
    }
    return { kind: 'level', level: best };
  }
  return { kind: 'level', level: levels.find((l) => topUpPence <= l.maxPence)! };
}

/** A scheme's level by id, ignoring case. */
export function levelById(scheme: FundingScheme, id: string): SchemeLevel | undefined {
  const key = id.trim().toLowerCase();
  return scheme.levels.find((l) => l.id.toLowerCase() === key);
}
