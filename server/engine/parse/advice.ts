/** Section K: the advice and information gathered, as a table `Advice | From | Date` or a list. */
import type { List, Table } from 'mdast';
import type { AdviceKind, AdviceRow, Section, Span } from '../model.js';
import type { LineIndex } from './positions.js';
import { plainText } from './markdown.js';
import { cellSpan } from './provision.js';

/** Kinds read from the Advice cell: what the advice is. */
const KIND_PATTERNS: [RegExp, AdviceKind][] = [
  [/\bpsycholog|\bEP\b/i, 'psychological'],
  [/\bpreparing for adulthood\b|\bPfA\b|\bpreparation for adulthood\b|\bcareers?\b|\btransition to adult/i, 'preparing-for-adulthood'],
  [/\bparent|\bcarer|\bfamily\b|\byoung person\b|\bchild'?s views\b|\bviews of the child\b|\bmy views\b|\bpupil views\b|\bmother\b|\bfather\b|\bguardian/i, 'parent'],
  [/\bsocial care\b|\bsocial worker\b|\bchildren with disabilities\b|\bchildren'?s services\b|\bearly help\b|\bdisabled children/i, 'social-care'],
  [/\bmedical\b|\bhealth advice\b|\bpaediatric|\bGP\b|\bNHS\b|\bdoctor\b/i, 'medical'],
  [/\beducation(?:al)? advice\b|\badvice from (?:the )?(?:school|setting|college|nursery|head ?teacher|principal|early years)/i, 'educational'],
];

/**
 * Kinds read from the From cell when the Advice cell names none ("Report | Head teacher"). Educational
 * advice comes from the head teacher, principal or early years provider of the setting (reg 6(1)(b)), so a
 * teacher of the deaf's or a SENCO's report alone is not counted as it.
 */
const FROM_PATTERNS: [RegExp, AdviceKind][] = [
  [/\bpsycholog|\bEP\b/i, 'psychological'],
  [/\bparent|\bcarer|\bfamily\b|\byoung person\b|\bmother\b|\bfather\b|\bguardian/i, 'parent'],
  [/\bsocial care\b|\bsocial worker\b|\bchildren with disabilities\b|\bchildren'?s services\b|\bdisabled children/i, 'social-care'],
  [/\bpaediatric|\bGP\b|\bNHS\b|\bdoctor\b|\bdesignated (?:clinical|medical) officer\b|\bcommunity nurs/i, 'medical'],
  [/\bhead ?teacher\b|\bheadteacher\b|\bprincipal\b|\bearly years provider\b|\bhead of (?:school|centre|setting)\b/i, 'educational'],
];

/** Reports of a review are not the advice the assessment must gather. */
const NOT_ASSESSMENT_ADVICE = /\bannual review\b|\breview (?:report|minutes|meeting)\b/i;

/** The kinds of advice a row records, judged from the Advice cell first, then the From cell. */
export function adviceKinds(advice: string, from: string): AdviceKind[] {
  if (NOT_ASSESSMENT_ADVICE.test(advice)) return ['other'];
  const fromAdvice = kindsIn(advice, KIND_PATTERNS);
  if (fromAdvice.length > 0) return fromAdvice;
  const fromWho = kindsIn(from, FROM_PATTERNS);
  return fromWho.length > 0 ? fromWho : ['other'];
}

function kindsIn(text: string, patterns: [RegExp, AdviceKind][]): AdviceKind[] {
  const kinds: AdviceKind[] = [];
  for (const [pattern, kind] of patterns) {
    if (!pattern.test(text)) continue;
    // "Educational psychologist" is psychological advice, not educational advice.
    if (kind === 'educational' && kinds.includes('psychological') && !/\beducational advice\b/i.test(text)) continue;
    if (kind === 'medical' && kinds.includes('preparing-for-adulthood')) continue;
    kinds.push(kind);
  }
  return kinds;
}

/**
 * The advice list is the table (or tables) whose header names the advice and who gave it or when; other
 * tables and lists in Section K (pasted reports, test scores) are not advice rows. Without such a table,
 * the list items before Section K's first sub-heading are read instead.
 */
export function findAdvice(section: Section, text: string, lines: LineIndex): AdviceRow[] {
  const tables = section.blocks.filter((b): b is Table => b.type === 'table' && isAdviceTable(b));
  if (tables.length > 0) return tables.flatMap((t) => tableRows(t, text, lines));
  const rows: AdviceRow[] = [];
  for (const block of section.blocks) {
    if (block.type === 'heading') break;
    if (block.type === 'list') rows.push(...listRows(block, lines));
  }
  return rows;
}

function isAdviceTable(table: Table): boolean {
  const names = (table.children[0]?.children ?? []).map((c) => plainText(c).toLowerCase());
  return names.some((n) => /advice|information|report|document|type of/.test(n)) && names.some((n) => /from|date|who|author|received|by\b|source/.test(n));
}

function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, text: string, lines: LineIndex): Span {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return { text, range: lines.range(start, end) };
}

function tableRows(table: Table, text: string, lines: LineIndex): AdviceRow[] {
  const [header, ...body] = table.children;
  if (!header) return [];
  const names = header.children.map((c) => plainText(c).toLowerCase());
  const col = (pattern: RegExp): number => names.findIndex((n) => pattern.test(n));
  const adviceCol = Math.max(col(/advice|information|report|document|type/), 0);
  const fromCol = col(/^from|who|author|provided by|source/);
  const dateCol = col(/date|received/);
  return body.map((row) => {
    const cell = (i: number): Span | null => {
      const c = i >= 0 ? row.children[i] : undefined;
      return c ? cellSpan(c, text, lines) : null;
    };
    const advice = cell(adviceCol) ?? spanOf(row, plainText(row), lines);
    const from = cell(fromCol);
    return { kinds: adviceKinds(advice.text, from?.text ?? ''), advice, from, date: cell(dateCol), range: spanOf(row, '', lines).range };
  });
}

function listRows(list: List, lines: LineIndex): AdviceRow[] {
  return list.children.map((item) => {
    const text = plainText(item);
    const date = /\b\d{4}-\d{2}-\d{2}\b/.exec(text);
    const span = spanOf(item, text, lines);
    return { kinds: adviceKinds(text, ''), advice: span, from: null, date: date ? { text: date[0], range: span.range } : null, range: span.range };
  });
}
