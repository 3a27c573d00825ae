/**
 * The words that belong to an outcome, read from the plan:
 *
 * - `text`: the outcome itself; for an outcome written as a level-4 heading, also the paragraphs under
 *   that heading up to the next heading or outcome.
 * - `leadIn`: words written once for a group of outcomes: the Section E heading and its introduction, and
 *   each enclosing area sub-heading with the text between it and the outcome ("By the end of Key Stage 2,
 *   Sam will:" over a list of outcomes). Other outcomes are left out.
 */
import type { Outcome, Plan, Range, Section } from '../../model.js';

export interface OutcomeReading {
  text: string;
  leadIn: string;
}

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset < range.end.offset;
}

/** Plain text of a Markdown fragment, good enough for phrase matching. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s+/gm, ' ')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, ' ')
    .replace(/[*_`|>]+/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function sectionOf(plan: Plan, outcome: Outcome): Section | undefined {
  return plan.sectionsFor('E').find((s) => contains(s.range, outcome.range.start.offset));
}

const HEADING_LINE = /^\s{0,3}#{1,6}\s/;

/** Offset of the next Markdown heading line at or after `from` (a line start), or `limit`. */
function nextHeadingOffset(text: string, from: number, limit: number): number {
  let pos = from;
  while (pos < limit) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 || nl > limit ? limit : nl;
    if (HEADING_LINE.test(text.slice(pos, lineEnd))) return pos;
    if (nl === -1 || nl >= limit) break;
    pos = nl + 1;
  }
  return limit;
}

/** Where an outcome's words end: its list item, or for a heading the text up to the next heading/outcome. */
export function outcomeExtent(plan: Plan, outcome: Outcome): { start: number; end: number } {
  const start = outcome.range.start.offset;
  if (outcome.form !== 'heading') return { start, end: outcome.range.end.offset };
  const section = sectionOf(plan, outcome);
  let limit = section ? section.range.end.offset : plan.text.length;
  for (const o of plan.outcomes) {
    if (o.range.start.offset > start && o.range.start.offset < limit) limit = o.range.start.offset;
  }
  const lineEnd = headingLineEnd(plan, outcome);
  return { start, end: Math.max(outcome.range.end.offset, nextHeadingOffset(plan.text, Math.min(lineEnd + 1, limit), limit)) };
}

/** Offset of the end of the heading line an outcome heading sits on. */
function headingLineEnd(plan: Plan, outcome: Outcome): number {
  const nl = plan.text.indexOf('\n', outcome.idRange.start.offset);
  return nl === -1 ? plan.text.length : nl;
}

/** Cuts [start, end) out of the text, leaving out the given ranges. */
function cut(text: string, start: number, end: number, holes: { start: number; end: number }[]): string {
  let out = '';
  let pos = start;
  for (const h of [...holes].sort((a, b) => a.start - b.start)) {
    if (h.end <= pos || h.start >= end) continue;
    if (h.start > pos) out += text.slice(pos, h.start);
    pos = Math.max(pos, h.end);
  }
  if (pos < end) out += text.slice(pos, end);
  return out;
}

export function readOutcome(plan: Plan, outcome: Outcome): OutcomeReading {
  // The parser already joins a title-only heading to the paragraph under it; steps and targets listed
  // under an outcome are not part of it.
  const text = outcome.text;

  const section = sectionOf(plan, outcome);
  if (!section) return { text, leadIn: '' };
  const holes = plan.outcomes.filter((o) => o !== outcome).map((o) => outcomeExtent(plan, o));
  const at = outcome.range.start.offset;
  const areaStarts = section.areas.map((a) => a.heading.range.start.offset).sort((a, b) => a - b);
  const parts: string[] = [section.heading.text];
  const introEnd = Math.min(areaStarts[0] ?? section.range.end.offset, at);
  parts.push(cut(plan.text, section.heading.range.end.offset, introEnd, holes));
  const enclosing = section.areas
    .filter((a) => contains(a.range, at))
    .sort((a, b) => a.heading.range.start.offset - b.heading.range.start.offset);
  for (const area of enclosing) {
    const from = area.heading.range.start.offset;
    const nextArea = areaStarts.find((s) => s > from) ?? section.range.end.offset;
    parts.push(cut(plan.text, from, Math.min(nextArea, at), holes));
  }
  return { text, leadIn: plainText(parts.join('\n')) };
}

/** How messages refer to the child: never by name (findings go into reports; see rules/util.ts nameOf). */
export function childName(plan: Plan): string {
  const year = plan.meta.yearGroup?.value;
  return year !== undefined && year >= 12 ? 'the young person' : 'the child';
}
