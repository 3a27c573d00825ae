/**
 * Provision items in Sections F, G, H1 and H2 (contract section 6): rows of tables whose columns are
 * found by their header, and prose bullets whose pieces are read from the sentence.
 */
import type { List, ListItem, Paragraph, Table, TableCell, RootContent } from 'mdast';
import type { OutcomeRef, ProvisionField, ProvisionItem, ProvisionSection, Section, Span } from '../model.js';
import type { LineIndex } from './positions.js';
import { maskComments, plainText } from './markdown.js';
import { areaAt } from './sections.js';
import {
  findCost,
  findFrequencyAndDuration,
  findOutcomeIds,
  findOutcomeList,
  findRatio,
  findWeeks,
  findWho,
  type Found,
} from './prose.js';

/** Header synonyms, compared after lower-casing and dropping punctuation other than ':'. */
const HEADER_SYNONYMS: [ProvisionField, string[]][] = [
  ['provision', ['provision', 'support', 'what', 'special educational provision', 'health provision', 'health care provision', 'social care provision', 'provision required', 'description', 'service', 'intervention', 'provision support']],
  ['outcomes', ['outcomes', 'outcome', 'for', 'outcome s', 'linked outcomes', 'outcomes served', 'outcome ids', 'outcomes supported']],
  ['who', ['who', 'delivered by', 'provider', 'staff', 'by whom', 'who delivers', 'delivery', 'who will deliver', 'deliverer', 'provided by']],
  ['ratio', ['ratio', 'group', 'group size', 'staff:pupil', 'staff:pupil ratio', 'staff:student', 'staff:student ratio', 'adult:child', 'adult:child ratio', 'adult:pupil ratio', 'staffing ratio']],
  ['frequency', ['how often', 'frequency', 'when']],
  ['duration', ['how long', 'duration', 'time', 'length', 'session length', 'hours']],
  ['weeks', ['weeks', 'weeks a year', 'weeks per year', 'weeks each year']],
  ['cost', ['cost', 'annual cost', 'costs']],
  ['advice', ['advice', 'source', 'advice source', 'from advice', 'evidence']],
];

export function fieldForHeader(header: string): ProvisionField | null {
  const normal = header
    .toLowerCase()
    .replace(/[^a-z0-9: ]+/g, ' ')
    .replace(/\s*:\s*/g, ':')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [field, names] of HEADER_SYNONYMS) if (names.includes(normal)) return field;
  for (const [field, names] of HEADER_SYNONYMS) {
    if (names.some((name) => name.length > 3 && (normal.startsWith(`${name} `) || normal.startsWith(`${name}(`)))) return field;
  }
  return null;
}

export function findProvision(section: Section, text: string, lines: LineIndex): ProvisionItem[] {
  const letter: ProvisionSection = section.letter === 'H' ? 'H2' : (section.letter as ProvisionSection);
  const items: ProvisionItem[] = [];
  for (const block of section.blocks) collectFromBlock(block, items, letter, section, text, lines);
  items.forEach((item, i) => (item.index = i + 1));
  return items;
}

/** A paragraph that commits to provision ("Sam will receive ...", "Sam will have ...") rather than introducing it. */
const STATES_PROVISION = /\bwill (?:receive|have|be (?:given|provided|offered|supported|taught)|get|attend|access|be able to access)\b|\b(?:is|are) (?:provided|available|offered)\b|\bwill (?:provide|deliver|offer)\b/i;
const INTRODUCES = /\b(?:this section|set out (?:below|in the table)|the (?:table|tables|following) below|outcome ids? refer|is specified and quantified)\b/i;

function collectFromBlock(block: RootContent, items: ProvisionItem[], letter: ProvisionSection, section: Section, text: string, lines: LineIndex): void {
  if (block.type === 'table') items.push(...tableItems(block, letter, section, text, lines));
  else if (block.type === 'list') {
    for (const item of (block as List).children) {
      const bullet = bulletItem(item, letter, section, text, lines);
      if (bullet) items.push(bullet);
    }
  } else if (block.type === 'paragraph') {
    const plain = plainText(block);
    if (!STATES_PROVISION.test(plain) || INTRODUCES.test(plain) || section.explicitNone) return;
    const item = bulletItem(block, letter, section, text, lines);
    if (item) items.push({ ...item, form: 'paragraph' });
  }
}

function tableItems(table: Table, letter: ProvisionSection, section: Section, text: string, lines: LineIndex): ProvisionItem[] {
  const [headerRow, ...rows] = table.children;
  if (!headerRow) return [];
  const headers = headerRow.children.map((cell) => plainText(cell));
  const fields = headers.map(fieldForHeader);
  const recognised = fields.filter((f) => f !== null).length;
  if (!fields.includes('provision') && recognised < 2) return [];
  const items: ProvisionItem[] = [];
  for (const row of rows) {
    const start = row.position?.start.offset ?? 0;
    const end = row.position?.end.offset ?? start;
    const cells = row.children.slice(0, headers.length).map((cell, i) => ({
      header: headers[i] ?? '',
      field: fields[i] ?? null,
      span: cellSpan(cell, text, lines),
    }));
    if (cells.every((cell) => cell.span.text === '')) continue;
    const fieldSpans: Partial<Record<ProvisionField, Span>> = {};
    for (const cell of cells) if (cell.field && !fieldSpans[cell.field]) fieldSpans[cell.field] = cell.span;
    const outcomeSpan = fieldSpans.outcomes;
    items.push({
      section: letter,
      area: areaAt(section, start),
      form: 'table-row',
      range: lines.range(start, end),
      text: cells.map((c) => c.span.text).join(' | '),
      fields: fieldSpans,
      cells,
      outcomeRefs: outcomeSpan ? refsIn(outcomeSpan, text, lines) : [],
      index: 0,
    });
  }
  return items;
}

/** A cell's text and range, trimmed to its content (an empty cell gets the cell's own position). */
export function cellSpan(cell: TableCell, text: string, lines: LineIndex): Span {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (first?.position && last?.position) {
    return { text: plainText(cell), range: lines.range(first.position.start.offset ?? 0, last.position.end.offset ?? 0) };
  }
  // An empty cell: an empty range just inside its pipes, where a fix can insert a placeholder.
  let at = cell.position?.start.offset ?? 0;
  if (text[at] === '|') at++;
  if (text[at] === ' ') at++;
  return { text: '', range: lines.range(at, at) };
}

function refsIn(span: Span, text: string, lines: LineIndex): OutcomeRef[] {
  const base = span.range.start.offset;
  const source = maskComments(text.slice(base, span.range.end.offset));
  return findOutcomeIds(source).map((ref) => ({ id: ref.id, range: lines.range(base + ref.start, base + ref.end) }));
}

function bulletItem(item: ListItem | Paragraph, letter: ProvisionSection, section: Section, text: string, lines: LineIndex): ProvisionItem | null {
  const first = item.type === 'listItem' ? item.children[0] : item;
  const start = first?.position?.start.offset;
  const end = item.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const plain = plainText(item);
  if (plain === '') return null;
  const source = maskComments(text.slice(start, end));
  const span = (found: Found | null): Span | undefined =>
    found ? { text: source.slice(found.start, found.end).trim(), range: lines.range(start + found.start, start + found.end) } : undefined;
  const fields: Partial<Record<ProvisionField, Span>> = {};
  const assign = (field: ProvisionField, value: Span | undefined): void => {
    if (value) fields[field] = value;
  };
  assign('provision', { text: plain, range: lines.range(start, trimEnd(text, end)) });
  const outcomeList = findOutcomeList(source);
  assign('outcomes', span(outcomeList));
  assign('who', span(findWho(source)));
  assign('ratio', span(findRatio(source)));
  const timing = findFrequencyAndDuration(source);
  assign('frequency', span(timing.frequency));
  assign('duration', span(timing.duration));
  assign('weeks', span(findWeeks(source)));
  assign('cost', span(findCost(source)));
  const idSource = outcomeList ? source.slice(outcomeList.start, outcomeList.end) : source;
  const idBase = start + (outcomeList ? outcomeList.start : 0);
  const outcomeRefs = findOutcomeIds(idSource).map((ref) => ({ id: ref.id, range: lines.range(idBase + ref.start, idBase + ref.end) }));
  return {
    section: letter,
    area: areaAt(section, start),
    form: 'bullet',
    range: lines.range(start, trimEnd(text, end)),
    text: plain,
    fields,
    cells: [],
    outcomeRefs,
    index: 0,
  };
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}
