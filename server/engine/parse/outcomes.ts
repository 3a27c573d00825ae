/**
 * Outcomes in Section E (contract section 5): list items, level-4 headings or paragraphs that start with
 * an id `E<n>`, bold or followed by a colon or full stop.
 */
import type { List, ListItem, RootContent, Table } from 'mdast';
import type { Outcome, PfaPathway, Section } from '../model.js';
import type { LineIndex } from './positions.js';
import { maskComments, plainText } from './markdown.js';
import { areaAt } from './sections.js';

/** The id at the start of an outcome's source: optional bold markers, E and a number, a separator. */
const LEADING_ID = /^\s*(?:\*\*|__)?\s*(E\s?(\d{1,3}))\b\s*(?:\*\*|__)?\s*[:.)\-–—]?\s*(?:\*\*|__)?\s*/i;

const PFA_TAG = /\(\s*PfA\s*[:\-–]\s*([^)]*?)\s*\)/i;

const PATHWAYS: [RegExp, PfaPathway][] = [
  [/^employment|^education,? employment|^education and employment|^further education|^higher education|^work/i, 'Employment'],
  [/^independen/i, 'Independent living'],
  [/^community|^friends|^participation|^relationships/i, 'Community participation'],
  [/^(good )?health/i, 'Health'],
];

export function pfaPathwayFor(raw: string): PfaPathway | null {
  for (const [pattern, pathway] of PATHWAYS) if (pattern.test(raw.trim())) return pathway;
  return null;
}

export function findOutcomes(section: Section, text: string, lines: LineIndex): Outcome[] {
  const outcomes: Outcome[] = [];
  const blocks = section.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'list') {
      for (const item of (block as List).children) pushIfOutcome(outcomes, item, 'list-item', section, text, lines);
    } else if (block.type === 'heading' && block.depth > section.heading.depth) {
      const next = blocks[i + 1];
      pushIfOutcome(outcomes, block, 'heading', section, text, lines, next?.type === 'paragraph' ? next : undefined);
    } else if (block.type === 'table') {
      outcomes.push(...tableOutcomes(block, section, text, lines));
    } else if (block.type === 'paragraph') {
      const previous = blocks[i - 1];
      const followsOutcomeHeading = previous?.type === 'heading' && previous.depth > section.heading.depth && LEADING_ID.test(plainText(previous));
      if (!followsOutcomeHeading) pushIfOutcome(outcomes, block, 'list-item', section, text, lines);
    }
  }
  return outcomes;
}

function pushIfOutcome(
  outcomes: Outcome[],
  node: ListItem | RootContent,
  form: Outcome['form'],
  section: Section,
  text: string,
  lines: LineIndex,
  continuation?: RootContent,
): void {
  const start = contentStart(node);
  if (start === null) return;
  const nodeEnd = node.position?.end.offset ?? start;
  const source = maskComments(text.slice(start, nodeEnd));
  const headingHashes = form === 'heading' ? (/^#{1,6}\s*/.exec(source)?.[0].length ?? 0) : 0;
  const afterHashes = source.slice(headingHashes);
  const match = LEADING_ID.exec(afterHashes);
  if (!match) return;
  const idStart = start + headingHashes + afterHashes.indexOf(match[1]!);
  const idEnd = idStart + match[1]!.length;
  const textStart = start + headingHashes + match[0].length;
  // A heading outcome carries its text on the heading, or in the paragraph under it when the heading is only
  // the id or a short title ("#### E2: Travel"). A heading that is itself the outcome sentence keeps just
  // that: what follows it (steps towards it, short-term targets) is not the outcome.
  const ownText = plainText(node).replace(LEADING_ID, '').replace(/^[*_]+\s*/, '').trim();
  const isSentence = /\bwill\b/i.test(ownText) || ownText.split(/\s+/).length >= 8;
  const useContinuation = continuation !== undefined && !isSentence;
  if (!useContinuation) continuation = undefined;
  const continuationText = continuation ? plainText(continuation) : '';
  const bodyText = [ownText, continuationText].filter((t) => t !== '').join(' ');
  const realTextStart = ownText === '' && continuation ? (continuation.position?.start.offset ?? textStart) : textStart;
  const end = (continuation ?? node).position?.end.offset ?? start;
  const tag = PFA_TAG.exec(bodyText);
  let pfa: Outcome['pfa'] = null;
  if (tag) {
    const rawStart = text.indexOf(tag[0], realTextStart);
    const tagStart = rawStart >= 0 ? rawStart : realTextStart;
    pfa = { pathway: pfaPathwayFor(tag[1]!), raw: tag[1]!, range: lines.range(tagStart, tagStart + tag[0].length) };
  }
  outcomes.push({
    id: match[1]!.replace(/\s+/g, '').toUpperCase(),
    number: Number(match[2]),
    text: bodyText,
    range: lines.range(start, end),
    idRange: lines.range(idStart, idEnd),
    textRange: lines.range(realTextStart, Math.max(realTextStart, trimEnd(text, end))),
    area: areaAt(section, start),
    pfa,
    form,
  });
}

/** Where a node's own content starts (for a list item: after the bullet marker). */
function contentStart(node: ListItem | RootContent): number | null {
  if (node.type === 'listItem') {
    const first = node.children[0];
    return first?.position?.start.offset ?? null;
  }
  return node.position?.start.offset ?? null;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/**
 * Outcomes written as a table: one row per outcome, the id in its own column ("ID", "No.", "Ref") or at the
 * start of the outcome cell, the text in the column headed "Outcome".
 */
function tableOutcomes(table: Table, section: Section, text: string, lines: LineIndex): Outcome[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((c) => plainText(c).toLowerCase());
  const textCol = names.findIndex((n) => /outcome/.test(n) && !/^outcome (id|no\.?|number|ref)$/.test(n));
  const idCol = names.findIndex((n) => /^(id|no\.?|number|ref(erence)?|outcome (id|no\.?|number|ref)|#)$/.test(n));
  if (textCol < 0) return [];
  const found: Outcome[] = [];
  for (const row of rows) {
    const textCell = row.children[textCol];
    const idCell = idCol >= 0 ? row.children[idCol] : textCell;
    if (!textCell?.position || !idCell?.position || !row.position) continue;
    const idStart = idCell.position.start.offset ?? 0;
    const idSource = maskComments(text.slice(idStart, idCell.position.end.offset ?? idStart));
    const m = /E\s?(\d{1,3})\b/i.exec(idSource);
    if (!m || (idCol < 0 && !LEADING_ID.test(idSource.replace(/^\|\s*/, '')))) continue;
    const at = idStart + m.index;
    const body = plainText(textCell).replace(idCol < 0 ? LEADING_ID : /$^/, '').trim();
    const tag = PFA_TAG.exec(body);
    const textStart = textCell.children[0]?.position?.start.offset ?? (textCell.position.start.offset ?? 0);
    const textEnd = textCell.children[textCell.children.length - 1]?.position?.end.offset ?? textStart;
    const tagAt = tag ? text.indexOf(tag[0], textStart) : -1;
    found.push({
      id: m[0].replace(/\s+/g, '').toUpperCase(),
      number: Number(m[1]),
      text: body,
      range: lines.range(row.position.start.offset ?? 0, row.position.end.offset ?? 0),
      idRange: lines.range(at, at + m[0].length),
      textRange: lines.range(textStart, Math.max(textStart, textEnd)),
      area: areaAt(section, row.position.start.offset ?? 0),
      pfa: tag ? { pathway: pfaPathwayFor(tag[1]!), raw: tag[1]!, range: lines.range(Math.max(tagAt, textStart), Math.max(tagAt, textStart) + tag[0].length) } : null,
      form: 'list-item',
    });
  }
  return found;
}
