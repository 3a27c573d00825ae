/** Document outline: sections A-K, their areas of need, outcomes and provision rows. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Plan, Range, Section } from '../../engine/index.js';
import { toLspRange } from '../convert.js';

interface Leaf {
  at: number;
  symbol: DocumentSymbol;
}

export function documentSymbols(plan: Plan): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (plan.frontMatter) {
    const r = toLspRange(plan.frontMatter.range);
    symbols.push({ name: 'Front matter', detail: plan.meta.status?.value ?? '', kind: SymbolKind.Namespace, range: r, selectionRange: r });
  }
  const leaves: Leaf[] = [
    ...plan.outcomes.map((o) => ({ at: o.range.start.offset, symbol: leaf(o.id, o.text, SymbolKind.Constant, o.range, o.idRange) })),
    ...plan.provision.map((p) => ({ at: p.range.start.offset, symbol: leaf(`${p.section} row ${p.index}`, p.fields.provision?.text ?? p.text, SymbolKind.Object, p.range, p.range) })),
  ];
  for (const section of plan.sections) symbols.push(sectionSymbol(section, leaves));
  return symbols;
}

const within = (offset: number, range: Range): boolean => offset >= range.start.offset && offset < range.end.offset;

function sectionSymbol(section: Section, leaves: Leaf[]): DocumentSymbol {
  const mine = leaves.filter((l) => within(l.at, section.range));
  const children: DocumentSymbol[] = section.areas.map((area) => ({
    name: area.name,
    detail: area.id ? '' : 'not a recognised area',
    kind: SymbolKind.Class,
    range: toLspRange(area.range),
    selectionRange: toLspRange(area.heading.range),
    children: mine.filter((l) => within(l.at, area.range)).map((l) => l.symbol),
  }));
  children.push(...mine.filter((l) => !section.areas.some((a) => within(l.at, a.range))).map((l) => l.symbol));
  return { name: `Section ${section.letter}`, detail: section.title, kind: SymbolKind.Module, range: toLspRange(section.range), selectionRange: toLspRange(section.heading.range), children };
}

function leaf(name: string, detail: string, kind: SymbolKind, range: Range, selection: Range): DocumentSymbol {
  return { name, detail: detail.length > 60 ? `${detail.slice(0, 59)}…` : detail, kind, range: toLspRange(range), selectionRange: toLspRange(selection) };
}
