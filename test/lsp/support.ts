/** Shared helpers for the language-server tests: in-memory documents, one AnalysisStore, edits. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range as LspRange, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { AnalysisStore, type Analysis } from '../../server/lsp/analysis.js';
import type { EhcpSettings } from '../../server/lsp/protocol.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const AS_OF = '2026-11-22';
export const SETTINGS: EhcpSettings = { enable: true, rules: {}, fundingSchemes: [], asOf: AS_OF };

export function example(name: 'primary-mainstream' | 'flawed-draft' | 'secondary-year10-pfa' | 'special-school' | 'long-post16'): string {
  return fs.readFileSync(path.join(ROOT, 'templates/examples', `${name}.ehcp.md`), 'utf8');
}

/** In-memory documents with increasing versions, analysed by one store with the test settings. */
export class Workspace {
  readonly store: AnalysisStore;
  private version = 0;
  constructor(settings: EhcpSettings = SETTINGS) {
    this.store = new AnalysisStore(() => settings, () => []);
  }
  open(text: string, uri = 'file:///virtual/plans/test.ehcp.md'): { document: TextDocument; analysis: Analysis } {
    const document = TextDocument.create(uri, 'markdown', ++this.version, text);
    return { document, analysis: this.store.get(document) };
  }
}

/** Applies LSP edits to a document's text (edits of one change set never overlap). */
export function applyEdits(document: TextDocument, edits: LspTextEdit[]): string {
  return TextDocument.applyEdits(document, edits);
}

export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): LspTextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

export function textAt(document: TextDocument, range: LspRange): string {
  return document.getText(range);
}

/** Replaces the first occurrence of `from`, failing loudly when the fixture has changed. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`fixture no longer contains: ${from.slice(0, 80)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`fixture no longer contains: ${needle}`);
  return index + 1;
}
