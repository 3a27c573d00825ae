/**
 * The provision lexicon: phrases that leave room for doubt about what a child will receive (vague words,
 * hedges, open ranges, delegated decisions, unilateral change, money as provision, the universal offer).
 *
 * The phrases are data (`vague-phrases.json`), each with why it fails and a rewrite pattern. A council's
 * config can add entries (`lexicon.add`) or switch any off (`lexicon.disable`, by id or label). The lexicon
 * is compiled once per distinct config and then only matched.
 *
 * Matching is over source text, so every match has exact offsets. Overlapping matches are resolved across
 * the whole lexicon before a caller filters by category: the longer phrase wins ("may be reduced" is a
 * unilateral change, not a hedge "may"), so each phrase belongs to exactly one rule.
 */
import type { Position, Range, Span } from '../model.js';
import type { LexiconEntryConfig } from '../config/types.js';
import raw from './vague-phrases.json' with { type: 'json' };

export const LEXICON_CATEGORIES = [
  'vague',
  'example-list',
  'generic-noun',
  'frequency-word',
  'group-size',
  'deliverer',
  'hedge',
  'open-range',
  'delegated-discretion',
  'unilateral-change',
  'funding',
  'universal-offer',
] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

/** Facts about the provision item a match sits in, which some entries need ("monitor" is fine when a frequency is stated). */
export const LEXICON_FEATURES = ['frequency', 'duration', 'minimum', 'therapist-time'] as const;
export type LexiconFeature = (typeof LEXICON_FEATURES)[number];

export interface LexiconEntry {
  /** Stable id, used by `lexicon.disable` and reported in finding data. */
  id: string;
  /** The phrase as a caseworker would name it, e.g. "as required / as needed". */
  label: string;
  category: LexiconCategory;
  /** Regular-expression source (macros expanded, a space matches any whitespace). */
  pattern: string;
  caseSensitive: boolean;
  /** Why the phrase fails, in plain English. */
  why: string;
  /** How to write it instead, with placeholders such as [how often]. */
  rewrite: string;
  /** Placeholder text a fix puts in place of the phrase ("" deletes it); absent: no fix. */
  stub?: string;
  /** One-word replacement that is the whole fix (hedges: "will"). */
  fix?: string;
  /** The match is skipped when the item states every one of these. */
  unlessItemHas: LexiconFeature[];
  /** The match is skipped when the item's text matches this pattern. */
  unlessItemMatches?: string;
  source: 'built-in' | 'config';
}

export interface CompiledEntry extends LexiconEntry {
  regex: RegExp;
  unlessRegex: RegExp | null;
}

export interface LexiconProblem {
  /** The entry (config phrase or id) the problem is about. */
  entry: string;
  message: string;
}

export interface Lexicon {
  entries: readonly CompiledEntry[];
  byId: ReadonlyMap<string, CompiledEntry>;
  /** Config entries that could not be compiled and disable ids that matched nothing. */
  problems: readonly LexiconProblem[];
}

/** A config entry may also carry an id, a category and a stub (all optional). */
export type LexiconAddition = LexiconEntryConfig & { id?: string; category?: string; stub?: string };

export interface LexiconChanges {
  add?: readonly LexiconAddition[];
  disable?: readonly string[];
}

export interface LexiconMatch {
  entry: CompiledEntry;
  /** Offsets into the text given (plus `baseOffset`). */
  start: number;
  end: number;
  text: string;
}

export interface MatchOptions {
  /** Added to every offset (the text's position in the plan). */
  baseOffset?: number;
  /** Only matches of these categories are returned (overlaps are still resolved against every category). */
  categories?: readonly LexiconCategory[];
  /** What the provision item states; entries with conditions are skipped when the item satisfies them. */
  has?: (feature: LexiconFeature) => boolean;
  /** The whole item's text, for `unlessItemMatches` (defaults to the text searched). */
  itemText?: string;
}

// ---------------------------------------------------------------------------------------------------
// Loading the data

interface LexiconFile {
  macros: Record<string, string>;
  entries: LexiconEntry[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(record: Record<string, unknown>, key: string, where: string, optional: true): string | undefined;
function str(record: Record<string, unknown>, key: string, where: string, optional?: false): string;
function str(record: Record<string, unknown>, key: string, where: string, optional = false): string | undefined {
  const value = record[key];
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string') throw new Error(`vague-phrases.json: ${where} needs a string "${key}"`);
  return value;
}

function isCategory(value: string): value is LexiconCategory {
  return (LEXICON_CATEGORIES as readonly string[]).includes(value);
}

function isFeature(value: unknown): value is LexiconFeature {
  return typeof value === 'string' && (LEXICON_FEATURES as readonly string[]).includes(value);
}

/** Checks the shape of the data file; a broken file is a programming error and throws at load. */
export function readLexiconFile(data: unknown): LexiconFile {
  if (!isRecord(data) || !Array.isArray(data.entries) || !isRecord(data.macros)) {
    throw new Error('vague-phrases.json: expected an object with "macros" and "entries"');
  }
  const macros: Record<string, string> = {};
  for (const [name, value] of Object.entries(data.macros)) {
    if (typeof value !== 'string') throw new Error(`vague-phrases.json: macro ${name} must be a string`);
    macros[name] = value;
  }
  const seen = new Set<string>();
  const entries = data.entries.map((item: unknown, i: number): LexiconEntry => {
    if (!isRecord(item)) throw new Error(`vague-phrases.json: entry ${i} is not an object`);
    const id = str(item, 'id', `entry ${i}`);
    if (seen.has(id)) throw new Error(`vague-phrases.json: duplicate id ${id}`);
    seen.add(id);
    const category = str(item, 'category', id);
    if (!isCategory(category)) throw new Error(`vague-phrases.json: ${id} has unknown category ${category}`);
    const unless = item.unlessItemHas ?? [];
    if (!Array.isArray(unless) || !unless.every(isFeature)) throw new Error(`vague-phrases.json: ${id} has a bad unlessItemHas`);
    const entry: LexiconEntry = {
      id,
      label: str(item, 'label', id),
      category,
      pattern: str(item, 'pattern', id),
      caseSensitive: item.caseSensitive === true,
      why: str(item, 'why', id),
      rewrite: str(item, 'rewrite', id),
      unlessItemHas: unless,
      source: 'built-in',
    };
    const stub = str(item, 'stub', id, true);
    const fix = str(item, 'fix', id, true);
    const unlessItemMatches = str(item, 'unlessItemMatches', id, true);
    if (stub !== undefined) entry.stub = stub;
    if (fix !== undefined) entry.fix = fix;
    if (unlessItemMatches !== undefined) entry.unlessItemMatches = unlessItemMatches;
    return entry;
  });
  return { macros, entries };
}

const FILE = readLexiconFile(raw);

/** The built-in entries, as written in the data file (macros not yet expanded). */
export function builtInEntries(): readonly LexiconEntry[] {
  return FILE.entries;
}

// ---------------------------------------------------------------------------------------------------
// Compiling

/** Expands `{MACRO}` names and turns each literal space (outside a character class) into `\s+`. */
export function expandPattern(pattern: string, macros: Record<string, string> = FILE.macros): string {
  const expanded = pattern.replace(/\{([A-Z]+)\}/g, (whole, name: string) => macros[name] ?? whole);
  let out = '';
  let inClass = false;
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded[i]!;
    if (c === '\\') {
      out += c + (expanded[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ' ') {
      while (expanded[i + 1] === ' ') i++;
      out += '\\s+';
      continue;
    }
    out += c;
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A literal phrase as a pattern: escaped, with word boundaries where the phrase starts or ends with a letter or digit. */
export function phrasePattern(phrase: string): string {
  const trimmed = phrase.trim().replace(/\s+/g, ' ');
  const body = escapeRegExp(trimmed);
  const start = /^\w/.test(trimmed) ? '\\b' : '';
  const end = /\w$/.test(trimmed) ? '\\b' : '';
  return `${start}${body}${end}`;
}

function compileEntry(entry: LexiconEntry): CompiledEntry {
  const flags = entry.caseSensitive ? 'gu' : 'giu';
  const regex = new RegExp(expandPattern(entry.pattern), flags);
  const unlessRegex = entry.unlessItemMatches ? new RegExp(expandPattern(entry.unlessItemMatches), 'iu') : null;
  return { ...entry, regex, unlessRegex };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function fromConfig(addition: LexiconAddition, index: number): LexiconEntry {
  const category = addition.category && isCategory(addition.category) ? addition.category : 'vague';
  const entry: LexiconEntry = {
    id: addition.id ?? `custom-${slug(addition.phrase) || index + 1}`,
    label: addition.phrase,
    category,
    pattern: addition.regex ? addition.phrase : phrasePattern(addition.phrase),
    caseSensitive: false,
    why: addition.why,
    rewrite: addition.rewrite,
    unlessItemHas: [],
    source: 'config',
  };
  if (addition.stub !== undefined) entry.stub = addition.stub;
  return entry;
}

const cache = new Map<string, Lexicon>();

/**
 * The lexicon with a config's changes applied, compiled once per distinct change set. Never throws for a
 * bad config entry: the entry is left out and described in `problems`.
 */
export function compileLexicon(changes: LexiconChanges = {}): Lexicon {
  const key = JSON.stringify({ add: changes.add ?? [], disable: changes.disable ?? [] });
  const cached = cache.get(key);
  if (cached) return cached;

  const problems: LexiconProblem[] = [];
  const disabled = new Set((changes.disable ?? []).map((d) => d.trim().toLowerCase()));
  const used = new Set<string>();
  const isDisabled = (entry: LexiconEntry): boolean => {
    for (const name of [entry.id, entry.label, entry.pattern]) {
      const n = name.toLowerCase();
      if (disabled.has(n)) {
        used.add(n);
        return true;
      }
    }
    return false;
  };

  const entries: CompiledEntry[] = [];
  const byId = new Map<string, CompiledEntry>();
  const push = (entry: LexiconEntry): void => {
    if (isDisabled(entry)) return;
    try {
      const compiled = compileEntry(entry);
      if (compiled.regex.test('')) throw new Error('the pattern matches empty text');
      entries.push(compiled);
      byId.set(compiled.id, compiled);
    } catch (error) {
      problems.push({ entry: entry.label, message: error instanceof Error ? error.message : String(error) });
    }
  };
  for (const entry of FILE.entries) push(entry);
  (changes.add ?? []).forEach((addition, i) => {
    if (typeof addition.phrase !== 'string' || addition.phrase.trim() === '') {
      problems.push({ entry: `lexicon.add[${i}]`, message: 'the phrase is empty' });
      return;
    }
    if (addition.category !== undefined && !isCategory(addition.category)) {
      problems.push({ entry: addition.phrase, message: `unknown category "${addition.category}"; using "vague"` });
    }
    push(fromConfig(addition, i));
  });
  for (const name of disabled) {
    if (!used.has(name)) problems.push({ entry: name, message: 'lexicon.disable names no entry (use an id such as "access-to" or a label)' });
  }

  const lexicon: Lexicon = { entries, byId, problems };
  cache.set(key, lexicon);
  return lexicon;
}

// ---------------------------------------------------------------------------------------------------
// Matching

function conditionsSkip(entry: CompiledEntry, options: MatchOptions, text: string): boolean {
  if (entry.unlessItemHas.length > 0 && options.has && entry.unlessItemHas.every((f) => options.has!(f))) return true;
  if (entry.unlessRegex && entry.unlessRegex.test(options.itemText ?? text)) return true;
  return false;
}

/**
 * Every lexicon phrase in `text`, overlaps resolved (longest first, then earliest, then lexicon order),
 * in text order, optionally filtered to some categories.
 */
export function findMatches(lexicon: Lexicon, text: string, options: MatchOptions = {}): LexiconMatch[] {
  const base = options.baseOffset ?? 0;
  const all: { entry: CompiledEntry; start: number; end: number; order: number }[] = [];
  lexicon.entries.forEach((entry, order) => {
    const regex = entry.regex;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      all.push({ entry, start: m.index, end: m.index + m[0].length, order });
    }
  });
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const kept: typeof all = [];
  for (const candidate of all) {
    if (kept.some((k) => candidate.start < k.end && k.start < candidate.end)) continue;
    kept.push(candidate);
  }
  const wanted = options.categories ? new Set(options.categories) : null;
  return kept
    .filter((k) => !wanted || wanted.has(k.entry.category))
    .filter((k) => !conditionsSkip(k.entry, options, text))
    .sort((a, b) => a.start - b.start)
    .map((k) => ({ entry: k.entry, start: base + k.start, end: base + k.end, text: text.slice(k.start, k.end) }));
}

/** Walks `text` from `start` to the position `length` characters on (for spans whose text is the exact source). */
function advance(start: Position, text: string, length: number): Position {
  let { line, column } = start;
  for (let i = 0; i < length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column, offset: start.offset + length };
}

/**
 * Matches inside a span, with exact ranges. `positionAt` (the plan's) is used when given; otherwise the
 * span's text must be the exact source slice and positions are counted from the span's start.
 */
export function findInSpan(
  lexicon: Lexicon,
  span: Span,
  options: Omit<MatchOptions, 'baseOffset'> & { positionAt?: (offset: number) => Position } = {},
): (LexiconMatch & { range: Range })[] {
  const base = span.range.start.offset;
  return findMatches(lexicon, span.text, { ...options, baseOffset: base }).map((match) => {
    const range: Range = options.positionAt
      ? { start: options.positionAt(match.start), end: options.positionAt(match.end) }
      : {
          start: advance(span.range.start, span.text, match.start - base),
          end: advance(span.range.start, span.text, match.end - base),
        };
    return { ...match, range };
  });
}
