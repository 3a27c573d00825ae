/**
 * The Markdown front end: one frozen unified processor with remark-parse, YAML front matter and GFM
 * tables only. Autolink literals and the rest of GFM are left out on purpose: they cost parse time
 * (measured 1.65x) and plans do not need them.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

function remarkGfmTablesOnly(this: Processor): void {
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTablesOnly).freeze();

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** Plain text of a node, without HTML (comments, markers) and without Markdown punctuation. */
export function plainText(node: Nodes | Nodes[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return nodes
    .map((n) => toString(n, { includeHtml: false }))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const COMMENT = /<!--[\s\S]*?-->/g;

/** Replaces HTML comments with spaces of the same length, so offsets into the result stay valid. */
export function maskComments(source: string): string {
  return source.replace(COMMENT, (m) => m.replace(/[^\n\r]/g, ' '));
}

/** True for an mdast node that is only an HTML comment (markers, suppressions). */
export function isCommentNode(node: Nodes): boolean {
  return node.type === 'html' && /^\s*(<!--[\s\S]*?-->\s*)+$/.test(node.value);
}

/**
 * Re-parsing only what an edit touched: the text is cut into top-level chunks where a new block must
 * start (see BLOCK_START), each chunk is parsed on its own and cached by its text, and the chunks' trees
 * are joined with their positions shifted. Chunks start at
 * line starts, so only lines and offsets move, never columns. Used by the language server, where a
 * keystroke changes one section of a plan of up to a megabyte.
 */
export class ChunkCache {
  private trees = new Map<string, Root>();

  parse(text: string): Root {
    const chunks = splitChunks(text);
    const next = new Map<string, Root>();
    const root: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
    let line = 0;
    for (const chunk of chunks) {
      const tree = next.get(chunk.text) ?? this.trees.get(chunk.text) ?? parseMarkdown(chunk.text);
      next.set(chunk.text, tree);
      for (const child of tree.children) root.children.push(shifted(child, line, chunk.start));
      line += chunk.lines;
    }
    this.trees = next;
    return root;
  }
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  const line = (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
  return { line, column: text.length - lastBreak, offset: text.length };
}

interface Chunk {
  text: string;
  start: number;
  lines: number;
}

/**
 * Where a new top-level block must start whatever came before: after a blank line, outside fenced code and
 * HTML comments, a line at the margin that is an ATX heading, a table row, or the start of a paragraph
 * (a letter, or bold/italic text; never a list marker, which could continue a loose list, nor an indented
 * line, which could belong to a list item or code). Cutting there gives the same blocks as a whole parse.
 */
const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|\||\*\*|__|[\p{L}])/u;

function splitChunks(text: string): Chunk[] {
  const starts: number[] = [0];
  let fence: string | null = null;
  let inComment = false;
  let previousBlank = true;
  let offset = 0;
  let lineNo = 0;
  const frontMatterEnd = /^---\r?\n/.test(text) ? (/\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(3))?.index ?? text.length) + 3 : -1;
  for (const line of text.split(/(?<=\n)/)) {
    const content = line.replace(/\r?\n$/, '');
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
    } else if (inComment) {
      if (content.includes('-->')) inComment = false;
    } else if (fenceMatch) fence = fenceMatch[1]!;
    else {
      if (offset > frontMatterEnd && lineNo > 0 && previousBlank && BLOCK_START.test(content)) starts.push(offset);
      if (content.lastIndexOf('<!--') > content.lastIndexOf('-->')) inComment = true;
    }
    previousBlank = content.trim() === '';
    offset += line.length;
    lineNo++;
  }
  return starts.map((start, i) => {
    const chunkText = text.slice(start, starts[i + 1] ?? text.length);
    return { text: chunkText, start, lines: (chunkText.match(/\r\n|\r|\n/g) ?? []).length };
  });
}

/** A copy of a node with every position moved down by `lines` and along by `offset`. */
function shifted<T extends Nodes>(node: T, lines: number, offset: number): T {
  if (lines === 0 && offset === 0) return node;
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) {
    copy.position = {
      start: { line: node.position.start.line + lines, column: node.position.start.column, offset: (node.position.start.offset ?? 0) + offset },
      end: { line: node.position.end.line + lines, column: node.position.end.column, offset: (node.position.end.offset ?? 0) + offset },
    };
  }
  if ('children' in node && Array.isArray(node.children)) copy.children = (node.children as Nodes[]).map((c) => shifted(c, lines, offset));
  return copy;
}
