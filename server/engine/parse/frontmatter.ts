/**
 * Front matter: the YAML block at the top of a plan. Parsed with the `yaml` package so every key and
 * value keeps its source range; findings point at the exact node.
 */
import { parseDocument, isMap, isScalar, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Yaml } from 'mdast';
import type { DateField, FieldSpan, FrontMatter, PlanMeta, Range } from '../model.js';
import { PLAN_DATE_KEYS } from '../model.js';
import type { LineIndex } from './positions.js';

export interface FrontMatterResult {
  frontMatter: FrontMatter;
  /** YAML syntax errors: offset range in the file and a plain message. */
  syntaxErrors: { startOffset: number; endOffset: number; message: string }[];
}

/** Reads the YAML of an mdast `yaml` node. */
export function readFrontMatter(node: Yaml, text: string, lines: LineIndex): FrontMatterResult {
  const blockStart = node.position?.start.offset ?? 0;
  const blockEnd = node.position?.end.offset ?? 0;
  const firstBreak = text.indexOf('\n', blockStart);
  const yamlOffset = firstBreak < 0 ? blockEnd : firstBreak + 1;
  const raw = text.slice(yamlOffset, Math.max(yamlOffset, closingFenceStart(text, blockEnd)));
  const document = parseDocument(raw, { prettyErrors: false, uniqueKeys: true, strict: false });
  const syntaxErrors: FrontMatterResult['syntaxErrors'] = [];
  for (const error of document.errors) {
    const unclosed = unclosedBefore(raw, error.pos[0]);
    const problem = unclosed
      ? { start: unclosed.offset, end: unclosed.offset + 1, message: `The front matter is not valid YAML: this ${unclosed.what} is never closed; close it on the same line.` }
      : { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1), message: plainYamlMessage(error.code, error.message) };
    syntaxErrors.push({ startOffset: yamlOffset + problem.start, endOffset: yamlOffset + problem.end, message: problem.message });
    // One mistake makes yaml report several errors after it (cascades): the first is the one to fix.
    break;
  }
  let data: unknown;
  if (syntaxErrors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (error) {
      // An alias with no anchor, or an alias bomb: YAML that parses but cannot be read as values.
      const at = firstAliasOffset(raw);
      syntaxErrors.push({
        startOffset: yamlOffset + at,
        endOffset: yamlOffset + at + 1,
        message: `The front matter cannot be read: ${error instanceof Error && /alias/i.test(error.message) ? 'it uses a YAML alias (`*name`) that points at nothing, or too many aliases. Write the value out in full.' : 'its values are not valid YAML.'}`,
      });
    }
  }
  const hasErrors = syntaxErrors.length > 0;
  return {
    frontMatter: { raw, range: lines.range(blockStart, blockEnd), yamlOffset, document, data: hasErrors ? undefined : data, syntaxError: hasErrors },
    syntaxErrors,
  };
}

/** Where a quote or bracket opened on an earlier line is never closed (yaml reports the end instead). */
function unclosedBefore(raw: string, errorOffset: number): { offset: number; what: string } | null {
  let lineStart = 0;
  for (const line of raw.slice(0, errorOffset + 1).split('\n')) {
    const value = /^\s*[\w-]+\s*:\s*(.*)$/.exec(line)?.[1] ?? /^\s*-\s+(.*)$/.exec(line)?.[1];
    if (value !== undefined) {
      const valueStart = lineStart + line.length - value.length;
      const quote = /^(["'])/.exec(value)?.[1];
      if (quote && !value.slice(1).replace(/\\./g, '').includes(quote)) return { offset: valueStart, what: 'quote' };
      if (/^[[{]/.test(value) && !/[\]}]\s*(#.*)?$/.test(value)) return { offset: valueStart, what: value[0] === '[' ? 'bracket [' : 'brace {' };
    }
    lineStart += line.length + 1;
  }
  return null;
}

function firstAliasOffset(raw: string): number {
  const m = /(?:^|[\s:[,{-])\*[\w-]+/m.exec(raw);
  return m ? m.index + m[0].indexOf('*') : 0;
}

function closingFenceStart(text: string, blockEnd: number): number {
  const lineStart = Math.max(text.lastIndexOf('\n', blockEnd - 1), -1) + 1;
  return lineStart;
}

/** yaml's messages are written for programmers; say the same thing for a caseworker. */
function plainYamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  const known: Record<string, string> = {
    DUPLICATE_KEY: 'A key appears twice in the front matter; keep one of them.',
    BAD_INDENT: 'The indentation is wrong here: nested keys must line up under their parent, using spaces, not tabs.',
    TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces.',
    MISSING_CHAR: 'A closing quote or bracket is missing.',
    MULTILINE_IMPLICIT_KEY: 'A key must be on one line and followed by a colon.',
    BLOCK_AS_IMPLICIT_KEY: 'A key must be on one line and followed by a colon.',
    UNEXPECTED_TOKEN: 'Unexpected text here: each line should be `key: value`.',
    BAD_DIRECTIVE: 'Unexpected text here: each line should be `key: value`.',
  };
  return `The front matter is not valid YAML: ${known[code] ?? first}`;
}

/** Source ranges of YAML nodes, translated to file offsets. */
export class YamlLocator {
  constructor(
    private readonly document: Document.Parsed,
    private readonly yamlOffset: number,
    private readonly lines: LineIndex,
  ) {}

  /** The pair at a path of map keys, e.g. ['child', 'yearGroup']. */
  pair(path: string[]): Pair | undefined {
    let node: unknown = this.document.contents;
    let found: Pair | undefined;
    for (const key of path) {
      if (!isMap(node)) return undefined;
      found = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (!found) return undefined;
      node = found.value;
    }
    return found;
  }

  node(path: (string | number)[]): YamlNode | undefined {
    const value = this.document.getIn(path, true);
    return value && typeof value === 'object' && 'range' in value ? (value as YamlNode) : undefined;
  }

  rangeOf(node: YamlNode | null | undefined): Range | undefined {
    const r = node?.range;
    if (!r) return undefined;
    return this.lines.range(this.yamlOffset + r[0], this.yamlOffset + r[1]);
  }

  keyRange(path: string[]): Range | undefined {
    const pair = this.pair(path);
    return pair && isScalar(pair.key) ? this.rangeOf(pair.key) : undefined;
  }

  valueRange(path: (string | number)[]): Range | undefined {
    const pair = path.every((k) => typeof k === 'string') ? this.pair(path as string[]) : undefined;
    if (pair && pair.value && typeof pair.value === 'object' && 'range' in pair.value) return this.rangeOf(pair.value as YamlNode);
    if (pair) return this.keyRange(path as string[]);
    return this.rangeOf(this.node(path));
  }
}

/** The typed view of valid front-matter values (an invalid value is simply absent here). */
export function readMeta(frontMatter: FrontMatter | null, lines: LineIndex): PlanMeta {
  const meta: PlanMeta = { dates: {} };
  if (!frontMatter?.document || frontMatter.syntaxError || !isObject(frontMatter.data)) return meta;
  const locate = new YamlLocator(frontMatter.document, frontMatter.yamlOffset, lines);
  const data = frontMatter.data;
  const field = <T>(path: string[], value: T | undefined): FieldSpan<T> | undefined => {
    if (value === undefined) return undefined;
    const keyRange = locate.keyRange(path);
    const valueRange = locate.valueRange(path);
    return keyRange && valueRange ? { value, keyRange, valueRange } : undefined;
  };
  const child = isObject(data.child) ? data.child : {};
  const setting = isObject(data.setting) ? data.setting : {};
  const dates = isObject(data.dates) ? data.dates : {};
  const funding = isObject(data.funding) ? data.funding : {};
  // "Final" is reported by front-matter-valid, but the other rules still read it as final.
  const STATUS_SYNONYMS: Record<string, string> = { issued: 'final', finalised: 'final', finalized: 'final', 'amendment proposed': 'amendment-proposed', 'proposed amendment': 'amendment-proposed' };
  const written = typeof data.status === 'string' ? data.status.trim().toLowerCase() : data.status;
  const status = typeof written === 'string' ? (STATUS_SYNONYMS[written] ?? written) : written;
  meta.status = field(['status'], oneOf(status, ['draft', 'final', 'amendment-proposed', 'amended', 'ceased'] as const));
  meta.localAuthority = field(['localAuthority'], text(data.localAuthority));
  meta.childName = field(['child', 'name'], text(child.name));
  meta.preferredName = field(['child', 'preferredName'], text(child.preferredName));
  meta.dateOfBirth = dateField(locate, ['child', 'dateOfBirth'], child.dateOfBirth);
  meta.yearGroup = field(['child', 'yearGroup'], integerIn(child.yearGroup, -2, 14));
  meta.settingType = field(['setting', 'type'], oneOf(setting.type, ['early-years', 'mainstream', 'resourced-provision', 'special', 'independent-special', 'post-16', 'eotas'] as const));
  meta.phase = field(['setting', 'phase'], oneOf(setting.phase, ['early-years', 'primary', 'middle', 'secondary', 'post-16'] as const));
  for (const key of PLAN_DATE_KEYS) {
    const value = dateField(locate, ['dates', key], dates[key]);
    if (value) meta.dates[key] = value;
  }
  const exceptions = Array.isArray(dates.exceptions) ? dates.exceptions.filter((e): e is string => typeof e === 'string') : undefined;
  meta.exceptions = field(['dates', 'exceptions'], exceptions);
  meta.fundingScheme = field(['funding', 'scheme'], text(funding.scheme));
  const level = typeof funding.level === 'number' ? String(funding.level) : text(funding.level);
  meta.fundingLevel = field(['funding', 'level'], level);
  meta.personalBudget = field(['personalBudget'], typeof data.personalBudget === 'boolean' ? data.personalBudget : undefined);
  return meta;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function integerIn(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** Parses YYYY-MM-DD into a UTC date; null for anything that is not a real calendar date. */
export function parseIsoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function dateField(locate: YamlLocator, path: string[], value: unknown): DateField | undefined {
  if (typeof value !== 'string') return undefined;
  const date = parseIsoDate(value.trim());
  const range = locate.valueRange(path);
  return date && range ? { text: value.trim(), date, range } : undefined;
}
