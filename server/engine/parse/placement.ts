/** Section I: the placement, as `Name:` and `Type:` lines (contract section 3). */
import type { Placement, Section, Span } from '../model.js';
import type { LineIndex } from './positions.js';
import { maskComments } from './markdown.js';

const FIELD_LINE = /^(\s*(?:[-*+]\s+|\|\s*)?(?:\*\*|__)?\s*)(name|type)(?:\s+of\s+(?:school|setting|institution|placement|provision))?\s*(?:\*\*|__)?\s*[:\-–|]\s*(?:\*\*|__)?\s*(.*?)\s*\|?\s*$/i;
const NOT_NAMED = /\bnot (?:be )?named\b|\bnot (?:included|specified|stated) in (?:a|the|this) draft\b|\bno (?:school|setting|placement) (?:is|has been) named\b|\b(?:to|will) be (?:named|confirmed|agreed|decided) (?:in|when|once|after) the (?:final|plan is finalised)|\bleft blank in (?:a|the) draft\b/i;

export function findPlacement(section: Section, text: string, lines: LineIndex): Placement {
  const placement: Placement = { name: null, type: null, otherText: [], statesNotNamed: false };
  const bodyStart = section.heading.range.end.offset;
  const bodyEnd = section.range.end.offset;
  const body = maskComments(text.slice(bodyStart, bodyEnd));
  let offset = bodyStart;
  for (const [line, lineBreak] of linesWithBreaks(body)) {
    const lineStart = offset;
    offset += line.length + lineBreak.length;
    if (line.trim() === '' || /^\s*\|?[\s:|-]+\|?\s*$/.test(line)) continue;
    const m = FIELD_LINE.exec(line);
    if (m && m[3] !== undefined && m[3].trim() !== '' && NOT_NAMED.test(m[3])) {
      placement.statesNotNamed = true; // "Name: Not named in a draft plan."
      continue;
    }
    if (m && m[3] !== undefined && m[3].trim() !== '') {
      const valueStart = lineStart + line.indexOf(m[3], m[1]!.length + m[2]!.length);
      const span: Span = { text: m[3].replace(/[*_]+/g, '').trim(), range: lines.range(valueStart, valueStart + m[3].length) };
      if (m[2]!.toLowerCase() === 'name') placement.name ??= span;
      else placement.type ??= span;
      continue;
    }
    const trimmedStart = lineStart + (line.length - line.trimStart().length);
    const span: Span = { text: line.trim(), range: lines.range(trimmedStart, lineStart + line.trimEnd().length) };
    if (NOT_NAMED.test(line)) placement.statesNotNamed = true;
    else if (!/^#{1,6}\s/.test(line.trim())) placement.otherText.push(span);
  }
  return placement;
}

/** Each line with the line break that ends it ('' for the last), so offsets stay right in CRLF files. */
function linesWithBreaks(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([text.slice(start, m.index), m[0]]);
    start = m.index + m[0].length;
  }
  out.push([text.slice(start), '']);
  return out;
}
