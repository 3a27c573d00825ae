/**
 * Hover: what the law requires of a section; a finding's rule and its basis; an outcome's text and the
 * rows that serve it; a provision row's cost arithmetic; a front-matter key's description.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import planSchema from '../../../schemas/plan.schema.json';
import { ruleById, type Plan } from '../../engine/index.js';
import { formatPence } from '../protocol.js';
import type { Analysis } from '../analysis.js';
import { docUrl } from '../convert.js';
import { SECTION_LAW } from './section-law.js';
import { outcomeIdAt, servingItems } from './outcome-index.js';

export function hover(document: TextDocument, analysis: Analysis, position: Position, packageRoot: string): Hover | null {
  const plan = analysis.result.plan;
  const offset = document.offsetAt(position);
  const parts: string[] = [];
  for (const finding of analysis.result.findings) {
    if (offset < finding.range.start.offset || offset > finding.range.end.offset) continue;
    const rule = ruleById(finding.ruleId);
    if (rule) parts.push(`**${rule.meta.id}** (${finding.severity}): ${rule.meta.description}\n\n*Basis:* ${rule.meta.basis}\n\n[Read more](${docUrl(packageRoot, rule.meta.id)})`);
  }
  const heading = plan.sections.find((s) => offset >= s.heading.range.start.offset && offset <= s.heading.range.end.offset);
  if (heading && heading.letter !== 'H') parts.push(`**Section ${heading.letter}**: ${SECTION_LAW[heading.letter]}`);
  if (heading?.letter === 'H') parts.push('**Section H** must be split into H1 and H2 (SEND Regulations 2014 reg 12(1)(h)).');
  const outcomeHover = outcomeHoverAt(plan, offset);
  if (outcomeHover) parts.push(outcomeHover);
  else {
    const costHover = provisionHoverAt(analysis, offset);
    if (costHover) parts.push(costHover);
  }
  const keyHover = frontMatterKeyHover(document, plan, position);
  if (keyHover) parts.push(keyHover);
  return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
}

function outcomeHoverAt(plan: Plan, offset: number): string | null {
  const id = outcomeIdAt(plan, offset);
  if (!id) return null;
  const outcome = plan.outcomes.find((o) => o.id === id);
  const rows = servingItems(plan, id);
  const served = rows.length
    ? rows.map((item) => `- ${item.section} row ${item.index} (line ${item.range.start.line}): ${truncate(item.fields.provision?.text ?? item.text, 80)}`).join('\n')
    : '- No provision serves this outcome yet.';
  return outcome
    ? `**${id}**${outcome.area ? ` (${outcome.area.name})` : ''}: ${outcome.text}\n\nServed by ${rows.length} provision item${rows.length === 1 ? '' : 's'}:\n${served}`
    : `**${id}** is not an outcome in Section E.`;
}

function provisionHoverAt(analysis: Analysis, offset: number): string | null {
  const item = analysis.result.plan.provision.find((p) => offset >= p.range.start.offset && offset <= p.range.end.offset);
  if (!item) return null;
  const costing = analysis.costing();
  if (costing.status !== 'costed') return costing.status === 'scheme-error' ? `Costing: ${costing.problem}` : 'Costing: the plan names no funding scheme (`funding.scheme`).';
  const row = costing.costing.rows.find((r) => r.section === item.section && r.index === item.index);
  if (!row) return null;
  if (!row.costed) return `**Cost of ${item.section} row ${item.index}**: not costed. ${row.problem?.reason ?? ''}`;
  const rate = row.rate ? `${formatPence(row.rate.pencePerHour)}/h (${row.rate.label})` : 'Cost cell';
  const share = row.staff !== null && row.pupils !== null ? ` × ${row.staff}/${row.pupils}` : '';
  const arithmetic = row.method === 'rate' ? `${rate} × ${row.hours} h${row.basis === 'weekly' ? `/week × ${row.weeks} weeks` : row.basis === 'yearly' ? '/year' : ''}${share}` : rate;
  const oneOff = row.oneOffPence ? ` plus ${formatPence(row.oneOffPence)} one-off` : '';
  return `**Cost of ${item.section} row ${item.index}** (${costing.scheme.name}): ${arithmetic} = **${formatPence(row.annualPence)} a year**${oneOff}.${row.quantity ? `\n\nRead as: ${row.quantity}.` : ''}`;
}

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
}

function frontMatterKeyHover(document: TextDocument, plan: Plan, position: Position): string | null {
  const fm = plan.frontMatter;
  const offset = document.offsetAt(position);
  if (!fm || offset < fm.range.start.offset || offset > fm.range.end.offset) return null;
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  const m = /^(\s*)([\w-]+)\s*:/.exec(line);
  if (!m || position.character > m[1]!.length + m[2]!.length) return null;
  const path = [m[2]!];
  let indent = m[1]!.length;
  for (let l = position.line - 1; l >= 0 && indent > 0; l--) {
    const text = document.getText({ start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } });
    const parent = /^(\s*)([\w-]+)\s*:\s*(#.*)?\r?\n?$/.exec(text);
    if (parent && parent[1]!.length < indent) {
      path.unshift(parent[2]!);
      indent = parent[1]!.length;
    }
  }
  let node: SchemaNode | undefined = planSchema as SchemaNode;
  for (const key of path) node = node?.properties?.[key];
  return node?.description ? `**${path.join('.')}**: ${node.description}` : null;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
