/** Go to definition, find references and rename for outcome ids. */
import { ResponseError, ErrorCodes, type Location, type Position, type Range as LspRange, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Plan } from '../../engine/index.js';
import { toLspRange } from '../convert.js';
import { occurrences, outcomeIdAt } from './outcome-index.js';

export function definition(document: TextDocument, plan: Plan, position: Position): Location | null {
  const id = outcomeIdAt(plan, document.offsetAt(position));
  const outcome = id ? plan.outcomes.find((o) => o.id === id) : undefined;
  return outcome ? { uri: document.uri, range: toLspRange(outcome.idRange) } : null;
}

export function references(document: TextDocument, plan: Plan, position: Position, includeDeclaration: boolean): Location[] {
  const id = outcomeIdAt(plan, document.offsetAt(position));
  if (!id) return [];
  return occurrences(plan)
    .filter((o) => o.id === id && (includeDeclaration || o.kind === 'reference'))
    .map((o) => ({ uri: document.uri, range: toLspRange(o.range) }));
}

/** A rename is only offered where every mention of the id is written as the id itself (not inside "E1-E3"). */
export function prepareRename(document: TextDocument, plan: Plan, position: Position): { range: LspRange; placeholder: string } | null {
  const offset = document.offsetAt(position);
  const id = outcomeIdAt(plan, offset);
  if (!id) return null;
  const hit = occurrences(plan).find((o) => offset >= o.range.start.offset && offset <= o.range.end.offset)!;
  const ranged = occurrences(plan).find((o) => o.id === id && normalise(plan.text.slice(o.range.start.offset, o.range.end.offset)) !== id);
  if (ranged) throw new ResponseError(ErrorCodes.InvalidRequest, `${id} is named inside a range at line ${ranged.range.start.line}; rewrite that range as a list first.`);
  return { range: toLspRange(hit.range), placeholder: id };
}

export function rename(document: TextDocument, plan: Plan, position: Position, newName: string): WorkspaceEdit | null {
  const wanted = normalise(newName);
  if (!/^E\d{1,3}$/.test(wanted)) throw new ResponseError(ErrorCodes.InvalidParams, `"${newName}" is not an outcome id: use E followed by a number, e.g. E7.`);
  const offset = document.offsetAt(position);
  const id = outcomeIdAt(plan, offset);
  if (!id) return null;
  if (wanted !== id && plan.outcomes.some((o) => o.id === wanted)) throw new ResponseError(ErrorCodes.InvalidParams, `${wanted} is already used by another outcome.`);
  prepareRename(document, plan, position);
  const edits = occurrences(plan)
    .filter((o) => o.id === id)
    .map((o) => ({ range: toLspRange(o.range), newText: wanted }));
  return { changes: { [document.uri]: edits } };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}
