/**
 * Cursor markers for language-server fixtures. Write `|^|` (or a named `|^name|`) where the cursor goes;
 * `withCursors` removes every marker and returns the clean text plus the LSP position (0-based line and
 * UTF-16 character) of each marker, computed from the clean text.
 *
 *   const { text, at } = withCursors('- **E|^|1** By July 2027 ...');
 *   at()        // the first (or only) unnamed marker
 *   at('row')   // the marker written |^row|
 */
import type { Position } from 'vscode-languageserver-protocol';

export const CURSOR = /\|\^([\w-]*)\|/g;

export interface Cursors {
  /** The text with every marker removed. */
  text: string;
  /** Every marker in order of appearance. */
  markers: { name: string; offset: number; position: Position }[];
  /** The position of the named marker, or of the first unnamed one when no name is given. */
  at(name?: string): Position;
  /** The offset (into `text`) of the named marker, or of the first unnamed one. */
  offsetOf(name?: string): number;
}

export function withCursors(marked: string): Cursors {
  const markers: Cursors['markers'] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(CURSOR)) {
    text += marked.slice(last, m.index);
    markers.push({ name: m[1] ?? '', offset: text.length, position: positionAt(text, text.length) });
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  const find = (name = ''): Cursors['markers'][number] => {
    const marker = markers.find((m) => m.name === name);
    if (!marker) throw new Error(`no cursor marker |^${name}| in the fixture`);
    return marker;
  };
  return { text, markers, at: (name) => find(name).position, offsetOf: (name) => find(name).offset };
}

/** The LSP position of an offset in a text (lines end at \n; a \r before it belongs to the line). */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Puts a cursor marker into a text at the first occurrence of `needle` (plus `delta` characters). */
export function mark(text: string, needle: string, delta = 0, name = ''): string {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the fixture`);
  return `${text.slice(0, at + delta)}|^${name}|${text.slice(at + delta)}`;
}
