/** Converting engine values (1-based positions, offsets, findings) to LSP ones (0-based). */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Range, Severity, TextEdit } from '../engine/index.js';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

export function toLspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1 },
    end: { line: range.end.line - 1, character: range.end.column - 1 },
  };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function docUrl(packageRoot: string, ruleId: string): string {
  return pathToFileURL(path.join(packageRoot, 'docs', 'rules', `${ruleId}.md`)).href;
}

export function toDiagnostic(finding: Finding, packageRoot: string, knownRule: boolean): Diagnostic {
  return {
    range: toLspRange(finding.range),
    severity: SEVERITY[finding.severity],
    source: 'ehcp',
    code: finding.ruleId,
    ...(knownRule ? { codeDescription: { href: docUrl(packageRoot, finding.ruleId) } } : {}),
    message: finding.message,
    ...(finding.ruleId === 'suppression-reason-missing' ? { tags: [] as DiagnosticTag[] } : {}),
    data: { ruleId: finding.ruleId, hasFix: Boolean(finding.fix) },
  };
}

export function toLspEdits(document: TextDocument, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.startOffset), end: document.positionAt(edit.endOffset) },
    newText: edit.newText,
  }));
}

/** True when two LSP ranges overlap or touch. */
export function rangesMeet(a: LspRange, b: LspRange): boolean {
  const before = (p: LspRange['start'], q: LspRange['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
