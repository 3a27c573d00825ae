/**
 * Reads the expected findings marked inline in a fixture (see test/README.md):
 *   <!-- expect: rule-a, rule-b -->   a finding of each rule starts on this line
 *   # expect: rule-a                  the same, inside YAML front matter
 *   <!-- expect-file: rule-a -->      a finding of the rule anywhere in the file
 *   <!-- as-of: YYYY-MM-DD -->        the date the fixture is linted as of
 */
import type { Finding } from '../../server/engine/index.js';

export interface Expectation {
  ruleId: string;
  /** 1-based line, or null for a file-level expectation. */
  line: number | null;
}

const LINE_MARKER = /(?:<!--\s*expect:\s*([^>]*?)\s*-->|#\s*expect:\s*([\w\s,-]+)$)/g;
const FILE_MARKER = /<!--\s*expect-file:\s*([^>]*?)\s*-->/g;

export function readExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split(/\r?\n|\r/).forEach((line, i) => {
    for (const m of line.matchAll(LINE_MARKER)) {
      for (const id of splitIds(m[1] ?? m[2] ?? '')) expectations.push({ ruleId: id, line: i + 1 });
    }
    for (const m of line.matchAll(FILE_MARKER)) {
      for (const id of splitIds(m[1] ?? '')) expectations.push({ ruleId: id, line: null });
    }
  });
  return expectations;
}

function splitIds(list: string): string[] {
  return list.split(/[\s,]+/).filter((id) => id !== '');
}

export function readAsOf(text: string, fallback: string): Date {
  const m = /<!--\s*as-of:\s*(\d{4}-\d{2}-\d{2})\s*-->/.exec(text);
  return new Date(`${m?.[1] ?? fallback}T00:00:00Z`);
}

export interface Comparison {
  matched: { ruleId: string; line: number }[];
  /** Findings with no marker (false positives). */
  unexpected: Finding[];
  /** Markers with no finding (false negatives). */
  missing: Expectation[];
}

/** Pairs findings with markers: first on the same line, then file-level markers take any leftover finding of their rule. */
export function compare(findings: Finding[], expectations: Expectation[]): Comparison {
  const remaining = [...findings];
  const matched: Comparison['matched'] = [];
  const missing: Expectation[] = [];
  const take = (predicate: (f: Finding) => boolean): Finding | undefined => {
    const index = remaining.findIndex(predicate);
    return index >= 0 ? remaining.splice(index, 1)[0] : undefined;
  };
  for (const e of expectations.filter((x) => x.line !== null)) {
    const f = take((x) => x.ruleId === e.ruleId && x.range.start.line === e.line);
    if (f) matched.push({ ruleId: e.ruleId, line: e.line! });
    else missing.push(e);
  }
  for (const e of expectations.filter((x) => x.line === null)) {
    const f = take((x) => x.ruleId === e.ruleId);
    if (f) matched.push({ ruleId: e.ruleId, line: f.range.start.line });
    else missing.push(e);
  }
  return { matched, unexpected: remaining, missing };
}

export function describe(comparison: Comparison, file: string): string {
  const lines = [
    ...comparison.unexpected.map((f) => `  unexpected ${f.ruleId} at ${file}:${f.range.start.line}:${f.range.start.column}: ${f.message}`),
    ...comparison.missing.map((e) => `  missing    ${e.ruleId} ${e.line === null ? '(file level)' : `at ${file}:${e.line}`}`),
  ];
  return lines.join('\n');
}
