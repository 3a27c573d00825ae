/** Quick fixes from each rule's fix, "disable for this line", and fix-all (source.fixAll.ehcp). */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEdit } from '../../engine/index.js';
import type { Analysis } from '../analysis.js';
import { rangesMeet, toLspEdits, toLspRange } from '../convert.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.ehcp`;

export function codeActions(document: TextDocument, analysis: Analysis, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const findings = analysis.result.findings.filter((f) => rangesMeet(toLspRange(f.range), params.range));
    for (const finding of findings) {
      const diagnostic = params.context.diagnostics.find((d) => d.code === finding.ruleId && rangesMeet(d.range, toLspRange(finding.range)));
      if (finding.fix) {
        actions.push({
          title: finding.fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: true,
          ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
          edit: { changes: { [document.uri]: toLspEdits(document, finding.fix.edits) } },
        });
      }
      // A comment inside the front matter would break its YAML, so findings there are not switched off inline.
      const fm = analysis.result.plan.frontMatter;
      const inFrontMatter = fm !== null && finding.range.start.offset <= fm.range.end.offset;
      if (!inFrontMatter && finding.ruleId !== 'internal-error' && finding.ruleId !== 'config-invalid') {
        actions.push(disableAction(document, finding, diagnostic ? [diagnostic] : undefined));
      }
    }
  }
  if (wants(FIX_ALL_KIND) || (only && only.includes(CodeActionKind.SourceFixAll))) {
    const edits = fixAllEdits(analysis.result.findings);
    if (edits.length > 0) {
      actions.push({ title: 'Fix all EHCP problems that have an automatic fix', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: toLspEdits(document, edits) } } });
    }
  }
  return actions;
}

/** Every finding's fix whose edits do not overlap an earlier one's (the rest are left for the next run). */
export function fixAllEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const edits = finding.fix?.edits ?? [];
    if (edits.length === 0) continue;
    const clashes = edits.some((e) => taken.some((t) => e.startOffset < t.endOffset && t.startOffset < e.endOffset || (e.startOffset === t.startOffset && e.endOffset === t.endOffset)));
    if (!clashes) taken.push(...edits);
  }
  return taken.sort((a, b) => a.startOffset - b.startOffset);
}

/**
 * Inserts a suppression with a visible reason placeholder. On a table row a comment line would end the
 * table, so the comment goes at the end of the row (`ehcp-disable-line`) instead.
 */
function disableAction(document: TextDocument, finding: Finding, diagnostics: CodeAction['diagnostics']): CodeAction {
  const line = finding.range.start.line - 1;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const inTable = /^\s*\|/.test(lineText);
  const edit = inTable
    ? { range: { start: { line, character: lineText.length }, end: { line, character: lineText.length } }, newText: ` <!-- ehcp-disable-line ${finding.ruleId} -- [reason] -->` }
    : {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        newText: `${/^\s*/.exec(lineText)?.[0] ?? ''}<!-- ehcp-disable-next-line ${finding.ruleId} -- [reason] -->${document.getText().includes('\r\n') ? '\r\n' : '\n'}`,
      };
  return {
    title: `Switch off ${finding.ruleId} for this line (give the reason)`,
    kind: CodeActionKind.QuickFix,
    ...(diagnostics ? { diagnostics } : {}),
    edit: { changes: { [document.uri]: [edit] } },
  };
}
