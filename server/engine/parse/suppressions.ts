/**
 * Suppression comments (contract section 9):
 *   <!-- ehcp-disable-next-line RULE -- reason -->
 *   <!-- ehcp-disable RULE -- reason --> ... <!-- ehcp-enable RULE -->
 * and, as an extension for table rows (where a comment line would end the table),
 *   | ... | <!-- ehcp-disable-line RULE -- reason -->
 */
import type { Suppression } from '../model.js';
import type { LineIndex } from './positions.js';

const COMMENT = /<!--\s*ehcp-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

export function findSuppressions(text: string, lines: LineIndex): Suppression[] {
  const found: Suppression[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const start = m.index ?? 0;
    const range = lines.range(start, start + m[0].length);
    const [ruleText, ...reasonParts] = (m[2] ?? '').split(/\s--\s|\s--$|^--\s/);
    const reason = reasonParts.join(' -- ').trim();
    const rules = (ruleText ?? '').split(/[\s,]+/).map((r) => r.trim()).filter((r) => r !== '' && r !== '--');
    const directive = m[1]!;
    const line = range.start.line;
    const kind = directive === 'disable-line' || directive === 'disable-next-line' ? 'disable-next-line' : (directive as 'disable' | 'enable');
    const target = directive === 'disable-line' ? range.end.line : range.end.line + 1;
    found.push({
      kind,
      rules,
      reason: reason === '' ? null : reason,
      range,
      fromLine: kind === 'disable-next-line' ? target : line,
      toLine: kind === 'disable-next-line' ? target : lines.lineCount,
    });
  }
  closeBlocks(found);
  return found;
}

/** For display: a `disable` runs to the first `enable` after it that names any of its rules (or all). */
function closeBlocks(suppressions: Suppression[]): void {
  suppressions.forEach((s, i) => {
    if (s.kind !== 'disable') return;
    const enable = suppressions.slice(i + 1).find((e) => e.kind === 'enable' && reEnables(e, s.rules.length === 0 ? null : s.rules[0]!));
    if (enable) s.toLine = enable.range.start.line;
  });
}

/** Does an `enable` comment switch this rule back on? An `enable` naming no rules switches every rule on. */
function reEnables(enable: Suppression, ruleId: string | null): boolean {
  return enable.rules.length === 0 || (ruleId !== null && enable.rules.includes(ruleId));
}

/**
 * True when a finding of `ruleId` starting on `line` is suppressed (a suppression without a reason still
 * applies). A block `disable a, b` stays in force for `b` after an `enable a`.
 */
export function isSuppressed(suppressions: Suppression[], ruleId: string, line: number): boolean {
  return suppressions.some((s, i) => {
    if (s.kind === 'enable' || line < s.fromLine || (s.rules.length > 0 && !s.rules.includes(ruleId))) return false;
    if (s.kind === 'disable-next-line') return line <= s.toLine;
    const enable = suppressions.slice(i + 1).find((e) => e.kind === 'enable' && reEnables(e, ruleId));
    return enable === undefined || line <= enable.range.start.line;
  });
}
