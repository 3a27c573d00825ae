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
