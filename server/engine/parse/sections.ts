/**
 * Sections A-K and the area-of-need sub-headings inside them (contract sections 3 and 4).
 */
import type { Heading, Root, RootContent } from 'mdast';
import type { Area, AreaId, HeadingForm, Section, SectionLetter } from '../model.js';
import type { LineIndex } from './positions.js';
import { isCommentNode, plainText } from './markdown.js';

const LETTER = '(H\\s?1|H\\s?2|[A-K])';
const SECTION_WORD = new RegExp(`^section\\s+${LETTER}(?![\\p{L}\\p{N}])\\s*(?:([:.\\-–—])\\s*)?(.*)$`, 'iu');
const DOTTED = new RegExp(`^${LETTER}\\s*\\.\\s*(.*)$`, 'u');
const COLON = new RegExp(`^${LETTER}\\s*:\\s*(.*)$`, 'u');
const DASH = new RegExp(`^${LETTER}\\s+[-–—]\\s+(.*)$`, 'u');

export interface SectionHeadingMatch {
  letter: SectionLetter | 'H';
  title: string;
  form: HeadingForm;
}

/** Recognises a section heading's text in any of the contract's forms. */
export function matchSectionHeading(text: string): SectionHeadingMatch | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  const word = SECTION_WORD.exec(clean);
  if (word) {
    const title = (word[3] ?? '').trim();
    const form: HeadingForm = title === '' && !word[2] ? 'bare' : 'canonical';
    return { letter: normaliseLetter(word[1]!), title, form };
  }
  for (const [pattern, form] of [[DOTTED, 'dotted'], [COLON, 'colon'], [DASH, 'dash']] as const) {
    const m = pattern.exec(clean);
    if (m) return { letter: normaliseLetter(m[1]!), title: (m[2] ?? '').trim(), form };
  }
  return null;
}

function normaliseLetter(raw: string): SectionLetter | 'H' {
  return raw.replace(/\s+/g, '').toUpperCase() as SectionLetter | 'H';
}

/** Sub-headings that organise a section but are not areas of need. */
const GENERAL_HEADING = /^(summary|overview|introduction|background|strengths?( and interests)?|current (attainment|functioning)|attainment|history|about me|key information|notes?|other)\b/i;

const AREA_PATTERNS: [RegExp, AreaId][] = [
  [/^communication (and|&) interaction\b|^c ?& ?i\b|^speech,? language and communication\b|^slcn\b/, 'communication-and-interaction'],
  [/^cognition (and|&) learning\b|^c ?& ?l\b/, 'cognition-and-learning'],
  [/^social,? emotional,? (and|&) mental health\b|^semh\b/, 'social-emotional-and-mental-health'],
  [/^(sensory (and ?\/ ?or|and|&|or|\/) physical|physical (and|&) sensory)\b/, 'sensory-and-physical'],
  [/^preparing for adulthood\b|^pfa\b|^preparation for adulthood\b/, 'preparing-for-adulthood'],
];

export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^(area of need|area)\s*[:\-–]\s*/, '')
    .replace(/^\d+[.)]\s*/, '')
    .trim();
}

export function areaIdFor(text: string, localAreas: string[]): AreaId | null {
  const normal = normaliseHeading(text);
  for (const [pattern, id] of AREA_PATTERNS) if (pattern.test(normal)) return id;
  for (const local of localAreas) {
    const want = normaliseHeading(local);
    if (normal === want || normal.startsWith(`${want} `) || normal.startsWith(`${want}:`)) return `local:${slug(local)}`;
  }
  return null;
}

function slug(text: string): string {
  return normaliseHeading(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const OUTCOME_HEADING = /^\s*(?:\*\*|__)?\s*E\s?\d+\b/i;

export interface SectionBuildOptions {
  localAreas: string[];
}

/** Splits the document's top-level blocks into sections. Headings before the first section are preamble. */
export function buildSections(root: Root, lines: LineIndex, textLength: number, options: SectionBuildOptions): Section[] {
  const children = root.children;
  const sections: Section[] = [];
  let current: { section: Section; depth: number } | null = null;

  const close = (endOffset: number): void => {
    if (!current) return;
    current.section.range = lines.range(current.section.range.start.offset, endOffset);
    finishSection(current.section, lines, options);
    current = null;
  };

  for (const node of children) {
    if (node.type === 'heading') {
      const match = node.depth <= 2 ? matchSectionHeading(plainText(node)) : null;
      const start = node.position?.start.offset ?? 0;
      if (match) {
        close(start);
        current = { section: newSection(node, match, lines), depth: node.depth };
        sections.push(current.section);
        continue;
      }
      // A heading at the section's level or above that is not a section ends the current section.
      if (current && node.depth <= current.depth) {
        close(start);
        continue;
      }
    }
    if (current) current.section.blocks.push(node);
  }
  close(textLength);
  return sections;
}

function newSection(node: Heading, match: SectionHeadingMatch, lines: LineIndex): Section {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return {
    letter: match.letter,
    title: match.title,
    heading: { text: plainText(node), depth: node.depth, form: match.form, range: lines.range(start, end) },
    range: lines.range(start, end),
    blocks: [],
    contentBlocks: [],
    areas: [],
    explicitNone: false,
    empty: true,
  };
}

/**
 * Statements that a section has nothing to record: "None.", "No health needs have been identified.",
 * "Leo has no social care needs related to...", "A personal budget has not been requested." Anchored to
 * needs, provision or requests, so "Toby has no diagnosis yet, but..." is not read as "none".
 */
const NONE_STATEMENT = new RegExp(
  [
    String.raw`^(none|n\/a|not applicable|nil)\b`,
    String.raw`\bno\b[^.;]{0,80}\b(needs?|provision|support|services?|budget|direct payments?|requirements?)\b[^.;]{0,80}\b(identified|required|needed|requested|assessed|recorded|agreed|applicable|in place|necessary|made)\b`,
    String.raw`\b(has|have|there (?:are|is)) no\b[^.;:,]{0,60}\b(needs?|provision|requirements?|personal budget|direct payments?)\b`,
    String.raw`\b(has|have) not (?:been )?(?:requested|asked for|applied for)\b`,
    String.raw`\b(?:was|were|been) not requested\b|\bnot (?:been )?requested\b`,
    String.raw`\bnone (?:has been |have been |was |were |is |are )?(?:identified|requested|required|agreed|needed)\b`,
    String.raw`\b(?:does|do) not (?:need|require)\b[^.;]{0,60}\b(provision|support|services?|care)\b`,
  ].join('|'),
  'i',
);

/** True when any sentence of the text says there is nothing ("... There are no other health needs."). */
export function anySentenceSaysNone(text: string): boolean {
  return text.split(/(?<=[.!?])\s+/).some((sentence) => NONE_STATEMENT.test(sentence));
}

function finishSection(section: Section, lines: LineIndex, options: SectionBuildOptions): void {
  section.contentBlocks = section.blocks.filter((block) => !isCommentNode(block));
  section.empty = section.contentBlocks.length === 0;
  // Only a short section can be a "none" statement; skip reading the text of long ones (pasted reports).
  const text = section.contentBlocks.length <= 4 ? plainText(section.contentBlocks as RootContent[]) : '';
  // "None." or "No health needs have been identified." — judged on the first sentence, so a section that
  // describes a need and then says "No other needs..." still counts as having content.
  const firstSentence = text.split(/(?<=[.!?])\s+/)[0] ?? '';
  section.explicitNone = !section.empty && text !== '' && text.length <= 600 && NONE_STATEMENT.test(firstSentence);
  section.areas = findAreas(section, lines, options);
}

function findAreas(section: Section, lines: LineIndex, options: SectionBuildOptions): Area[] {
  const areas: Area[] = [];
  let open: Area | null = null;
  const sectionEnd = section.range.end.offset;
  const closeOpen = (endOffset: number): void => {
    if (open) open.range = lines.range(open.range.start.offset, endOffset);
    open = null;
  };
  for (const block of section.blocks) {
    if (block.type !== 'heading') continue;
    const text = plainText(block);
    const start = block.position?.start.offset ?? 0;
    const end = block.position?.end.offset ?? start;
    if (OUTCOME_HEADING.test(text)) continue;
    const id = areaIdFor(text, options.localAreas);
    const openArea = open as Area | null;
    const nested = openArea !== null && block.depth > openArea.depth && id === null;
    if (nested) continue;
    closeOpen(start);
    if (id === null && GENERAL_HEADING.test(normaliseHeading(text))) continue;
    open = {
      name: text,
      id,
      heading: { text, range: lines.range(start, end) },
      depth: block.depth,
      range: lines.range(start, end),
      section: section.letter,
    };
    areas.push(open);
  }
  closeOpen(sectionEnd);
  return areas;
}

/** The area whose range holds an offset, if any. */
export function areaAt(section: Section, offset: number): Area | null {
  for (const area of section.areas) {
    if (offset >= area.range.start.offset && offset < area.range.end.offset) return area;
  }
  return null;
}

export type { SectionLetter };
