/**
 * Accessible PDF export: pdfkit in-process (no browser, no network), A4, Atkinson Hyperlegible embedded,
 * tagged (Document, H1-H6, P, L/LI/Lbl/LBody, Table/TR/TH/TD, TOC/TOCI, Link, BlockQuote), language
 * en-GB, title displayed, header/footer/watermark/table rules as artifacts, bookmarks for every section and
 * sub-heading, a cover and a contents page with page numbers, "Page X of Y", a DRAFT watermark for draft
 * plans, tables with wrapped cells, repeated header rows and rows kept whole, and deterministic bytes.
 *
 * Layout is done here, line by line, rather than by pdfkit's own wrapping, so that the exporter knows
 * exactly where every line falls (pages never appear by surprise and rows are never cut in half).
 */
import PDFDocument from 'pdfkit';
import type { Heading, List, ListItem, PhrasingContent, RootContent, Table, TableCell } from 'mdast';
import type { Plan } from '../model.js';
import { costingAnnexModel, type CostingSummary } from './costing.js';
import { loadFonts } from './fonts.js';
import {
  DOCUMENT_LANG,
  normaliseLabel,
  prepare,
  safeUrl,
  type ContentsEntry,
  type HeadingInfo,
  type PreparedPlan,
} from './prepare.js';

export interface PdfExportOptions {
  /** Adds the costing annex. Without it the PDF carries no money. */
  costing?: CostingSummary | null;
}

// ------------------------------------------------------------------------------------------------
// The slice of pdfkit used here, typed locally (the published typings miss several of these).

interface StructContent {
  readonly __content: true;
}
interface StructElem {
  add(child: StructElem | StructContent): StructElem;
  end(): void;
}
interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean; pageNumber?: number; top?: number; left?: number }): OutlineItem;
}
interface FontObject {
  hasGlyphForCodePoint(cp: number): boolean;
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
}
/** pdfkit writes a JS String object as a PDF string (a primitive string would become a name). */
type PdfString = object;
function pdfString(s: string): PdfString {
  return Object(s) as PdfString;
}

interface Doc {
  page: { width: number; height: number; dictionary: { data: Record<string, unknown> } };
  outline: OutlineItem;
  _font: { font: FontObject };
  _fontFamilies: Record<string, unknown>;
  registerFont(name: string, src: Buffer): Doc;
  font(name: string): Doc;
  fontSize(n: number): Doc;
  fillColor(c: string, opacity?: number): Doc;
  strokeColor(c: string): Doc;
  lineWidth(n: number): Doc;
  widthOfString(s: string): number;
  text(s: string, x: number, y: number, o: { lineBreak: false; underline?: boolean; width?: number; align?: string }): Doc;
  moveTo(x: number, y: number): Doc;
  lineTo(x: number, y: number): Doc;
  rect(x: number, y: number, w: number, h: number): Doc;
  fill(c?: string): Doc;
  stroke(c?: string): Doc;
  save(): Doc;
  translate(x: number, y: number): Doc;
  scale(x: number, y: number): Doc;
  path(d: string): Doc;
  restore(): Doc;
  rotate(a: number, o: { origin: [number, number] }): Doc;
  addPage(o?: object): Doc;
  switchToPage(n: number): void;
  bufferedPageRange(): { start: number; count: number };
  struct(type: string, options?: { scope?: 'Row' | 'Column' | 'Both'; title?: string; alt?: string; lang?: string }): StructElem;
  addStructure(e: StructElem): Doc;
  markStructureContent(tag: string): StructContent;
  markContent(tag: string, options?: { type?: string }): Doc;
  endMarkedContent(): Doc;
  addNamedDestination(name: string, fit: 'XYZ', left: number | null, top: number | null, zoom: number | null): void;
  link(x: number, y: number, w: number, h: number, url: string, o: { structParent: StructElem; Contents: PdfString }): Doc;
  goTo(x: number, y: number, w: number, h: number, name: string, o: { structParent: StructElem; Contents: PdfString }): Doc;
  on(event: 'data', cb: (b: Buffer) => void): void;
  on(event: 'end', cb: () => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  end(): void;
}

// ------------------------------------------------------------------------------------------------
// Page geometry and type (points; A4 is 595.28 x 841.89).

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 60;
const TOP = 80;
const BOTTOM = PAGE_H - 68;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;

const COLOR_TEXT = '#1a1a1a';
const COLOR_HEAD = '#14365f';
const COLOR_LINK = '#0b4f9c';
const COLOR_MUTED = '#4d4d4d';
const COLOR_RULE = '#7f8fa6';
const COLOR_TH_BG = '#e4ebf5';

const BODY_SIZE = 12;
const TABLE_SIZE = 10.5;
const LEADING = 1.45;
const TOC_LEADING = 1.35;
const HEADING_SIZES = [0, 20, 16, 13.5, 12.5, 12, 12];

type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

interface Style {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  /** Index into the block's links, or -1. */
  link: number;
}

interface Frag {
  text: string;
  style: Style;
}

interface LinkTarget {
  url: string;
  /** An in-document anchor (a `#id` that exists) rather than a web link. */
  internal: boolean;
  text: string;
}

interface Seg {
  text: string;
  font: FontKey;
  width: number;
  x: number;
  link: number;
  strike: boolean;
}

interface Line {
  segs: Seg[];
  width: number;
}

interface RichText {
  frags: (Frag | 'break')[];
  links: LinkTarget[];
}

function fontKey(s: { bold: boolean; italic: boolean }): FontKey {
  return s.bold ? (s.italic ? 'boldItalic' : 'bold') : s.italic ? 'italic' : 'regular';
}

const SUBSTITUTES: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '⇒': '=>',
  '✓': 'yes',
  '✔': 'yes',
  '✗': 'no',
  '✘': 'no',
  '☐': '[ ]',
  '☑': '[x]',
  '☒': '[x]',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

// ------------------------------------------------------------------------------------------------

class PdfWriter {
  private readonly doc: Doc;
  private readonly prep: PreparedPlan;
  private readonly widthCache = new Map<string, number>();
  private readonly glyphCache = new Map<string, string>();
  private readonly codePoints = new Map<number, boolean>();
  private y = TOP;
  /** The structure element whose marked content is open, if any. */
  private openElem: StructElem | null = null;
  private readonly root: StructElem;
  private readonly anchors = new Set<string>();
  /** Where each heading landed: for the contents and the bookmarks. */
  private readonly placed = new Map<string, { page: number; y: number }>();
  /** Table header painter for the table being drawn (repeated on each new page). */
  private repeatHeader: (() => void) | null = null;

  constructor(prep: PreparedPlan, doc: Doc) {
    this.prep = prep;
    this.doc = doc;
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    for (const h of prep.headings.values()) this.anchors.add(h.id);
    this.anchors.add('costing-annex');
  }

  // ---------------------------------------------------------------- measuring and glyphs

  private measure(font: FontKey, size: number, text: string): number {
    const k = `${font}|${size}|${text}`;
    let w = this.widthCache.get(k);
    if (w === undefined) {
      w = this.doc.font(font).fontSize(size).widthOfString(text);
      this.widthCache.set(k, w);
    }
    return w;
  }

  /** Replaces characters the font has no glyph for (arrows, ticks) with readable stand-ins. */
  private clean(text: string): string {
    const cached = this.glyphCache.get(text);
    if (cached !== undefined) return cached;
    this.doc.font('regular');
    const font = this.doc._font.font;
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp === 0x200b || cp === 0xfeff || cp === 0xad) continue;
      const sub = SUBSTITUTES[ch];
      if (sub !== undefined) out += sub;
      else if (cp < 0x20) out += ' ';
      else if (cp < 0x7f || this.hasGlyph(font, cp)) out += ch;
      else out += '?';
    }
    if (text.length < 200) this.glyphCache.set(text, out);
    return out;
  }

  private hasGlyph(font: FontObject, cp: number): boolean {
    let has = this.codePoints.get(cp);
    if (has === undefined) {
      has = font.hasGlyphForCodePoint(cp);
      this.codePoints.set(cp, has);
    }
    return has;
  }

  // ---------------------------------------------------------------- marked content

  private mark(elem: StructElem, tag: string): void {
    if (this.openElem === elem) return;
    this.unmark();
    const content = this.doc.markStructureContent(tag);
    elem.add(content);
    this.openElem = elem;
  }

  private unmark(): void {
    if (this.openElem) {
      this.doc.endMarkedContent();
      this.openElem = null;
    }
  }

  private artifact(draw: () => void, type = 'Layout'): void {
    this.unmark();
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  // ---------------------------------------------------------------- pages

  private pageIndex(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count - 1;
  }

  newPage(): void {
    this.unmark();
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = TOP;
    if (this.repeatHeader) this.repeatHeader();
  }

  private ensure(h: number): void {
    if (this.y + h > BOTTOM && this.y > TOP + 0.5) this.newPage();
  }

  // ---------------------------------------------------------------- inline content

  rich(nodes: PhrasingContent[], base: Partial<Style> = {}): RichText {
    const out: RichText = { frags: [], links: [] };
    const style: Style = { bold: !!base.bold, italic: !!base.italic, strike: false, link: -1 };
    const walk = (ns: PhrasingContent[], s: Style): void => {
      for (const n of ns) {
        switch (n.type) {
          case 'text':
            out.frags.push({ text: this.clean(n.value), style: s });
            break;
          case 'inlineCode':
            out.frags.push({ text: this.clean(n.value), style: s });
            break;
          case 'strong':
            walk(n.children, { ...s, bold: true });
            break;
          case 'emphasis':
            walk(n.children, { ...s, italic: true });
            break;
          case 'delete':
            walk(n.children, { ...s, strike: true });
            break;
          case 'break':
            out.frags.push('break');
            break;
          case 'link':
          case 'linkReference': {
            const url: string | null = n.type === 'link' ? n.url : (this.prep.definitions.get(normaliseLabel(n.label ?? n.identifier))?.url ?? null);
            const safe = safeUrl(url);
            const internal = !!safe && safe.startsWith('#');
            if (safe && (!internal || this.anchors.has(safe.slice(1))) && s.link < 0) {
              const text = n.children.map((c) => ('value' in c ? c.value : '')).join('');
              out.links.push({ url: internal ? safe.slice(1) : safe, internal, text });
              walk(n.children, { ...s, link: out.links.length - 1 });
            } else {
              walk(n.children, s);
            }
            break;
          }
          case 'image':
          case 'imageReference': {
            const alt = n.alt?.trim();
            out.frags.push({ text: this.clean(alt ? `[Image: ${alt}]` : '[Image]'), style: s });
            break;
          }
          case 'footnoteReference':
            out.frags.push({ text: `[${n.label ?? n.identifier}]`, style: s });
            break;
          case 'html':
            // Raw HTML never reaches the document: its tags are dropped, text between them stays.
            break;
          default:
            break;
        }
      }
    };
    walk(nodes, style);
    return out;
  }

  plain(text: string, base: Partial<Style> = {}): RichText {
    return { frags: [{ text: this.clean(text), style: { bold: !!base.bold, italic: !!base.italic, strike: false, link: -1 } }], links: [] };
  }

  /** Greedy line breaking over styled fragments; words wider than the line are broken between characters. */
  wrap(rt: RichText, maxW: number, size: number): Line[] {
    type Piece = { text: string; style: Style; width: number };
    type Token = { kind: 'word'; pieces: Piece[]; width: number } | { kind: 'space'; style: Style } | { kind: 'break' };
    const tokens: Token[] = [];
    for (const f of rt.frags) {
      if (f === 'break') {
        tokens.push({ kind: 'break' });
        continue;
      }
      const parts = f.text.split(/(\s+)/);
      for (const part of parts) {
        if (!part) continue;
        if (/^\s+$/.test(part)) {
          const last = tokens[tokens.length - 1];
          if (last && last.kind !== 'space') tokens.push({ kind: 'space', style: f.style });
          continue;
        }
        const piece: Piece = { text: part, style: f.style, width: this.measure(fontKey(f.style), size, part) };
        const last = tokens[tokens.length - 1];
        if (last && last.kind === 'word') {
          last.pieces.push(piece);
          last.width += piece.width;
        } else tokens.push({ kind: 'word', pieces: [piece], width: piece.width });
      }
    }
    const lines: Line[] = [];
    let cur: Piece[] = [];
    let curW = 0;
    let pendingSpace: Style | null = null;
    const flush = (): void => {
      lines.push(this.toLine(cur, size));
      cur = [];
      curW = 0;
      pendingSpace = null;
    };
    for (const t of tokens) {
      if (t.kind === 'break') {
        flush();
        continue;
      }
      if (t.kind === 'space') {
        if (cur.length) pendingSpace = t.style;
        continue;
      }
      const spaceW = pendingSpace ? this.measure(fontKey(pendingSpace), size, ' ') : 0;
      if (curW + spaceW + t.width <= maxW) {
        if (pendingSpace) {
          cur.push({ text: ' ', style: pendingSpace, width: spaceW });
          curW += spaceW;
        }
        pendingSpace = null;
        cur.push(...t.pieces);
        curW += t.width;
        continue;
      }
      if (cur.length) {
        // Keep the breaking space on the line it ends (it takes no room there; see toLine).
        if (pendingSpace) cur.push({ text: ' ', style: pendingSpace, width: spaceW });
        flush();
      }
      if (t.width <= maxW) {
        cur.push(...t.pieces);
        curW = t.width;
        continue;
      }
      // A word longer than the line: break it between characters.
      for (const p of t.pieces) {
        let chunk = '';
        let chunkW = 0;
        for (const ch of p.text) {
          const w = this.measure(fontKey(p.style), size, ch);
          if (curW + chunkW + w > maxW && (cur.length || chunk)) {
            if (chunk) cur.push({ text: chunk, style: p.style, width: chunkW });
            curW += chunkW;
            flush();
            chunk = '';
            chunkW = 0;
          }
          chunk += ch;
          chunkW += w;
        }
        if (chunk) {
          cur.push({ text: chunk, style: p.style, width: chunkW });
          curW += chunkW;
        }
      }
    }
    if (cur.length || lines.length === 0) flush();
    return lines;
  }

  private toLine(pieces: { text: string; style: Style; width: number }[], size: number): Line {
    const segs: Seg[] = [];
    let x = 0;
    for (const p of pieces) {
      const font = fontKey(p.style);
      const last = segs[segs.length - 1];
      if (last && last.font === font && last.link === p.style.link && last.strike === p.style.strike) {
        last.text += p.text;
        last.width += p.width;
      } else {
        segs.push({ text: p.text, font, width: p.width, x, link: p.style.link, strike: p.style.strike });
      }
      x += p.width;
    }
    // A space at a line end takes no room but stays in the text, so that words either side of the break
    // stay separate words for copying, search and screen readers.
    const last = segs[segs.length - 1];
    if (last && last.text.endsWith(' ')) {
      const trimmed = last.text.replace(/ +$/, '');
      last.width = trimmed ? this.measure(last.font, size, trimmed) : 0;
      x = last.x + last.width;
    }
    return { segs: segs.filter((s) => s.text.length > 0), width: x };
  }

  /** Draws one line; `elem`/`tag` own its text, links get Link elements (created once per link per block). */
  drawLine(
    line: Line,
    x: number,
    y: number,
    size: number,
    color: string,
    elem: StructElem,
    tag: string,
    rt: RichText,
    linkElems: Map<number, StructElem>,
  ): void {
    const lh = size * LEADING;
    const textY = y + (lh - size * 1.18) / 2;
    for (const s of line.segs) {
      let target = elem;
      let targetTag = tag;
      const link = s.link >= 0 ? rt.links[s.link] : undefined;
      if (link) {
        let le = linkElems.get(s.link);
        if (!le) {
          le = this.doc.struct('Link');
          elem.add(le);
          linkElems.set(s.link, le);
        }
        target = le;
        targetTag = 'Link';
      }
      this.mark(target, targetTag);
      this.doc
        .font(s.font)
        .fontSize(size)
        .fillColor(link ? COLOR_LINK : color)
        .text(s.text, x + s.x, textY, { lineBreak: false, underline: !!link });
      if (s.strike) {
        const sy = textY + size * 0.62;
        this.doc.lineWidth(0.8).strokeColor(color).moveTo(x + s.x, sy).lineTo(x + s.x + s.width, sy).stroke();
      }
      if (link) {
        const contents = link.internal ? `Go to ${link.text}` : `${link.text} (${link.url})`;
        if (link.internal) this.doc.goTo(x + s.x, y, s.width, lh, link.url, { structParent: target, Contents: pdfString(contents) });
        else this.doc.link(x + s.x, y, s.width, lh, link.url, { structParent: target, Contents: pdfString(contents) });
      }
    }
  }

  /** A run of wrapped text as one structure element, flowing over pages. */
  textBlock(
    parent: StructElem,
    tag: string,
    rt: RichText,
    opts: { x?: number; width?: number; size?: number; color?: string; before?: number; after?: number; keepLines?: number } = {},
  ): StructElem {
    const size = opts.size ?? BODY_SIZE;
    const x = opts.x ?? MARGIN_X;
    const width = opts.width ?? CONTENT_W - (x - MARGIN_X);
    const lh = size * LEADING;
    const lines = this.wrap(rt, width, size);
    const elem = this.doc.struct(tag);
    parent.add(elem);
    this.y += opts.before ?? 0;
    this.ensure(lh * Math.min(lines.length, opts.keepLines ?? 2));
    const linkElems = new Map<number, StructElem>();
    for (const line of lines) {
      this.ensure(lh);
      this.drawLine(line, x, this.y, size, opts.color ?? COLOR_TEXT, elem, tag, rt, linkElems);
      this.y += lh;
    }
    this.unmark();
    for (const le of linkElems.values()) le.end();
    elem.end();
    this.y += opts.after ?? 0;
    return elem;
  }

  // ---------------------------------------------------------------- blocks

  heading(parent: StructElem, node: Heading | null, info: Pick<HeadingInfo, 'id' | 'level' | 'text'>, follow?: number): void {
    const level = Math.min(6, Math.max(1, info.level));
    const size = HEADING_SIZES[level] ?? BODY_SIZE;
    const rt = node ? this.rich(node.children, { bold: true }) : this.plain(info.text, { bold: true });
    const lines = this.wrap(rt, CONTENT_W, size);
    const lh = size * 1.3;
    const before = level === 1 ? 22 : level === 2 ? 14 : 10;
    if (this.y > TOP + 0.5) this.y += before;
    // Keep the heading with at least two lines of what follows.
    // Keep the heading with the start of what follows (two lines, or a table's header and first row).
    this.ensure(Math.min(lines.length * lh + (follow ?? 2 * BODY_SIZE * LEADING) + 6, BOTTOM - TOP));
    const tag = `H${level}`;
    const elem = this.doc.struct(tag);
    parent.add(elem);
    this.doc.addNamedDestination(info.id, 'XYZ', 0, Math.max(0, this.y - 6), null);
    this.placed.set(info.id, { page: this.pageIndex(), y: Math.max(0, this.y - 6) });
    const linkElems = new Map<number, StructElem>();
    for (const line of lines) {
      this.drawLine({ ...line }, MARGIN_X, this.y, size, COLOR_HEAD, elem, tag, rt, linkElems);
      this.y += lh;
    }
    this.unmark();
    for (const le of linkElems.values()) le.end();
    elem.end();
    if (level === 1) {
      const ry = this.y + 2;
      this.artifact(() => {
        this.doc.lineWidth(1.2).strokeColor(COLOR_RULE).moveTo(MARGIN_X, ry).lineTo(PAGE_W - MARGIN_X, ry).stroke();
      });
      this.y += 8;
    } else this.y += 4;
  }

  blocks(parent: StructElem, nodes: RootContent[], x: number, tight = false): void {
    nodes.forEach((n, i) => this.block(parent, n, x, tight, nodes[i + 1], nodes[i + 2]));
  }

  /** The height a block needs at the foot of a page so that a heading above it is not left alone. */
  startHeight(n: RootContent | undefined, x: number, after?: RootContent): number {
    const twoLines = 2 * BODY_SIZE * LEADING;
    if (!n) return twoLines;
    if (n.type === 'heading') {
      // A heading followed by a sub-heading: keep both with what follows the sub-heading.
      const level = Math.min(6, Math.max(1, this.prep.headings.get(n)?.level ?? Math.max(2, n.depth)));
      const size = HEADING_SIZES[level] ?? BODY_SIZE;
      const lines = this.wrap(this.rich(n.children, { bold: true }), CONTENT_W, size).length;
      const before = level === 1 ? 22 : level === 2 ? 14 : 10;
      return before + lines * size * 1.3 + 4 + (after && after.type !== 'heading' ? this.startHeight(after, x) : twoLines);
    }
    if (n.type === 'table') {
      const [head, ...body] = n.children;
      const cellRt = (c: TableCell): RichText => this.rich(c.children);
      const ncol = head ? head.children.length : 0;
      // Column widths depend on every row, so all rows are measured; only the first is laid out.
      const rows = body.map((r) => (ncol ? r.children.slice(0, ncol) : r.children).map(cellRt));
      return this.tableGrid(null, head ? head.children.map(cellRt) : null, rows, x, { measure: true }) + 4;
    }
    return twoLines;
  }

  block(parent: StructElem, n: RootContent, x: number, tight: boolean, next?: RootContent, after?: RootContent): void {
    const gap = tight ? 3 : 8;
    switch (n.type) {
      case 'heading': {
        const info = this.prep.headings.get(n) ?? { id: `h-${this.placed.size}`, level: Math.max(2, n.depth), text: '' };
        this.heading(parent, n, info, this.startHeight(next, x, after));
        break;
      }
      case 'paragraph': {
        const rt = this.rich(n.children);
        // A paragraph that is only bold text works as a heading: keep it with what follows.
        if (n.children.length === 1 && n.children[0]?.type === 'strong') {
          const lines = this.wrap(rt, CONTENT_W - (x - MARGIN_X), BODY_SIZE).length;
          if (lines <= 2) this.ensure(Math.min(lines * BODY_SIZE * LEADING + gap + this.startHeight(next, x, after), BOTTOM - TOP));
        }
        this.textBlock(parent, 'P', rt, { x, after: gap });
        break;
      }
      case 'list':
        this.list(parent, n, x);
        this.y += tight ? 0 : 4;
        break;
      case 'table':
        this.table(parent, n, x);
        break;
      case 'blockquote': {
        const bq = this.doc.struct('BlockQuote');
        parent.add(bq);
        const startPage = this.pageIndex();
        const startY = this.y;
        this.blocks(bq, n.children, x + 16);
        bq.end();
        if (this.pageIndex() === startPage) {
          const endY = this.y - gap;
          this.artifact(() => {
            this.doc.lineWidth(3).strokeColor(COLOR_RULE).moveTo(x + 4, startY).lineTo(x + 4, endY).stroke();
          });
        }
        break;
      }
      case 'code': {
        const rt: RichText = { frags: [], links: [] };
        n.value.split('\n').forEach((l, i) => {
          if (i > 0) rt.frags.push('break');
          rt.frags.push({ text: this.clean(l), style: { bold: false, italic: false, strike: false, link: -1 } });
        });
        this.textBlock(parent, 'P', rt, { x: x + 12, after: gap, size: 11 });
        break;
      }
      case 'thematicBreak': {
        this.ensure(16);
        const ty = this.y + 6;
        this.artifact(() => {
          this.doc.lineWidth(0.8).strokeColor(COLOR_RULE).moveTo(x, ty).lineTo(PAGE_W - MARGIN_X, ty).stroke();
        });
        this.y += 14;
        break;
      }
      case 'footnoteDefinition': {
        const label = `[${n.label ?? n.identifier}] `;
        const first = n.children[0];
        const rt = first && first.type === 'paragraph' ? this.rich(first.children) : { frags: [], links: [] };
        rt.frags.unshift({ text: label, style: { bold: false, italic: false, strike: false, link: -1 } });
        this.textBlock(parent, 'Note', rt, { x, after: gap, size: 10.5 });
        this.blocks(parent, n.children.slice(1), x);
        break;
      }
      default:
        // html (raw HTML is never rendered), yaml, definition: nothing to draw.
        break;
    }
  }

  list(parent: StructElem, node: List, x: number): void {
    const l = this.doc.struct('L');
    parent.add(l);
    const tight = node.spread !== true;
    const start = node.start ?? 1;
    const indent = 20;
    node.children.forEach((item: ListItem, i) => {
      const li = this.doc.struct('LI');
      l.add(li);
      let label = node.ordered ? `${start + i}.` : '•';
      if (item.checked === true) label = '[x]';
      else if (item.checked === false) label = '[ ]';
      const lh = BODY_SIZE * LEADING;
      this.ensure(lh * 2);
      const lbl = this.doc.struct('Lbl');
      li.add(lbl);
      const ly = this.y;
      this.mark(lbl, 'Lbl');
      const lw = this.measure('regular', BODY_SIZE, label);
      this.doc
        .font('regular')
        .fontSize(BODY_SIZE)
        .fillColor(COLOR_TEXT)
        .text(label, x + indent - 6 - lw, ly + (lh - BODY_SIZE * 1.18) / 2, { lineBreak: false });
      this.unmark();
      lbl.end();
      const body = this.doc.struct('LBody');
      li.add(body);
      this.blocks(body, item.children as RootContent[], x + indent, tight);
      body.end();
      li.end();
      if (!tight) this.y += 2;
    });
    l.end();
  }

  /** Lays out a table: wrapped cells, header row repeated on each new page (as an artifact), rows kept whole. */
  tableGrid(
    parent: StructElem | null,
    header: RichText[] | null,
    rows: RichText[][],
    x: number,
    opts: { size?: number; rowHeaders?: boolean; widths?: number[]; title?: string; measure?: boolean } = {},
  ): number {
    const size = opts.size ?? TABLE_SIZE;
    const pad = 5;
    const lh = size * 1.35;
    const avail = PAGE_W - MARGIN_X - x;
    const ncol = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
    if (ncol === 0) return 0;
    // Column widths: at least the longest word (capped), the rest shared by how much text each column has.
    const minW = new Array<number>(ncol).fill(24);
    const natW = new Array<number>(ncol).fill(24);
    const consider = (rt: RichText, c: number, bold: boolean): void => {
      let total = 0;
      for (const f of rt.frags) {
        if (f === 'break') continue;
        const font = fontKey({ bold: bold || f.style.bold, italic: f.style.italic });
        for (const w of f.text.split(/\s+/)) {
          if (!w) continue;
          const ww = this.measure(font, size, w);
          minW[c] = Math.max(minW[c] ?? 0, Math.min(ww, 90) + 2 * pad);
        }
        total += this.measure(font, size, f.text);
      }
      natW[c] = Math.max(natW[c] ?? 0, total + 2 * pad);
    };
    header?.forEach((rt, c) => consider(rt, c, true));
    rows.forEach((r) => r.forEach((rt, c) => consider(rt, c, !!opts.rowHeaders && c === 0)));
    let widths: number[];
    if (opts.widths) widths = opts.widths.map((f) => f * avail);
    else {
      const sumMin = minW.reduce((a, b) => a + b, 0);
      if (sumMin >= avail) widths = minW.map((w) => (w * avail) / sumMin);
      else {
        const extra = natW.map((n, i) => Math.max(0, n - (minW[i] ?? 0)));
        const sumExtra = extra.reduce((a, b) => a + b, 0);
        const spare = avail - sumMin;
        widths = minW.map((w, i) => w + (sumExtra > 0 ? (spare * (extra[i] ?? 0)) / sumExtra : spare / ncol));
        // Never stretch a column far beyond what its text needs when others could use the room.
        if (sumExtra < spare) {
          const leftover = spare - sumExtra;
          widths = minW.map((w, i) => w + (extra[i] ?? 0) + leftover / ncol);
        }
      }
    }
    const colX: number[] = [];
    let acc = x;
    for (const w of widths) {
      colX.push(acc);
      acc += w;
    }
    const layoutRow = (cells: RichText[], bold: (c: number) => boolean): Line[][] =>
      Array.from({ length: ncol }, (_, c) => {
        const rt = cells[c] ?? { frags: [], links: [] };
        const b = bold(c);
        const rt2: RichText = b
          ? { frags: rt.frags.map((f) => (f === 'break' ? f : { text: f.text, style: { ...f.style, bold: true } })), links: rt.links }
          : rt;
        return this.wrap(rt2, (widths[c] ?? 40) - 2 * pad, size).map((l) => l);
      });
    const headerLines = header ? layoutRow(header, () => true) : null;
    const headerH = headerLines ? Math.max(...headerLines.map((ls) => ls.length)) * lh + 2 * pad : 0;

    const firstRowLines = rows[0] ? layoutRow(rows[0], (c) => !!opts.rowHeaders && c === 0) : null;
    const firstH = firstRowLines ? Math.max(...firstRowLines.map((ls) => ls.length)) * lh + 2 * pad : 0;
    const startH = headerH + (firstH <= BOTTOM - TOP - headerH ? firstH : 3 * lh + 2 * pad);
    if (opts.measure || !parent) return startH;

    const table = this.doc.struct('Table', opts.title ? { title: opts.title } : {});
    parent.add(table);

    const drawFrame = (y: number, h: number, isHeader: boolean, rowHeaderCol: boolean): void => {
      this.artifact(() => {
        if (isHeader) this.doc.rect(x, y, acc - x, h).fill(COLOR_TH_BG);
        else if (rowHeaderCol) this.doc.rect(x, y, widths[0] ?? 0, h).fill(COLOR_TH_BG);
        this.doc.lineWidth(0.6).strokeColor(COLOR_RULE);
        this.doc.rect(x, y, acc - x, h).stroke();
        for (let c = 1; c < ncol; c++) this.doc.moveTo(colX[c] ?? 0, y).lineTo(colX[c] ?? 0, y + h).stroke();
      });
    };
    const drawCellLines = (lines: Line[], c: number, y: number, elem: StructElem | null, tag: string, rt: RichText, linkElems: Map<number, StructElem>): void => {
      let ly = y + pad;
      for (const line of lines) {
        if (elem) this.drawLine(line, (colX[c] ?? 0) + pad, ly, size, COLOR_TEXT, elem, tag, rt, linkElems);
        else {
          // Repeated header: artifact text.
          for (const s of line.segs) {
            this.doc.font(s.font).fontSize(size).fillColor(COLOR_TEXT).text(s.text, (colX[c] ?? 0) + pad + s.x, ly + (lh - size * 1.18) / 2, { lineBreak: false });
          }
        }
        ly += lh;
      }
    };
    const paintRepeatedHeader = (): void => {
      if (!headerLines) return;
      const y = this.y;
      drawFrame(y, headerH, true, false);
      this.artifact(() => {
        headerLines.forEach((ls, c) => drawCellLines(ls, c, y, null, 'TH', { frags: [], links: [] }, new Map()));
      }, 'Pagination');
      this.y += headerH;
    };

    const drawRow = (cells: RichText[], lines: Line[][], isHeader: boolean): void => {
      const tr = this.doc.struct('TR');
      table.add(tr);
      const cellElems = lines.map((_, c) => {
        const th = isHeader || (!!opts.rowHeaders && c === 0);
        const tag = th ? 'TH' : 'TD';
        const el = this.doc.struct(tag, th ? { scope: isHeader ? 'Column' : 'Row' } : {});
        tr.add(el);
        return { el, tag, links: new Map<number, StructElem>() };
      });
      const next = lines.map(() => 0);
      const rowH = (from: number[]): number => Math.max(...lines.map((ls, c) => ls.length - (from[c] ?? 0))) * lh + 2 * pad;
      const fullPage = BOTTOM - TOP - headerH;
      const remaining = (): boolean => lines.some((ls, c) => (next[c] ?? 0) < ls.length);
      while (remaining()) {
        const need = rowH(next);
        const space = BOTTOM - this.y;
        const atTop = this.y <= TOP + headerH + 0.5;
        // A row that fits on a fresh page is never cut: it moves to the next page. Only a row taller
        // than a whole page is split, and then from where it stands (unless hardly any room is left).
        if (need > space && !atTop && (need <= fullPage || space < 3 * lh + 2 * pad)) {
          this.newPage();
          continue;
        }
        const fit = Math.max(1, Math.floor((BOTTOM - this.y - 2 * pad) / lh));
        const take = lines.map((ls, c) => Math.min(fit, ls.length - (next[c] ?? 0)));
        const h = Math.max(1, ...take) * lh + 2 * pad;
        const y = this.y;
        drawFrame(y, h, isHeader, !!opts.rowHeaders && !isHeader);
        lines.forEach((ls, c) => {
          const from = next[c] ?? 0;
          const ce = cellElems[c];
          if (!ce) return;
          drawCellLines(ls.slice(from, from + (take[c] ?? 0)), c, y, ce.el, ce.tag, cells[c] ?? { frags: [], links: [] }, ce.links);
          next[c] = from + (take[c] ?? 0);
        });
        this.unmark();
        this.y += h;
        if (remaining()) this.newPage();
      }
      for (const ce of cellElems) {
        for (const le of ce.links.values()) le.end();
        ce.el.end();
      }
      tr.end();
    };

    // Keep the header with the first body row.
    this.ensure(startH);
    if (header && headerLines) drawRow(header, headerLines, true);
    const prevRepeat = this.repeatHeader;
    this.repeatHeader = headerLines ? paintRepeatedHeader : null;
    rows.forEach((r, i) => {
      const lines = i === 0 && firstRowLines ? firstRowLines : layoutRow(r, (c) => !!opts.rowHeaders && c === 0);
      drawRow(r, lines, false);
    });
    this.repeatHeader = prevRepeat;
    table.end();
    this.y += 10;
    return startH;
  }

  table(parent: StructElem, node: Table, x: number): void {
    const [head, ...body] = node.children;
    const cellRt = (c: TableCell): RichText => this.rich(c.children);
    // As in GFM, the header row fixes the number of columns: cells beyond it (e.g. a trailing comment) are
    // ignored, and missing cells are empty.
    const ncol = head ? head.children.length : Math.max(0, ...body.map((r) => r.children.length));
    const header = head ? head.children.map(cellRt) : null;
    const rows = body.map((r) => r.children.slice(0, ncol).map(cellRt));
    this.tableGrid(parent, header, rows, x);
  }

  // ---------------------------------------------------------------- cover, contents, annex

  cover(): void {
    const p = this.prep;
    const sect = this.doc.struct('Sect', { title: 'Cover' });
    this.root.add(sect);
    this.y = TOP + 40;
    this.placed.set('cover', { page: this.pageIndex(), y: 0 });
    this.textBlock(sect, 'P', this.plain(p.cover.find((f) => f.label === 'Local authority')?.value ?? '', { bold: true }), {
      size: 13,
      color: COLOR_MUTED,
      after: 18,
    });
    this.heading(sect, null, { id: 'cover-title', level: 1, text: p.title });
    this.y += 6;
    if (p.draft) {
      this.textBlock(sect, 'P', this.plain(`${p.statusLabel ?? 'Draft'}: not a final plan`, { bold: true }), {
        size: 15,
        color: '#8a1c1c',
        after: 14,
      });
    }
    this.tableGrid(
      sect,
      null,
      p.cover.map((f) => [this.plain(f.label), this.plain(f.value)]),
      MARGIN_X,
      { size: 12.5, rowHeaders: true, widths: [0.42, 0.58], title: 'About this plan' },
    );
    this.y += 10;
    this.textBlock(
      sect,
      'P',
      this.plain(
        'This is an Education, Health and Care Plan under the Children and Families Act 2014. ' +
          'Sections A to K follow the SEND Code of Practice (9.62). The contents are on the next page.',
      ),
      { size: 11, color: COLOR_MUTED },
    );
    sect.end();
  }

  /** Lines of the contents, laid out without drawing (so the number of contents pages is known first). */
  contentsLayout(entries: { text: string; level: 1 | 2 }[]): { lines: Line[]; entry: number; level: 1 | 2 }[] {
    const out: { lines: Line[]; entry: number; level: 1 | 2 }[] = [];
    entries.forEach((e, i) => {
      const size = e.level === 1 ? 12 : 11;
      const indent = e.level === 1 ? 0 : 18;
      const rt = this.plain(e.text, { bold: e.level === 1 });
      out.push({ lines: this.wrap(rt, CONTENT_W - indent - 50, size), entry: i, level: e.level });
    });
    return out;
  }

  contentsPageCount(entries: { text: string; level: 1 | 2 }[]): number {
    let pages = 1;
    let y = TOP + 40;
    for (const e of this.contentsLayout(entries)) {
      const size = e.level === 1 ? 12 : 11;
      const h = e.lines.length * size * TOC_LEADING + (e.level === 1 ? 5 : 0);
      if (y + h > BOTTOM) {
        pages++;
        y = TOP;
      }
      y += h;
    }
    return pages;
  }

  /** Draws the contents on the reserved pages, once the page of every entry is known. */
  drawContents(tocSect: StructElem, firstPage: number, entries: ContentsEntry[], pageCount: number): void {
    let page = firstPage;
    this.doc.switchToPage(page);
    this.y = TOP;
    this.heading(tocSect, null, { id: 'contents', level: 1, text: 'Contents' });
    const toc = this.doc.struct('TOC');
    tocSect.add(toc);
    const layout = this.contentsLayout(entries);
    for (const item of layout) {
      const e = entries[item.entry];
      if (!e) continue;
      const size = item.level === 1 ? 12 : 11;
      const lh = size * TOC_LEADING;
      const indent = item.level === 1 ? 0 : 18;
      const h = item.lines.length * lh + (item.level === 1 ? 5 : 0);
      if (this.y + h > BOTTOM && page < firstPage + pageCount - 1) {
        this.unmark();
        page++;
        this.doc.switchToPage(page);
        this.y = TOP;
      }
      if (item.level === 1) this.y += 5;
      const toci = this.doc.struct('TOCI');
      toc.add(toci);
      const link = this.doc.struct('Link');
      toci.add(link);
      const placed = this.placed.get(e.id);
      const num = placed ? String(placed.page + 1) : '';
      const y0 = this.y;
      item.lines.forEach((line, i) => {
        const segs = line.segs;
        this.mark(link, 'Link');
        for (const s of segs) {
          this.doc
            .font(s.font)
            .fontSize(size)
            .fillColor(COLOR_TEXT)
            .text(s.text, MARGIN_X + indent + s.x, this.y + (lh - size * 1.18) / 2, { lineBreak: false });
        }
        if (i === item.lines.length - 1 && num) {
          // Dot leader (decoration) then the page number (content).
          const nw = this.measure('regular', size, num);
          const from = MARGIN_X + indent + line.width + 6;
          const to = PAGE_W - MARGIN_X - nw - 6;
          const ly = this.y + lh * 0.72;
          if (to > from) {
            this.artifact(() => {
              this.doc.save();
              this.doc.lineWidth(0.7).strokeColor('#9aa5b5');
              for (let dx = from; dx < to; dx += 5) this.doc.moveTo(dx, ly).lineTo(dx + 1.2, ly).stroke();
              this.doc.restore();
            });
          }
          this.mark(link, 'Link');
          this.doc.font('regular').fontSize(size).fillColor(COLOR_TEXT).text(` ${num}`, PAGE_W - MARGIN_X - nw - this.measure('regular', size, ' '), this.y + (lh - size * 1.18) / 2, { lineBreak: false });
        }
        this.y += lh;
      });
      this.doc.goTo(MARGIN_X + indent, y0, CONTENT_W - indent, this.y - y0, e.id, {
        structParent: link,
        Contents: pdfString(`${e.text}, page ${num}`),
      });
      this.unmark();
      link.end();
      toci.end();
    }
    toc.end();
  }

  annex(parent: StructElem, c: CostingSummary): void {
    const m = costingAnnexModel(c);
    const sect = this.doc.struct('Sect', { title: 'Costing annex' });
    parent.add(sect);
    this.newPage();
    this.heading(sect, null, { id: 'costing-annex', level: 1, text: 'Costing annex' });
    for (const t of m.intro) this.textBlock(sect, 'P', this.plain(t), { after: 8 });
    this.heading(sect, null, { id: 'costing-annex-rows', level: 2, text: 'Costed provision' });
    this.tableGrid(sect, m.rowHeader.map((h) => this.plain(h)), m.rows.map((r) => r.map((v) => this.plain(v))), MARGIN_X, {
      size: 9.5,
      widths: [0.07, 0.31, 0.18, 0.13, 0.07, 0.14, 0.1],
      title: 'Costed provision',
    });
    this.heading(sect, null, { id: 'costing-annex-totals', level: 2, text: 'Totals and funding level' });
    this.tableGrid(sect, m.totalsHeader.map((h) => this.plain(h)), m.totals.map((r) => r.map((v) => this.plain(v))), MARGIN_X, {
      size: 11,
      widths: [0.68, 0.32],
      title: 'Totals',
    });
    for (const n of m.notes) this.textBlock(sect, 'P', this.plain(n), { after: 6 });
    sect.end();
  }

  // ---------------------------------------------------------------- the whole document

  render(costing: CostingSummary | null): void {
    const p = this.prep;
    this.newPage();
    this.cover();

    // Contents pages are reserved now and filled in at the end, when page numbers are known.
    const entries: ContentsEntry[] = [...p.contents];
    if (costing) entries.push({ id: 'costing-annex', text: 'Costing annex', level: 1, parentId: null });
    const tocPages = this.contentsPageCount(entries);
    const tocSect = this.doc.struct('Sect', { title: 'Contents' });
    this.root.add(tocSect);
    this.newPage();
    const firstTocPage = this.pageIndex();
    this.placed.set('contents', { page: firstTocPage, y: 0 });
    for (let i = 1; i < tocPages; i++) this.newPage();

    // Body.
    this.newPage();
    // Each statutory section is a Sect holding its heading and content.
    let sect: StructElem | null = null;
    p.blocks.forEach((b, i) => {
      const info = b.type === 'heading' ? p.headings.get(b) : undefined;
      if (info?.isSection) {
        sect?.end();
        sect = this.doc.struct('Sect', { title: info.text });
        this.root.add(sect);
      }
      this.block(sect ?? this.root, b, MARGIN_X, false, p.blocks[i + 1], p.blocks[i + 2]);
    });
    (sect as StructElem | null)?.end();
    if (costing) this.annex(this.root, costing);
    this.unmark();

    this.drawContents(tocSect, firstTocPage, entries, tocPages);
    this.unmark();
    tocSect.end();
    this.root.end();

    this.decorate();
    this.outline(entries);
  }

  /** Running header, footer "Page X of Y" and the DRAFT watermark, all artifacts. */
  private decorate(): void {
    const range = this.doc.bufferedPageRange();
    const total = range.count;
    for (let i = 0; i < total; i++) {
      this.doc.switchToPage(range.start + i);
      // Tab through links in structure order (PDF/UA 7.18.3).
      this.doc.page.dictionary.data['Tabs'] = 'S';
      if (this.prep.draft) this.artifact(() => this.watermark(), 'Pagination');
      if (i > 0) {
        this.artifact(() => {
          const hs = 9.5;
          const text = this.clean(this.prep.runningHeader);
          this.doc.font('regular').fontSize(hs).fillColor(COLOR_MUTED).text(text, MARGIN_X, 38, { lineBreak: false });
          this.doc.lineWidth(0.5).strokeColor(COLOR_RULE).moveTo(MARGIN_X, 54).lineTo(PAGE_W - MARGIN_X, 54).stroke();
        }, 'Pagination');
      }
      this.artifact(() => {
        const fs = 10;
        const text = `Page ${i + 1} of ${total}`;
        const w = this.measure('regular', fs, text);
        this.doc.font('regular').fontSize(fs).fillColor(COLOR_MUTED).text(text, PAGE_W / 2 - w / 2, PAGE_H - 42, { lineBreak: false });
      }, 'Pagination');
    }
  }

  /**
   * "DRAFT" across the page, drawn as glyph outlines rather than text so that it never mixes into the
   * extracted text (copying, search, screen readers ignore it as an artifact anyway).
   */
  private watermark(): void {
    this.doc.font('bold');
    const font = this.doc._font.font;
    const size = 130;
    const scale = size / font.unitsPerEm;
    const run = font.layout('DRAFT');
    const width = run.positions.reduce((a, p) => a + p.xAdvance, 0) * scale;
    this.doc.save();
    this.doc.rotate(-45, { origin: [PAGE_W / 2, PAGE_H / 2] });
    this.doc.translate(PAGE_W / 2 - width / 2, PAGE_H / 2 + size * 0.35);
    this.doc.scale(scale, -scale);
    this.doc.fillColor('#7a0000', 0.1);
    let x = 0;
    run.glyphs.forEach((g, i) => {
      this.doc.save();
      this.doc.translate(x, 0);
      this.doc.path(g.path.toSVG()).fill();
      this.doc.restore();
      x += run.positions[i]?.xAdvance ?? 0;
    });
    this.doc.restore();
  }

  private outline(entries: ContentsEntry[]): void {
    const at = (id: string): { pageNumber: number; top: number; left: number } | null => {
      const pl = this.placed.get(id);
      return pl ? { pageNumber: pl.page, top: pl.y, left: PAGE_W } : null;
    };
    const root = this.doc.outline;
    const cov = at('cover');
    if (cov) root.addItem('Cover', cov);
    const con = at('contents');
    if (con) root.addItem('Contents', con);
    const parents = new Map<string, OutlineItem>();
    for (const e of entries) {
      const dest = at(e.id);
      if (!dest) continue;
      if (e.level === 1) parents.set(e.id, root.addItem(e.text, { ...dest, expanded: true }));
      else {
        const parent = (e.parentId && parents.get(e.parentId)) || root;
        parent.addItem(e.text, dest);
      }
    }
  }
}

/** Exports a plan as an accessible, tagged A4 PDF. Same plan (and costing) in, same bytes out. */
export async function exportPdf(plan: Plan, options: PdfExportOptions = {}): Promise<Buffer> {
  const prep = prepare(plan);
  const fonts = loadFonts();
  const created = prep.creationDate;
  const raw = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: DOCUMENT_LANG,
    displayTitle: true,
    compress: true,
    // A Buffer is accepted at run time; giving the embedded face here keeps pdfkit from loading Helvetica.
    font: fonts.regular as unknown as string,
    info: {
      Title: prep.title,
      Author: plan.meta.localAuthority?.value ?? 'Local authority',
      Subject: `Education, Health and Care Plan for ${prep.childName}`,
      Keywords: 'EHCP; Education, Health and Care Plan; SEND',
      Creator: 'EHCP Toolkit',
      Producer: 'EHCP Toolkit (PDFKit)',
      CreationDate: created,
      ModDate: prep.modDate,
    },
  });
  const doc = raw as unknown as Doc;
  doc.registerFont('regular', fonts.regular);
  // pdfkit opened the default face (the same file) under its PostScript name; without this alias every
  // switch back to 'regular' would parse the font file again (it finds the equal font but never caches the
  // alias), which made exports several times slower.
  doc._fontFamilies['regular'] = doc._font;
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.registerFont('boldItalic', fonts.boldItalic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new PdfWriter(prep, doc);
  w.render(options.costing ?? null);
  doc.end();
  return done;
}
