/**
 * Completion by context: front-matter keys and values from the JSON Schema, section headings, areas of
 * need, outcome ids in an Outcomes cell or a bullet, roles from the rate card in a Who cell, funding
 * levels of the plan's scheme, and snippets for an outcome, a provision row and a Section K row.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Table } from 'mdast';
import planSchema from '../../../schemas/plan.schema.json';
import { SECTION_LETTERS, type Plan, type Section } from '../../engine/index.js';
import { SECTION_TITLES } from '../../engine/rules/structure/titles.js';
import { fieldForHeader } from '../../engine/parse/provision.js';
import { bundledSchemes, configuredSchemes, type FundingScheme } from '../../engine/costing/index.js';
import { formatPence } from '../protocol.js';
import type { Analysis } from '../analysis.js';

const AREAS = ['Communication and interaction', 'Cognition and learning', 'Social, emotional and mental health', 'Sensory and/or physical', 'Preparing for adulthood'];

interface SchemaNode {
  description?: string;
  enum?: unknown[];
  const?: unknown;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
}

export function complete(document: TextDocument, analysis: Analysis, position: Position): CompletionItem[] {
  const plan = analysis.result.plan;
  const offset = document.offsetAt(position);
  const lineText = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const fm = plan.frontMatter;
  if (fm && offset > fm.range.start.offset && offset < fm.range.end.offset) return frontMatterItems(document, position, lineText, analysis);
  if (/^\s{0,3}#{1,2}\s*[\w ]*$/.test(lineText)) return sectionHeadingItems(plan, lineText);
  if (/^\s{0,3}#{3,}\s*[\w ,/&]*$/.test(lineText)) return AREAS.map((name, i) => ({ label: name, kind: CompletionItemKind.Module, sortText: String(i) }));
  const section = sectionAt(plan, offset);
  if (!section) return [];
  const column = tableColumnAt(section, offset, lineText);
  if (column === 'outcomes') return outcomeItems(plan);
  if (column === 'who') return roleItems(analysis);
  if (['F', 'G', 'H1', 'H2'].includes(section.letter) && /(\(|outcomes?\s*:)\s*(E\d+\s*,\s*)*E?\d*$/i.test(lineText)) return outcomeItems(plan);
  return snippetItems(section, plan);
}

function sectionAt(plan: Plan, offset: number): Section | undefined {
  return plan.sections.find((s) => offset >= s.range.start.offset && offset <= s.range.end.offset);
}

/** The recognised column of the table cell the cursor is in, by counting the pipes before it. */
function tableColumnAt(section: Section, offset: number, lineText: string): string | null {
  if (!/^\s*\|/.test(lineText)) return null;
  const table = section.blocks.find(
    (b): b is Table => b.type === 'table' && (b.position?.start.offset ?? 0) <= offset && offset <= (b.position?.end.offset ?? 0) + 1,
  );
  const header = table?.children[0];
  if (!header) return null;
  const pipes = (lineText.replace(/\\\|/g, '').match(/\|/g) ?? []).length;
  const cell = header.children[pipes - 1];
  if (!cell) return null;
  const text = cell.children.map((c) => ('value' in c ? String(c.value) : '')).join('');
  return fieldForHeader(text);
}

function outcomeItems(plan: Plan): CompletionItem[] {
  return plan.outcomes.map((o) => ({
    label: o.id,
    kind: CompletionItemKind.Reference,
    detail: o.area?.name ?? 'Outcome',
    documentation: { kind: MarkupKind.PlainText, value: o.text },
    sortText: String(o.number).padStart(4, '0'),
  }));
}

function schemeOf(analysis: Analysis): FundingScheme | null {
  const costing = analysis.costing();
  if (costing.status === 'costed') return costing.scheme;
  return bundledSchemes()[0] ?? null;
}

function roleItems(analysis: Analysis): CompletionItem[] {
  const scheme = schemeOf(analysis);
  if (!scheme) return [];
  return scheme.rates.map((rate) => ({
    label: rate.label,
    kind: CompletionItemKind.Value,
    detail: `${formatPence(rate.pencePerHour)} an hour (${scheme.name})`,
    documentation: `Matches a Who cell containing: ${rate.phrases.join(', ')}. Add the qualification or training, e.g. "${rate.label} trained in [programme]".`,
  }));
}

function sectionHeadingItems(plan: Plan, lineText: string): CompletionItem[] {
  const hashes = /#+/.exec(lineText)?.[0] ?? '##';
  const present = new Set(plan.sections.map((s) => s.letter));
  return SECTION_LETTERS.filter((l) => !present.has(l)).map((letter, i) => ({
    label: `Section ${letter}: ${SECTION_TITLES[letter]}`,
    kind: CompletionItemKind.Module,
    sortText: String(i).padStart(2, '0'),
    filterText: `${hashes} Section ${letter} ${SECTION_TITLES[letter]}`,
    textEdit: undefined,
    insertText: `Section ${letter}: ${SECTION_TITLES[letter]}`,
  }));
}

function snippetItems(section: Section, plan: Plan): CompletionItem[] {
  const next = `E${Math.max(0, ...plan.outcomes.map((o) => o.number)) + 1}`;
  const snippet = (label: string, detail: string, body: string): CompletionItem => ({ label, kind: CompletionItemKind.Snippet, detail, insertText: body, insertTextFormat: InsertTextFormat.Snippet });
  switch (section.letter) {
    case 'E':
      return [snippet('outcome', 'A SMART outcome', `- **${next}** By \${1:the end of Year 6}, \${2:name} will \${3:observable action} \${4:criterion, e.g. on 4 out of 5 days} \${5:conditions, e.g. without an adult prompt}.`)];
    case 'F':
    case 'G':
    case 'H1':
    case 'H2':
      return [snippet('provision row', 'A fully specified provision row', '| ${1:named programme or approach} | ${2:E1} | ${3:role and training} | ${4:1:1} | ${5:how often} | ${6:how long} |')];
    case 'K':
      return [snippet('advice row', 'A Section K advice row', '| ${1:Educational advice} | ${2:who gave it} | ${3:YYYY-MM-DD} |')];
    default:
      return [];
  }
}

/** Keys and values from the plan schema, at the indentation the cursor is at. */
function frontMatterItems(document: TextDocument, position: Position, lineText: string, analysis: Analysis): CompletionItem[] {
  const path = yamlPathAt(document, position);
  const valueMatch = /^(\s*)([\w-]+)\s*:\s*([\w-]*)$/.exec(lineText);
  if (valueMatch) {
    const key = valueMatch[2]!;
    const node = schemaAt([...path, key]);
    if (path.join('.') === 'funding' && key === 'level') return levelItems(analysis);
    if (path.join('.') === 'funding' && key === 'scheme') return schemeItems(analysis);
    const values = node?.enum ?? (node?.const !== undefined ? [node.const] : node?.type === 'boolean' ? [true, false] : []);
    return values.map((v) => ({ label: String(v), kind: CompletionItemKind.EnumMember, documentation: node?.description }));
  }
  if (!/^\s*[\w-]*$/.test(lineText)) return [];
  const node = schemaAt(path);
  const present = new Set(Object.keys(valueAt(analysis.result.plan.frontMatter?.data, path) ?? {}));
  return Object.entries(node?.properties ?? {})
    .filter(([key]) => !present.has(key))
    .map(([key, child]) => ({
      label: key,
      kind: CompletionItemKind.Property,
      documentation: { kind: MarkupKind.Markdown, value: child.description ?? '' },
      insertText: child.properties ? `${key}:\n${' '.repeat(lineText.length + 2)}` : `${key}: `,
    }));
}

function levelItems(analysis: Analysis): CompletionItem[] {
  const costing = analysis.costing();
  if (costing.status !== 'costed') return [];
  const computed = costing.costing.level?.id;
  return costing.scheme.levels.map((level) => ({
    label: level.id,
    kind: CompletionItemKind.EnumMember,
    detail: `${level.label}: ${formatPence(level.amountPence)}${level.id === computed ? ' (the costed level)' : ''}`,
    sortText: String(level.index).padStart(3, '0'),
    preselect: level.id === computed,
  }));
}

function schemeItems(analysis: Analysis): CompletionItem[] {
  const configured = configuredSchemes(analysis.config).flatMap((s) => (s.load.ok ? [s.load.scheme] : []));
  const all = [...bundledSchemes(), ...configured];
  return all.map((s) => ({ label: s.id, kind: CompletionItemKind.EnumMember, detail: s.name, documentation: s.illustrative ? 'Illustrative figures, not any council’s.' : s.source }));
}

/** The chain of parent keys for the line the cursor is on, from indentation. */
function yamlPathAt(document: TextDocument, position: Position): string[] {
  // The indentation typed so far on this line (spaces only: the line break is not indentation).
  const current = document.getText({ start: { line: position.line, character: 0 }, end: position });
  let indent = /^ */.exec(current)?.[0].length ?? 0;
  const path: string[] = [];
  for (let line = position.line - 1; line >= 0 && indent > 0; line--) {
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
    if (/^---\s*$/.test(text)) break;
    const m = /^(\s*)([\w-]+)\s*:\s*(#.*)?$/.exec(text);
    if (m && m[1]!.length < indent) {
      path.unshift(m[2]!);
      indent = m[1]!.length;
    }
  }
  return path;
}

function schemaAt(path: string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = planSchema as SchemaNode;
  for (const key of path) node = node?.properties?.[key];
  return node;
}

function valueAt(data: unknown, path: string[]): Record<string, unknown> | undefined {
  let node: unknown = data;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}
