/**
 * parsePlan: text → plan model. Tolerant by design: it never throws; what it cannot understand becomes
 * a parse finding (e.g. broken YAML) and the rest of the plan is still read.
 */
import type { Yaml } from 'mdast';
import type { Finding, Plan, Section, SectionLetter } from '../model.js';
import type { ResolvedConfig } from '../config/types.js';
import { parseMarkdown, type ChunkCache } from './markdown.js';
import { LineIndex } from './positions.js';
import { readFrontMatter, readMeta } from './frontmatter.js';
import { buildSections } from './sections.js';
import { findOutcomes } from './outcomes.js';
import { findProvision } from './provision.js';
import { findAdvice } from './advice.js';
import { findPlacement } from './placement.js';
import { findSuppressions } from './suppressions.js';

export interface ParseOptions {
  filePath?: string;
  config?: Pick<ResolvedConfig, 'areasOfNeed'>;
  /** Reuses the trees of unchanged sections from the previous parse of the same document (editor). */
  chunkCache?: ChunkCache;
}

const PROVISION_SECTIONS = new Set<string>(['F', 'G', 'H1', 'H2', 'H']);

/** The contract's test (section 1): front matter with the key `ehcp`, or a name ending `.ehcp.md`. */
export function isPlanText(text: string, filePath?: string): boolean {
  if (filePath && /\.ehcp\.md$/i.test(filePath)) return true;
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  const fence = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(head) ?? /^---[ \t]*\r?\n([\s\S]*)$/.exec(head);
  return fence !== null && /^ehcp[ \t]*:/m.test(fence[1] ?? '');
}

export function parsePlan(input: string, options: ParseOptions = {}): Plan {
  const text = input.replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  // An opening `---` that is never closed would make micromark read the whole plan as front matter
  // content; blank that line (same length, so positions hold) and read the rest as Markdown.
  const unclosed = /^---[ \t]*\r?\n/.test(text) && !/^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.test(text);
  const source = unclosed ? `   ${text.slice(3)}` : text;
  const mdast = options.chunkCache ? options.chunkCache.parse(source) : parseMarkdown(source);
  const parseFindings: Finding[] = [];

  const yamlNode = mdast.children[0]?.type === 'yaml' ? (mdast.children[0] as Yaml) : null;
  const fm = yamlNode ? readFrontMatter(yamlNode, text, lines) : null;
  for (const error of fm?.syntaxErrors ?? []) {
    parseFindings.push({ ruleId: 'front-matter-valid', severity: 'error', message: error.message, range: lines.range(error.startOffset, error.endOffset) });
  }
  if (!yamlNode && /^---[ \t]*\r?\n/.test(text)) {
    parseFindings.push({
      ruleId: 'front-matter-valid',
      severity: 'error',
      message: 'The front matter is not closed: add a line with just `---` after the last front-matter key.',
      range: lines.range(0, 3),
    });
  }
  const frontMatter = fm?.frontMatter ?? null;
  const data = frontMatter?.data;
  const planByFrontMatter = typeof data === 'object' && data !== null && 'ehcp' in data;
  const planBy = planByFrontMatter || (!frontMatter?.data && isPlanText(text)) ? 'front-matter' : options.filePath && /\.ehcp\.md$/i.test(options.filePath) ? 'file-name' : null;

  const sections = buildSections(mdast, lines, text.length, { localAreas: options.config?.areasOfNeed ?? [] });
  const byLetter = new Map<string, Section[]>();
  for (const section of sections) byLetter.set(section.letter, [...(byLetter.get(section.letter) ?? []), section]);

  const outcomes = (byLetter.get('E') ?? []).flatMap((s) => findOutcomes(s, text, lines));
  const provision = sections.filter((s) => PROVISION_SECTIONS.has(s.letter)).flatMap((s) => findProvision(s, text, lines));
  const advice = (byLetter.get('K') ?? []).flatMap((s) => findAdvice(s, text, lines));
  const sectionI = byLetter.get('I')?.[0];

  return {
    text,
    filePath: options.filePath ?? null,
    planBy,
    frontMatter,
    meta: readMeta(frontMatter, lines),
    sections,
    outcomes,
    provision,
    advice,
    placement: sectionI ? findPlacement(sectionI, text, lines) : null,
    suppressions: findSuppressions(text, lines),
    parseFindings,
    mdast,
    positionAt: (offset: number) => lines.positionAt(offset),
    sectionsFor: (letter: SectionLetter | 'H') => byLetter.get(letter) ?? [],
  };
}
