/**
 * Service-level tests of every language-server feature on in-memory documents (no server process): the
 * feature functions in server/lsp/features/*.ts over an AnalysisStore, with cursor markers (`|^|`) in the
 * fixtures giving the positions. Protocol-level behaviour (debounce, push/pull, configuration) is in
 * protocol.test.ts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  SymbolKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import planSchema from '../../schemas/plan.schema.json';
import { ruleById, type Finding } from '../../server/engine/index.js';
import { bundledSchemes } from '../../server/engine/costing/index.js';
import type { Analysis } from '../../server/lsp/analysis.js';
import { toDiagnostic } from '../../server/lsp/convert.js';
import { codeActions, fixAllEdits, FIX_ALL_KIND } from '../../server/lsp/features/code-actions.js';
import { complete } from '../../server/lsp/features/completion.js';
import { hover } from '../../server/lsp/features/hover.js';
import { documentSymbols } from '../../server/lsp/features/symbols.js';
import { definition, prepareRename, references, rename } from '../../server/lsp/features/navigation.js';
import { codeLenses } from '../../server/lsp/features/code-lens.js';
import { SECTION_LAW } from '../../server/lsp/features/section-law.js';
import { costingResult, planStatus } from '../../server/lsp/features/status.js';
import type { CostingPlan } from '../../server/lsp/protocol.js';
import { readExpectations } from '../support/markers.js';
import { mark, withCursors } from './cursor.js';
import { AS_OF, ROOT, Workspace, applyEdits, editsFor, example, lineOf, replaceOnce, textAt } from './support.js';

const PRIMARY = example('primary-mainstream');
const FLAWED = example('flawed-draft');
const ASOF_DATE = new Date(`${AS_OF}T00:00:00Z`);

const ws = new Workspace();
const diagnosticsOf = (analysis: Analysis): Diagnostic[] => analysis.result.findings.map((f) => toDiagnostic(f, ROOT, ruleById(f.ruleId) !== undefined));
const hoverText = (h: Hover | null): string => {
  assert.ok(h, 'expected a hover');
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
};
const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const quickFixParams = (document: TextDocument, diagnostic: Diagnostic, only?: string[]): CodeActionParams => ({
  textDocument: { uri: document.uri },
  range: diagnostic.range,
  context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
});
/** The quick fixes a client asking for `quickfix` actions at a finding's diagnostic gets. */
const quickFixes = (document: TextDocument, analysis: Analysis, finding: Finding): CodeAction[] =>
  codeActions(document, analysis, quickFixParams(document, toDiagnostic(finding, ROOT, true), [CodeActionKind.QuickFix]));
const findingsOf = (analysis: Analysis, ruleId: string): Finding[] => analysis.result.findings.filter((f) => f.ruleId === ruleId);

/** Opens a fixture with cursor markers and runs `complete` at the (first) marker. */
function completeAt(marked: string, name?: string): { items: CompletionItem[]; document: TextDocument; analysis: Analysis } {
  const { text, at } = withCursors(marked);
  const { document, analysis } = ws.open(text);
  return { items: complete(document, analysis, at(name)), document, analysis };
}

function hoverAt(marked: string, name?: string): string {
  const { text, at } = withCursors(marked);
  const { document, analysis } = ws.open(text);
  return hoverText(hover(document, analysis, at(name), ROOT));
}

describe('language server features (in-memory documents)', () => {
  describe('cursor markers', () => {
    it('removes the markers and returns 0-based positions in the clean text', () => {
      const c = withCursors('ab|^|c\nd|^x|ef\n|^|');
      assert.equal(c.text, 'abc\ndef\n');
      assert.deepEqual(c.at(), { line: 0, character: 2 });
      assert.deepEqual(c.at('x'), { line: 1, character: 1 });
      assert.deepEqual(c.markers[2]?.position, { line: 2, character: 0 });
      assert.equal(c.offsetOf('x'), 5);
      assert.throws(() => c.at('missing'), /no cursor marker/);
    });
  });

  describe('plans only', () => {
    it('other Markdown is not a plan and gets no findings', () => {
      const { analysis } = ws.open('# Meeting notes\n\nAccess to a small group as required.\n\n## Section F: Special educational provision\n\n- should have speech therapy\n', 'file:///virtual/notes.md');
      assert.equal(analysis.result.isPlan, false);
      assert.deepEqual(analysis.result.findings, []);
    });
    it('a file named *.ehcp.md is a plan even without front matter', () => {
      const { analysis } = ws.open('# Plan\n\n## Section A: Views\n\nText.\n', 'file:///virtual/bare.ehcp.md');
      assert.equal(analysis.result.isPlan, true);
      assert.equal(analysis.result.plan.planBy, 'file-name');
      assert.ok(findingsOf(analysis, 'section-missing').length > 0);
    });
  });

  describe('diagnostics', () => {
    it('the clean example has none', () => {
      assert.deepEqual(diagnosticsOf(ws.open(PRIMARY).analysis), []);
    });

    it('the flawed draft has exactly its marked findings, each with the rule id as code and a link to the rule doc', () => {
      const { document, analysis } = ws.open(FLAWED);
      const diagnostics = diagnosticsOf(analysis);
      const expected = readExpectations(FLAWED).map((e) => `${e.ruleId}@${(e.line ?? 0) - 1}`).sort();
      assert.deepEqual(diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`).sort(), expected);
      for (const d of diagnostics) {
        const href = pathToFileURL(path.join(ROOT, 'docs', 'rules', `${String(d.code)}.md`)).href;
        assert.equal(d.source, 'ehcp');
        assert.deepEqual(d.codeDescription, { href }, `${String(d.code)} links to its doc`);
        assert.ok(fs.existsSync(new URL(href)), `${href} exists`);
      }
      // Ranges are the engine's 1-based ones minus one; the text under a range is the offending phrase.
      analysis.result.findings.forEach((f, i) => {
        const d = diagnostics[i]!;
        assert.deepEqual(d.range, {
          start: { line: f.range.start.line - 1, character: f.range.start.column - 1 },
          end: { line: f.range.end.line - 1, character: f.range.end.column - 1 },
        });
        assert.equal(document.offsetAt(d.range.start), f.range.start.offset, `${f.ruleId} start offset`);
        assert.equal(document.offsetAt(d.range.end), f.range.end.offset, `${f.ruleId} end offset`);
      });
      const hedge = diagnostics.find((d) => d.code === 'provision-hedge')!;
      assert.deepEqual(hedge.range, { start: { line: 127, character: 6 }, end: { line: 127, character: 12 } });
      assert.equal(textAt(document, hedge.range), 'should');
      assert.equal(hedge.severity, DiagnosticSeverity.Error);
      assert.deepEqual(hedge.data, { ruleId: 'provision-hedge', hasFix: true });
      const mismatch = diagnostics.find((d) => d.code === 'funding-level-mismatch')!;
      assert.equal(textAt(document, mismatch.range), 'L2');
      assert.equal(mismatch.severity, DiagnosticSeverity.Warning);
      assert.deepEqual(mismatch.data, { ruleId: 'funding-level-mismatch', hasFix: false });
    });

    it('CRLF line ends and characters outside the BMP: ranges are still exact (UTF-16 columns)', () => {
      const text = replaceOnce(FLAWED, '| Mia should receive', '| Mia 🐴🐴 should receive').replace(/\n/g, '\r\n');
      const { document, analysis } = ws.open(text);
      const diagnostics = diagnosticsOf(analysis);
      assert.deepEqual(diagnostics.map((d) => String(d.code)).sort(), readExpectations(FLAWED).map((e) => e.ruleId).sort());
      const hedge = diagnostics.find((d) => d.code === 'provision-hedge')!;
      assert.equal(textAt(document, hedge.range), 'should');
      assert.deepEqual(hedge.range, { start: { line: 127, character: 11 }, end: { line: 127, character: 17 } });
      for (const [i, f] of analysis.result.findings.entries()) assert.equal(document.offsetAt(diagnostics[i]!.range.start), f.range.start.offset, f.ruleId);
      // "switch off" keeps the file's CRLF line ends
      const outcome = findingsOf(analysis, 'outcome-is-provision')[0]!;
      const off = quickFixes(document, analysis, outcome).find((a) => a.title.startsWith('Switch off'))!;
      assert.equal(editsFor(off.edit, document.uri)[0]!.newText, '<!-- ehcp-disable-next-line outcome-is-provision -- [reason] -->\r\n');
      const after = ws.open(applyEdits(document, editsFor(off.edit, document.uri))).analysis;
      assert.deepEqual(findingsOf(after, 'outcome-is-provision'), []);
    });

    it('a rule set to off in the settings reports nothing; a severity override changes the severity', () => {
      const quiet = new Workspace({ enable: true, rules: { 'provision-hedge': 'off', 'section-empty': 'warning' }, fundingSchemes: [], asOf: AS_OF });
      const { analysis } = quiet.open(FLAWED);
      assert.equal(findingsOf(analysis, 'provision-hedge').length, 0);
      assert.equal(findingsOf(analysis, 'section-empty')[0]?.severity, 'warning');
    });

    it('a broken YAML front matter is reported at the YAML error line', () => {
      const broken = replaceOnce(PRIMARY, '  level: L8', '  level: [L8');
      const { analysis } = ws.open(broken);
      const yaml = findingsOf(analysis, 'front-matter-valid');
      assert.ok(yaml.length >= 1, 'a front-matter-valid finding');
      const errorLine = lineOf(broken, '  level: [L8');
      assert.ok(yaml.some((f) => f.range.start.line >= errorLine && f.range.start.line <= errorLine + 2), `at or just after line ${errorLine}: ${yaml.map((f) => f.range.start.line).join(',')}`);
    });
  });

  describe('code actions', () => {
    /** Each fixable rule: how to provoke it from the clean example, and what the fix must achieve. */
    const resolving: { rule: string; provoke: (t: string) => string; title: string }[] = [
      { rule: 'funding-level-mismatch', provoke: (t) => replaceOnce(t, '  level: L8', '  level: L3'), title: 'Set the funding level to L8' },
      { rule: 'funding-level-missing', provoke: (t) => replaceOnce(t, '  level: L8\n', ''), title: 'Declare funding level L8' },
      {
        rule: 'section-missing',
        provoke: (t) => replaceOnce(t, '## Section D: Social care needs related to special educational needs or disability\n\nLeo has no social care needs related to his special educational needs or disability.\n\n', ''),
        title: 'Insert Section D',
      },
      { rule: 'section-empty', provoke: (t) => replaceOnce(t, "No health care needs related to Leo's special educational needs have been identified.\n\n", ''), title: 'State that Section C has none' },
      {
        rule: 'section-h-not-split',
        provoke: (t) =>
          replaceOnce(
            t,
            '## Section H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970\n\nNo provision is required under section 2 of the Chronically Sick and Disabled Persons Act 1970.\n\n## Section H2: Other social care provision',
            '## Section H: Social care provision',
          ),
        title: 'Split into Sections H1 and H2',
      },
      { rule: 'placement-missing-in-final', provoke: (t) => replaceOnce(t, 'Name: Fernbrook Primary Academy, Example Borough\n\nType: Mainstream primary academy', ''), title: 'Add Name and Type lines' },
      { rule: 'provision-hedge', provoke: (t) => replaceOnce(t, '| Direct speech and language therapy', '| Leo should receive direct speech and language therapy'), title: 'Replace "should" with "will"' },
      {
        rule: 'provision-vague-phrase',
        provoke: (t) => replaceOnce(t, '| Numicon times tables work with concrete apparatus |', '| Access to Numicon times tables work with concrete apparatus |'),
        title: 'Replace "Access to" with placeholders to fill in',
      },
      {
        rule: 'suppression-reason-missing',
        provoke: (t) => replaceOnce(t, '## Section G: Health provision', '<!-- ehcp-disable-next-line section-empty -->\n## Section G: Health provision'),
        title: 'Add a reason placeholder',
      },
    ];

    for (const c of resolving) {
      it(`${c.rule}: the quick fix applies and the finding disappears on re-analysis`, () => {
        const { document, analysis } = ws.open(c.provoke(PRIMARY));
        const finding = findingsOf(analysis, c.rule)[0];
        assert.ok(finding, `${c.rule} is reported`);
        assert.equal(finding.fix?.title, c.title);
        const diagnostic = toDiagnostic(finding, ROOT, true);
        const actions = codeActions(document, analysis, quickFixParams(document, diagnostic));
        const fix = actions.find((a) => a.title === c.title);
        assert.ok(fix, `a "${c.title}" action among ${actions.map((a) => a.title).join(' / ')}`);
        assert.equal(fix.kind, CodeActionKind.QuickFix);
        assert.equal(fix.isPreferred, true);
        assert.deepEqual(fix.diagnostics, [diagnostic]);
        const after = ws.open(applyEdits(document, editsFor(fix.edit, document.uri))).analysis;
        const stillThere = findingsOf(after, c.rule).filter((f) => f.range.start.line === finding.range.start.line);
        assert.deepEqual(stillThere.map((f) => f.message), [], `${c.rule} gone after the fix`);
        assert.deepEqual(after.result.findings.map((f) => f.ruleId), [], 'the example is clean again');
      });
    }

    it('outcome-not-time-bound: the fix adds "By [when], "; filling in the time clears the finding', () => {
      const { document, analysis } = ws.open(FLAWED);
      const finding = findingsOf(analysis, 'outcome-not-time-bound')[0]!;
      const fix = quickFixes(document, analysis, finding).find((a) => a.isPreferred)!;
      assert.equal(fix.title, 'Add a time placeholder to E4: "By [when], ..."');
      const fixed = applyEdits(document, editsFor(fix.edit, document.uri));
      assert.ok(fixed.includes('- **E4** By [when], Mia will write 3 sentences'));
      const filled = ws.open(replaceOnce(fixed, 'By [when], Mia', 'By the end of Year 5, Mia')).analysis;
      assert.deepEqual(findingsOf(filled, 'outcome-not-time-bound'), []);
      assert.equal(filled.result.findings.length, analysis.result.findings.length - 1);
    });

    it('outcome-not-time-bound: once its fix is applied the same fix is not offered again (no "By [when], By [when], ...")', () => {
      const first = ws.open(FLAWED);
      const fix = quickFixes(first.document, first.analysis, findingsOf(first.analysis, 'outcome-not-time-bound')[0]!).find((a) => a.isPreferred)!;
      const once = ws.open(applyEdits(first.document, editsFor(fix.edit, first.document.uri)));
      const again = findingsOf(once.analysis, 'outcome-not-time-bound').filter((f) => f.fix?.edits.some((e) => e.newText === 'By [when], '));
      assert.deepEqual(again.map((f) => f.fix?.title), [], 'the placeholder is already there; offering it again stacks a second "By [when], "');
    });

    it('placement-named-in-draft: the fix replaces the named school and that finding disappears', () => {
      const draft = replaceOnce(replaceOnce(PRIMARY, 'status: final', 'status: draft'), '  finalIssued: 2026-09-21\n', '');
      const { document, analysis } = ws.open(draft);
      const finding = findingsOf(analysis, 'placement-named-in-draft')[0]!;
      const line = lineOf(draft, 'Name: Fernbrook Primary Academy');
      assert.equal(finding.range.start.line, line);
      const fix = quickFixes(document, analysis, finding).find((a) => a.isPreferred)!;
      assert.equal(fix.title, 'Replace with "Not named in a draft plan."');
      const fixed = applyEdits(document, editsFor(fix.edit, document.uri));
      assert.ok(fixed.includes('Name: Not named in a draft plan.'));
      const after = ws.open(fixed).analysis;
      assert.deepEqual(findingsOf(after, 'placement-named-in-draft').filter((f) => f.range.start.line === line), []);
    });

    /** Fixes that fill a gap with a visible placeholder: the finding stays until the writer fills it in. */
    const placeholders: { rule: string; provoke: (t: string) => string; title: string; placeholder: string; filled: string }[] = [
      { rule: 'provision-missing-frequency', provoke: (t) => replaceOnce(t, '| 1:2 | 3 times a week | 20 minutes |', '| 1:2 |  | 20 minutes |'), title: 'Fill the How often cell with a placeholder', placeholder: '[how often]', filled: '3 times a week' },
      { rule: 'provision-missing-duration', provoke: (t) => replaceOnce(t, '| 1:2 | 3 times a week | 20 minutes |', '| 1:2 | 3 times a week |  |'), title: 'Fill the How long cell with a placeholder', placeholder: '[how long]', filled: '20 minutes' },
      { rule: 'provision-missing-group-size', provoke: (t) => replaceOnce(t, '| Teaching assistant trained in Talk Boost KS2 | 1:4 |', '| Teaching assistant trained in Talk Boost KS2 | small group |'), title: 'Replace "small group" with a placeholder to fill in', placeholder: '[number]', filled: '4' },
      { rule: 'provision-missing-deliverer', provoke: (t) => replaceOnce(t, '| Teaching assistant trained in Numicon | 1:2 |', '|  | 1:2 |'), title: 'Fill the Who cell with a placeholder', placeholder: '[role and training]', filled: 'Teaching assistant trained in Numicon' },
    ];
    for (const c of placeholders) {
      it(`${c.rule}: the quick fix inserts the placeholder ${c.placeholder}; filling it in clears the finding`, () => {
        const { document, analysis } = ws.open(c.provoke(PRIMARY));
        const finding = findingsOf(analysis, c.rule)[0];
        assert.ok(finding, `${c.rule} is reported`);
        const fix = quickFixes(document, analysis, finding).find((a) => a.title === c.title);
        assert.ok(fix, `a "${c.title}" action`);
        const fixed = applyEdits(document, editsFor(fix.edit, document.uri));
        assert.ok(fixed.includes(c.placeholder));
        const filled = ws.open(replaceOnce(fixed, c.placeholder, c.filled)).analysis;
        assert.deepEqual(filled.result.findings.map((f) => f.ruleId), []);
      });
    }

    it('advice-date-missing: the fix puts [YYYY-MM-DD] into the empty Date cell, keeping the row\'s pipes', () => {
      const row = '| Psychological advice | Educational psychologist, Example Borough Educational Psychology Service |  |';
      const { document, analysis } = ws.open(replaceOnce(PRIMARY, 'Educational Psychology Service | 2026-07-06 |', 'Educational Psychology Service |  |'));
      const line = lineOf(document.getText(), row);
      const finding = findingsOf(analysis, 'advice-date-missing')[0]!;
      assert.equal(finding.range.start.line, line);
      const fix = quickFixes(document, analysis, finding).find((a) => a.title === 'Add a date placeholder')!;
      const fixed = applyEdits(document, editsFor(fix.edit, document.uri));
      assert.equal(fixed.split('\n')[line - 1], '| Psychological advice | Educational psychologist, Example Borough Educational Psychology Service | [YYYY-MM-DD] |');
      const filled = ws.open(replaceOnce(fixed, '[YYYY-MM-DD]', '2026-07-06')).analysis;
      assert.deepEqual(filled.result.findings.map((f) => f.ruleId), []);
    });

    it('advice-missing: the fix adds a row for the missing advice', () => {
      const { document, analysis } = ws.open(replaceOnce(PRIMARY, '| Psychological advice | Educational psychologist, Example Borough Educational Psychology Service | 2026-07-06 |\n', ''));
      const finding = findingsOf(analysis, 'advice-missing')[0]!;
      const fix = quickFixes(document, analysis, finding).find((a) => a.title === 'Add rows for the missing advice')!;
      const fixed = applyEdits(document, editsFor(fix.edit, document.uri));
      const after = ws.open(fixed).analysis;
      assert.deepEqual(findingsOf(after, 'advice-missing'), []);
      assert.ok(/\| An educational psychologist's advice \| \[who gave it\] \| \[YYYY-MM-DD\] \|\n?$/.test(fixed), 'the new row ends the Section K table');
    });

    it('inserting a missing section puts it before the next section, in order', () => {
      const noG = replaceOnce(PRIMARY, '## Section G: Health provision\n\nNo health care provision is required.\n\n', '');
      const { document, analysis } = ws.open(noG);
      const finding = findingsOf(analysis, 'section-missing')[0]!;
      const fix = quickFixes(document, analysis, finding).find((a) => a.title === 'Insert Section G')!;
      const fixed = applyEdits(document, editsFor(fix.edit, document.uri));
      const g = fixed.indexOf('## Section G: Health provision\n\nNo health care provision is required.\n\n## Section H1');
      assert.ok(g > fixed.indexOf('## Section F') && g > 0, 'Section G sits between F and H1');
    });

    it('"switch off for this line" before a prose line inserts ehcp-disable-next-line with a reason placeholder', () => {
      const { document, analysis } = ws.open(FLAWED);
      const finding = findingsOf(analysis, 'outcome-is-provision')[0]!;
      const actions = quickFixes(document, analysis, finding);
      assert.deepEqual(actions.map((a) => a.title), ['Switch off outcome-is-provision for this line (give the reason)']);
      const edits = editsFor(actions[0]!.edit, document.uri);
      assert.deepEqual(edits, [{ range: { start: { line: 117, character: 0 }, end: { line: 117, character: 0 } }, newText: '<!-- ehcp-disable-next-line outcome-is-provision -- [reason] -->\n' }]);
      const fixed = applyEdits(document, edits);
      const lines = fixed.split('\n');
      assert.equal(lines[117], '<!-- ehcp-disable-next-line outcome-is-provision -- [reason] -->');
      assert.ok(lines[118]!.startsWith('- **E5**'));
      const after = ws.open(fixed).analysis;
      assert.deepEqual(findingsOf(after, 'outcome-is-provision'), []);
      assert.deepEqual(after.result.suppressed.map((f) => f.ruleId), ['outcome-is-provision']);
      assert.equal(after.result.findings.length, analysis.result.findings.length - 1, 'nothing else changes');
    });

    it('"switch off for this line" on a table row appends ehcp-disable-line at the end of the row', () => {
      const { document, analysis } = ws.open(FLAWED);
      const finding = findingsOf(analysis, 'provision-open-range')[0]!;
      const action = quickFixes(document, analysis, finding).find((a) => a.title.startsWith('Switch off'))!;
      const row = FLAWED.split('\n')[finding.range.start.line - 1]!;
      assert.deepEqual(editsFor(action.edit, document.uri), [
        { range: { start: { line: 135, character: row.length }, end: { line: 135, character: row.length } }, newText: ' <!-- ehcp-disable-line provision-open-range -- [reason] -->' },
      ]);
      const fixed = applyEdits(document, editsFor(action.edit, document.uri));
      assert.equal(fixed.split('\n')[135], `${row} <!-- ehcp-disable-line provision-open-range -- [reason] -->`);
      const after = ws.open(fixed).analysis;
      assert.deepEqual(findingsOf(after, 'provision-open-range'), []);
      assert.equal(after.result.findings.length, analysis.result.findings.length - 1);
    });

    it('a front-matter finding is not switched off inline (a comment would break the YAML)', () => {
      const { document, analysis } = ws.open(FLAWED);
      const finding = findingsOf(analysis, 'funding-level-mismatch')[0]!;
      assert.deepEqual(quickFixes(document, analysis, finding), []);
    });

    it('a range with no findings gets no quick fixes', () => {
      const { document, analysis } = ws.open(FLAWED);
      const range = { start: { line: 44, character: 0 }, end: { line: 44, character: 5 } };
      assert.deepEqual(codeActions(document, analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [CodeActionKind.QuickFix] } }), []);
    });

    it('source.fixAll.ehcp applies every fix at once; the fixed findings are gone', () => {
      const { document, analysis } = ws.open(FLAWED);
      const fixable = analysis.result.findings.filter((f) => f.fix);
      assert.deepEqual(fixable.map((f) => f.ruleId), [
        'section-empty',
        'outcome-not-time-bound',
        'provision-hedge',
        'provision-vague-phrase',
        'provision-vague-phrase',
        'section-h-not-split',
        'placement-named-in-draft',
      ]);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = codeActions(document, analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
      assert.equal(actions.length, 1);
      const fixAll = actions[0] as CodeAction;
      assert.equal(fixAll.kind, 'source.fixAll.ehcp');
      assert.equal(editsFor(fixAll.edit, document.uri).length, 7);
      // The generic kind asks for it too; a quick-fix request does not.
      assert.equal(codeActions(document, analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] } }).length, 1);
      assert.ok(!codeActions(document, analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [CodeActionKind.QuickFix] } }).some((a) => a.kind === FIX_ALL_KIND));
      const fixedText = applyEdits(document, editsFor(fixAll.edit, document.uri));
      const after = ws.open(fixedText).analysis;
      for (const id of ['section-empty', 'provision-hedge', 'section-h-not-split', 'placement-named-in-draft']) {
        assert.deepEqual(findingsOf(after, id).map((f) => f.message), [], `${id} fixed`);
      }
      // The fixed phrases are gone; a placeholder or a second phrase on the same line is left to fill in.
      assert.ok(fixedText.includes('| Mia will receive speech and language therapy [how often] × [how long] by [role] |'));
      assert.ok(fixedText.includes('| [will receive: what, how often × how long, from whom] a small group for phonics'));
      assert.ok(fixedText.includes('- **E4** By [when], Mia will write'));
      assert.ok(!findingsOf(after, 'provision-vague-phrase').some((f) => /"Access to"/.test(f.message)));
      const unfixed = ['timescale-final-late', 'timescale-decision-late', 'funding-level-mismatch', 'outcome-is-provision', 'provision-open-range', 'provision-delegated-discretion', 'provision-unknown-outcome'];
      for (const id of unfixed) assert.equal(findingsOf(after, id).length, 1, `${id} (no fix) is still there`);
    });

    it('source.fixAll.ehcp run repeatedly (e.g. on every save) converges: an applied fix is not offered again', () => {
      let text = FLAWED;
      const seen: number[] = [];
      for (let run = 0; run < 5; run++) {
        const { document, analysis } = ws.open(text);
        seen.push(analysis.result.findings.filter((f) => f.fix).length);
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const fixAll = codeActions(document, analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [FIX_ALL_KIND] } })[0];
        if (!fixAll) break;
        text = applyEdits(document, editsFor(fixAll.edit, document.uri));
      }
      assert.ok(seen.length < 5, `fix-all keeps finding fixes: ${seen.join(', ')}`);
      assert.equal(seen.at(-1), 0);
    });

    it('fix-all skips a fix that overlaps one already taken (left for the next run)', () => {
      const at = { line: 1, column: 1, offset: 0 };
      const f = (ruleId: string, startOffset: number, endOffset: number, newText: string): Finding => ({
        ruleId,
        severity: 'error',
        message: ruleId,
        range: { start: at, end: at },
        fix: { title: ruleId, edits: [{ startOffset, endOffset, newText }] },
      });
      const edits = fixAllEdits([f('b', 20, 30, 'B'), f('a', 5, 10, 'A'), f('overlaps-b', 25, 35, 'X'), f('same-point', 5, 10, 'Y'), f('c', 40, 40, 'C')]);
      assert.deepEqual(edits.map((e) => e.newText), ['A', 'B', 'C']);
    });

    it('the clean example offers no fix-all', () => {
      const { document, analysis } = ws.open(PRIMARY);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      assert.deepEqual(codeActions(document, analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics: [], only: [FIX_ALL_KIND] } }), []);
    });
  });

  describe('completion', () => {
    it('section headings: only the sections not yet present', () => {
      const noDG = replaceOnce(
        replaceOnce(PRIMARY, '## Section G: Health provision\n\nNo health care provision is required.\n\n', ''),
        '## Section D: Social care needs related to special educational needs or disability\n\nLeo has no social care needs related to his special educational needs or disability.\n\n',
        '## |^|\n\n',
      );
      const { items } = completeAt(noDG);
      assert.deepEqual(labels(items), ['Section D: Social care needs', 'Section G: Health provision']);
      assert.equal(items[0]!.kind, CompletionItemKind.Module);
      assert.equal(items[0]!.insertText, 'Section D: Social care needs');
    });

    it('area-of-need sub-headings after ###', () => {
      const { items } = completeAt(replaceOnce(PRIMARY, '### Sensory and/or physical\n\n**What Leo can do:**', '### |^|\n\n### Sensory and/or physical\n\n**What Leo can do:**'));
      assert.deepEqual(labels(items), ['Communication and interaction', 'Cognition and learning', 'Social, emotional and mental health', 'Sensory and/or physical', 'Preparing for adulthood']);
    });

    it('outcome ids in an Outcomes cell of a provision table', () => {
      const { items } = completeAt(mark(PRIMARY, 'E5 | Teaching assistant trained in Numicon'));
      assert.deepEqual(labels(items), ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
      const e5 = items.find((i) => i.label === 'E5')!;
      assert.equal(e5.kind, CompletionItemKind.Reference);
      assert.equal(e5.detail, 'Cognition and learning');
      assert.deepEqual(e5.documentation, { kind: 'plaintext', value: 'By July 2027, Leo will recall the 2, 3, 4, 5 and 10 times tables facts within 3 seconds each with 90% accuracy.' });
    });

    it('outcome ids after "(" and after a comma in a bullet in Section F', () => {
      const bullet = '- Handwriting practice with Speed Up!, 3 times a week for 15 minutes, from a teaching assistant trained in Speed Up! at 1:1 (';
      const base = replaceOnce(PRIMARY, '## Section G: Health provision', `${bullet}|^a|\n- Pencil grip practice, daily for 5 minutes, from a teaching assistant at 1:1 (E8, |^b|\n\n## Section G: Health provision`);
      const ids = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];
      assert.deepEqual(labels(completeAt(base, 'a').items), ids);
      assert.deepEqual(labels(completeAt(base, 'b').items), ids);
    });

    it('roles from the plan scheme rate card in a Who cell', () => {
      const { items } = completeAt(mark(PRIMARY, 'Teaching assistant trained in Numicon'));
      const scheme = bundledSchemes().find((s) => s.id === 'example-incremental')!;
      assert.deepEqual(labels(items), scheme.rates.map((r) => r.label));
      const salt = items.find((i) => i.label === 'Speech and language therapist')!;
      assert.equal(salt.detail, `£75.00 an hour (${scheme.name})`);
      assert.equal(items.find((i) => i.label === 'Teaching assistant')?.detail, `£20.00 an hour (${scheme.name})`);
    });

    it('front-matter keys not yet present, with their schema descriptions, at the top level (partly typed key)', () => {
      // While the key is half typed the YAML does not parse, so every top-level key is offered; the client
      // filters by the typed prefix.
      const fm = replaceOnce(replaceOnce(PRIMARY, 'localAuthority: Example Borough Council\n', ''), 'personalBudget: false\n', 'pers|^|\n');
      const { items } = completeAt(fm);
      const props = planSchema.properties as Record<string, { description?: string }>;
      assert.deepEqual(labels(items).filter((l) => l.toLowerCase().startsWith('pers')), ['personalBudget']);
      const item = items.find((i) => i.label === 'personalBudget')!;
      assert.deepEqual(item.documentation, { kind: 'markdown', value: props.personalBudget!.description });
      assert.equal(item.insertText, 'personalBudget: ');
      assert.equal(items.find((i) => i.label === 'child')!.insertText, 'child:\n      ', 'a mapping key opens its block, indented two more than the cursor');
    });

    it('front-matter keys not yet present, with their schema descriptions, at the top level (empty line at column 0)', () => {
      const fm = replaceOnce(replaceOnce(PRIMARY, 'localAuthority: Example Borough Council\n', ''), 'personalBudget: false\n', '|^|\n');
      const { items } = completeAt(fm);
      const props = planSchema.properties as Record<string, { description?: string }>;
      assert.deepEqual(labels(items), ['localAuthority', 'personalBudget']);
      for (const item of items) {
        assert.equal(item.kind, CompletionItemKind.Property);
        assert.deepEqual(item.documentation, { kind: 'markdown', value: props[item.label]!.description });
        assert.equal(item.insertText, `${item.label}: `);
      }
    });

    it('front-matter keys at the indentation of a nested mapping (child, dates)', () => {
      const child = completeAt(replaceOnce(replaceOnce(PRIMARY, '  preferredName: Leo\n', ''), '  yearGroup: 5\n', '  |^|\n')).items;
      assert.deepEqual(labels(child), ['preferredName', 'yearGroup']);
      const childProps = (planSchema.properties.child as { properties: Record<string, { description?: string }> }).properties;
      assert.deepEqual(child[0]!.documentation, { kind: 'markdown', value: childProps.preferredName!.description });
      const dates = completeAt(replaceOnce(PRIMARY, '  nextReview: 2027-07-05\n', '  nextReview: 2027-07-05\n  |^|\n')).items;
      assert.deepEqual(labels(dates), ['lastReview', 'phaseTransfer', 'exceptions']);
    });

    it('enum values after "status: "', () => {
      const { items } = completeAt(mark(PRIMARY, 'status: final', 'status: '.length));
      assert.deepEqual(labels(items), ['draft', 'final', 'amendment-proposed', 'amended', 'ceased']);
      assert.equal(items[0]!.kind, CompletionItemKind.EnumMember);
      assert.equal(items[0]!.documentation, planSchema.properties.status.description);
    });

    it('enum values after "type: " under setting', () => {
      const { items } = completeAt(mark(PRIMARY, '  type: mainstream', '  type: '.length));
      assert.deepEqual(labels(items), ['early-years', 'mainstream', 'resourced-provision', 'special', 'independent-special', 'post-16', 'eotas']);
    });

    it('funding levels of the plan scheme after "level: ", the costed level preselected', () => {
      const { items } = completeAt(mark(PRIMARY, '  level: L8', '  level: '.length));
      const scheme = bundledSchemes().find((s) => s.id === 'example-incremental')!;
      assert.deepEqual(labels(items), scheme.levels.map((l) => l.id));
      assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['L8']);
      const l8 = items.find((i) => i.label === 'L8')!;
      assert.match(l8.detail ?? '', /^Level 8: £[\d,]+\.\d\d \(the costed level\)$/);
      assert.ok(!(items.find((i) => i.label === 'L7')!.detail ?? '').includes('costed'));
    });

    it('funding scheme ids after "scheme: "', () => {
      const { items } = completeAt(mark(PRIMARY, '  scheme: example-incremental', '  scheme: '.length));
      assert.deepEqual(labels(items).sort(), ['example-banded', 'example-incremental']);
    });

    it('snippets: an outcome in E (next free id), a provision row in F, an advice row in K', () => {
      const e = completeAt(replaceOnce(PRIMARY, '### Sensory and/or physical\n\n- **E8**', '|^|\n\n### Sensory and/or physical\n\n- **E8**')).items;
      assert.deepEqual(labels(e), ['outcome']);
      assert.equal(e[0]!.kind, CompletionItemKind.Snippet);
      assert.equal(e[0]!.insertTextFormat, InsertTextFormat.Snippet);
      assert.ok(e[0]!.insertText!.startsWith('- **E10** By ${1:'), e[0]!.insertText);
      const f = completeAt(replaceOnce(PRIMARY, '## Section G: Health provision', '|^|\n\n## Section G: Health provision')).items;
      assert.deepEqual(labels(f), ['provision row']);
      assert.equal(f[0]!.insertText, '| ${1:named programme or approach} | ${2:E1} | ${3:role and training} | ${4:1:1} | ${5:how often} | ${6:how long} |');
      const k = completeAt(`${PRIMARY}|^|`).items;
      assert.deepEqual(labels(k), ['advice row']);
      assert.equal(k[0]!.insertText, '| ${1:Educational advice} | ${2:who gave it} | ${3:YYYY-MM-DD} |');
      const a = completeAt(replaceOnce(PRIMARY, '### What is important to me', '|^|\n\n### What is important to me')).items;
      assert.deepEqual(a, [], 'nothing to offer in Section A prose');
    });
  });

  describe('hover', () => {
    it('a section heading: what the law requires of it', () => {
      assert.equal(hoverAt(mark(PRIMARY, '## Section F: Special', 5)), `**Section F**: ${SECTION_LAW.F}`);
      assert.equal(hoverAt(mark(PRIMARY, '## Section I: Placement', 15)), `**Section I**: ${SECTION_LAW.I}`);
      assert.match(SECTION_LAW.F, /Basis: reg 12\(1\)\(f\)/);
    });

    it('a lone Section H heading: must be split, plus its finding', () => {
      const text = hoverAt(mark(FLAWED, '## Section H: Social care provision', 4));
      assert.match(text, /\*\*Section H\*\* must be split into H1 and H2/);
      assert.match(text, /\*\*section-h-not-split\*\* \(error\)/);
    });

    it('a finding: rule id, severity, description, basis and a link to the doc', () => {
      const text = hoverAt(mark(FLAWED, 'Mia should receive', 'Mia sh'.length));
      const rule = ruleById('provision-hedge')!;
      const href = pathToFileURL(path.join(ROOT, 'docs/rules/provision-hedge.md')).href;
      assert.ok(text.includes(`**provision-hedge** (error): ${rule.meta.description}\n\n*Basis:* ${rule.meta.basis}\n\n[Read more](${href})`), text);
      // The row-wide cost finding covers the cursor too; each part is separated by a rule.
      assert.deepEqual(text.split('\n\n---\n\n').map((part) => /^\*\*([\w-]+)\*\*/.exec(part)?.[1] ?? part.slice(0, 20)), ['cost-unreadable-quantity', 'provision-hedge', '**Cost of F row 1**:']);
      // On the same (uncosted) row the cost part explains why there is no cost.
      assert.match(text, /\*\*Cost of F row 1\*\*: not costed\./);
    });

    it('an outcome id at its definition: its text and the rows that serve it', () => {
      const text = hoverAt(mark(PRIMARY, '**E3** By the end', 3));
      const lines = PRIMARY.split('\n');
      const rowLine = (needle: string): number => lines.findIndex((l) => l.includes(needle)) + 1;
      const cut = (t: string): string => (t.length > 80 ? `${t.slice(0, 79)}…` : t);
      assert.equal(
        text,
        [
          '**E3** (Cognition and learning): By the end of Key Stage 2, Leo will read a Year 4 level text aloud at 90 words per minute with 95% accuracy.',
          '',
          'Served by 4 provision items:',
          `- F row 5 (line ${rowLine('Structured synthetic phonics catch-up')}): ${cut('Structured synthetic phonics catch-up with Read Write Inc. Fresh Start, starting at Module 4 (vowel digraphs)')}`,
          `- F row 6 (line ${rowLine('Precision Teaching of high-frequency')}): ${cut('Precision Teaching of high-frequency words and times tables facts, with a daily one-minute timed probe recorded on a chart')}`,
          `- F row 7 (line ${rowLine('Multisensory literacy teaching')}): ${cut('Multisensory literacy teaching (Units of Sound) on reading fluency and sentence writing')}`,
          `- F row 9 (line ${rowLine('In-class help in English and maths')}): ${cut('In-class help in English and maths lessons: pre-teaching 3 topic words, giving instructions one step at a time')}`,
        ].join('\n'),
      );
    });

    it('an outcome id in an Outcomes cell: the same hover as at its definition', () => {
      const atRef = hoverAt(mark(PRIMARY, 'E5 | Teaching assistant trained in Numicon', 1));
      const atDef = hoverAt(mark(PRIMARY, '**E5** By July', 3));
      assert.equal(atRef, atDef);
      assert.match(atRef, /^\*\*E5\*\* \(Cognition and learning\): By July 2027/);
      assert.match(atRef, /Served by 2 provision items:/);
    });

    it('an id that is not an outcome says so', () => {
      assert.match(hoverAt(mark(FLAWED, '| E9 |', 3)), /\*\*E9\*\* is not an outcome in Section E\./);
    });

    it('a provision row: its cost arithmetic in pounds', () => {
      assert.equal(
        hoverAt(mark(PRIMARY, 'Numicon times tables work', 3)),
        '**Cost of F row 8** (Example incremental scheme: evenly spaced £1,000 levels): £20.00/h (Teaching assistant) × 1 h/week × 38 weeks × 1/2 = **£380.00 a year**.\n\nRead as: 3 × 20 min a week · 1:2.',
      );
      assert.match(hoverAt(mark(PRIMARY, 'Re-assessment of Leo', 3)), /\*\*Cost of F row 2\*\* .*£75\.00\/h \(Speech and language therapist\) × 6 h\/year × 1\/1 = \*\*£450\.00 a year\*\*/);
    });

    it('a provision row in a plan with no scheme says it cannot be costed', () => {
      const noScheme = replaceOnce(PRIMARY, 'funding:\n  scheme: example-incremental\n  level: L8\n', '');
      assert.match(hoverAt(mark(noScheme, 'Numicon times tables work', 3)), /Costing: the plan names no funding scheme/);
    });

    it('a front-matter key: its schema description (nested keys by their path)', () => {
      assert.equal(hoverAt(mark(PRIMARY, 'status: final', 2)), `**status**: ${planSchema.properties.status.description}`);
      assert.equal(hoverAt(mark(PRIMARY, '  level: L8', 3)), `**funding.level**: ${planSchema.properties.funding.properties.level.description}`);
    });

    it('plain prose gets no hover', () => {
      const { text, at } = withCursors(mark(PRIMARY, 'My name is Leo', 3));
      const { document, analysis } = ws.open(text);
      assert.equal(hover(document, analysis, at(), ROOT), null);
    });
  });

  describe('document symbols', () => {
    it('front matter, sections A-K, areas under sections, outcomes and rows under their areas', () => {
      const symbols = documentSymbols(ws.open(PRIMARY).analysis.result.plan);
      assert.deepEqual(symbols.map((s) => s.name), ['Front matter', ...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'].map((l) => `Section ${l}`)]);
      assert.equal(symbols[0]!.detail, 'final');
      const byName = (list: DocumentSymbol[] | undefined, name: string): DocumentSymbol => {
        const found = list?.find((s) => s.name === name);
        assert.ok(found, `${name} in ${list?.map((s) => s.name).join(', ')}`);
        return found;
      };
      const e = byName(symbols, 'Section E');
      assert.equal(e.kind, SymbolKind.Module);
      assert.equal(e.detail, 'Outcomes');
      assert.deepEqual(e.children!.map((c) => c.name), ['Communication and interaction', 'Cognition and learning', 'Social, emotional and mental health', 'Sensory and/or physical']);
      assert.deepEqual(byName(e.children, 'Cognition and learning').children!.map((c) => c.name), ['E3', 'E4', 'E5']);
      assert.equal(byName(byName(e.children, 'Cognition and learning').children, 'E3').kind, SymbolKind.Constant);
      const f = byName(symbols, 'Section F');
      assert.deepEqual(byName(f.children, 'Communication and interaction').children!.map((c) => c.name), ['F row 1', 'F row 2', 'F row 3', 'F row 4']);
      assert.deepEqual(byName(f.children, 'Sensory and/or physical').children!.map((c) => c.name), ['F row 13', 'F row 14', 'F row 15']);
      const row8 = byName(byName(f.children, 'Cognition and learning').children, 'F row 8');
      assert.equal(row8.kind, SymbolKind.Object);
      assert.equal(row8.detail, 'Numicon times tables work with concrete apparatus');
      assert.equal(row8.range.start.line, lineOf(PRIMARY, '| Numicon times tables work') - 1);
      // Every selection range lies inside its range; children inside their parents.
      const inside = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): boolean =>
        (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
        (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
      const walk = (s: DocumentSymbol): void => {
        assert.ok(inside(s.selectionRange, s.range), `${s.name} selection inside its range`);
        for (const c of s.children ?? []) {
          assert.ok(inside(c.range, s.range), `${c.name} inside ${s.name}`);
          walk(c);
        }
      };
      symbols.forEach(walk);
    });

    it('a section without areas lists its rows directly', () => {
      const plan = ws.open('---\nehcp: 1\nstatus: draft\n---\n\n## Section E: Outcomes\n\n- **E1** By July 2027, Sam will read 20 words.\n\n## Section F: Special educational provision\n\n| Provision | Outcomes | Who | Ratio | How often | How long |\n|---|---|---|---|---|---|\n| Reading practice | E1 | Teaching assistant | 1:1 | daily | 10 minutes |\n').analysis.result.plan;
      const symbols = documentSymbols(plan);
      assert.deepEqual(symbols.find((s) => s.name === 'Section E')!.children!.map((c) => c.name), ['E1']);
      assert.deepEqual(symbols.find((s) => s.name === 'Section F')!.children!.map((c) => c.name), ['F row 1']);
    });
  });

  describe('definition, references and rename of outcome ids', () => {
    it('go to definition from an Outcomes cell lands on the outcome id in Section E', () => {
      const { text, at } = withCursors(mark(PRIMARY, 'E5 | Teaching assistant trained in Numicon', 1));
      const { document, analysis } = ws.open(text);
      const location = definition(document, analysis.result.plan, at());
      assert.ok(location);
      assert.equal(location.uri, document.uri);
      assert.equal(textAt(document, location.range), 'E5');
      assert.equal(location.range.start.line, lineOf(PRIMARY, '- **E5**') - 1);
    });

    it('no definition for prose or an unknown id', () => {
      const prose = withCursors(mark(PRIMARY, 'My name is Leo', 2));
      const p = ws.open(prose.text);
      assert.equal(definition(p.document, p.analysis.result.plan, prose.at()), null);
      const unknown = withCursors(mark(FLAWED, '| E9 |', 3));
      const u = ws.open(unknown.text);
      assert.equal(definition(u.document, u.analysis.result.plan, unknown.at()), null);
    });

    it('references: the definition and every row naming the id', () => {
      const { text, at } = withCursors(mark(PRIMARY, '**E3** By the end', 3));
      const { document, analysis } = ws.open(text);
      const all = references(document, analysis.result.plan, at(), true);
      assert.equal(all.length, 5);
      assert.ok(all.every((l) => textAt(document, l.range) === 'E3' && l.uri === document.uri));
      assert.deepEqual(all.map((l) => l.range.start.line), [
        lineOf(PRIMARY, '- **E3**') - 1,
        lineOf(PRIMARY, '| Structured synthetic phonics') - 1,
        lineOf(PRIMARY, '| Precision Teaching of high-frequency') - 1,
        lineOf(PRIMARY, '| Multisensory literacy teaching') - 1,
        lineOf(PRIMARY, '| In-class help in English') - 1,
      ]);
      assert.equal(references(document, analysis.result.plan, at(), false).length, 4);
    });

    it('rename changes the definition and every reference', () => {
      const { text, at } = withCursors(mark(PRIMARY, '| E3, E5 |', 3));
      const { document, analysis } = ws.open(text);
      const prepared = prepareRename(document, analysis.result.plan, at());
      assert.ok(prepared);
      assert.equal(prepared.placeholder, 'E3');
      assert.equal(textAt(document, prepared.range), 'E3');
      const edit = rename(document, analysis.result.plan, at(), 'e12');
      const edits = editsFor(edit, document.uri);
      assert.equal(edits.length, 5);
      assert.ok(edits.every((e) => e.newText === 'E12' && textAt(document, e.range) === 'E3'));
      const renamed = applyEdits(document, edits);
      const after = ws.open(renamed).analysis;
      assert.deepEqual(after.result.plan.outcomes.map((o) => o.id), ['E1', 'E2', 'E12', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
      assert.deepEqual(after.result.findings.map((f) => f.ruleId), [], 'still clean: every reference followed');
      assert.equal(after.result.plan.provision.filter((p) => p.outcomeRefs.some((r) => r.id === 'E12')).length, 4);
    });

    it('rename refuses a name that is not an outcome id, and an id already used', () => {
      const { text, at } = withCursors(mark(PRIMARY, '**E3** By the end', 3));
      const { document, analysis } = ws.open(text);
      const plan = analysis.result.plan;
      const invalidParams = -32602;
      assert.throws(() => rename(document, plan, at(), 'Outcome3'), (e: { code?: number; message?: string }) => e.code === invalidParams && /is not an outcome id/.test(e.message ?? ''));
      assert.throws(() => rename(document, plan, at(), 'E4'), (e: { code?: number; message?: string }) => e.code === invalidParams && /E4 is already used/.test(e.message ?? ''));
      assert.deepEqual(editsFor(rename(document, plan, at(), 'E3'), document.uri).length, 5, 'renaming to itself is harmless');
    });

    it('prepareRename: null away from an id; refused when the id is named inside a range', () => {
      const prose = withCursors(mark(PRIMARY, 'My name is Leo', 2));
      const p = ws.open(prose.text);
      assert.equal(prepareRename(p.document, p.analysis.result.plan, prose.at()), null);
      assert.equal(rename(p.document, p.analysis.result.plan, prose.at(), 'E20'), null);
      const ranged = withCursors(mark(replaceOnce(PRIMARY, '| E8, E9 | Occupational therapist', '| E8-E9 | Occupational therapist'), '**E9** By July', 3));
      const r = ws.open(ranged.text);
      assert.throws(() => prepareRename(r.document, r.analysis.result.plan, ranged.at()), /E9 is named inside a range/);
    });
  });

  describe('code lenses', () => {
    it('Section F: total, top-up and level; each outcome: rows serving it; front matter: days to the annual review', () => {
      const { document, analysis } = ws.open(PRIMARY);
      const lenses = codeLenses(analysis, ASOF_DATE);
      const fLine = lineOf(PRIMARY, '## Section F') - 1;
      const f = lenses.find((l) => l.range.start.line === fLine)!;
      assert.deepEqual(f.command, { title: 'Section F costs £13,455.83 a year · top-up £7,455.83 · level L8 (declared L8)', command: 'ehcp.showCosting' });
      const outcomeLens = (id: string): string => {
        const o = analysis.result.plan.outcomes.find((x) => x.id === id)!;
        const lens = lenses.find((l) => l.range.start.line === o.idRange.start.line - 1 && l.range.start.character === o.idRange.start.column - 1)!;
        assert.equal(textAt(document, lens.range), id);
        return lens.command!.title;
      };
      assert.equal(outcomeLens('E1'), 'Served by 3 provision items');
      assert.equal(outcomeLens('E3'), 'Served by 4 provision items');
      assert.equal(outcomeLens('E7'), 'Served by 1 provision item');
      // Final issued 2026-09-21: the annual review is due 2027-09-21, 303 days after 2026-11-22.
      const top = lenses.find((l) => l.range.start.line === 0)!;
      assert.equal(top.command!.title, '303 days to the annual review (2027-09-21)');
      assert.equal(lenses.length, 1 + 9 + 1);
    });

    it('a draft past 20 weeks: the deadline was missed N days ago; an unserved outcome says so; uncosted rows are counted', () => {
      const { analysis } = ws.open(FLAWED);
      const lenses = codeLenses(analysis, ASOF_DATE);
      assert.equal(lenses.find((l) => l.range.start.line === 0)!.command!.title, 'the 20-week deadline for the final plan was due 76 days ago (2026-09-07)');
      const fLine = lineOf(FLAWED, '## Section F') - 1;
      assert.equal(lenses.find((l) => l.range.start.line === fLine)!.command!.title, 'Section F costs £11,832.78 a year · top-up £5,832.78 · level L6 (declared L2) · 1 uncosted');
      const noRows = ws.open(replaceOnce(PRIMARY, '| Lunchtime games club with taught rules and turn-taking (Socially Speaking) | E7 |', '| Lunchtime games club with taught rules and turn-taking (Socially Speaking) | E6 |')).analysis;
      const e7 = noRows.result.plan.outcomes.find((o) => o.id === 'E7')!;
      assert.equal(codeLenses(noRows, ASOF_DATE).find((l) => l.range.start.line === e7.idRange.start.line - 1)!.command!.title, 'No provision serves this outcome');
    });

    it('a plan with no scheme says so on Section F', () => {
      const { analysis } = ws.open(replaceOnce(PRIMARY, 'funding:\n  scheme: example-incremental\n  level: L8\n', ''));
      const fLine = lineOf(PRIMARY, '## Section F') - 1 - 3;
      assert.equal(codeLenses(analysis, ASOF_DATE).find((l) => l.range.start.line === fLine)!.command!.title, 'Costing: no funding scheme named in the front matter');
    });
  });

  describe('custom requests (feature functions)', () => {
    it('planStatus of the clean example: exact costing and level', () => {
      const { analysis } = ws.open(PRIMARY);
      const status = planStatus(analysis);
      assert.deepEqual(status, {
        isPlan: true,
        planBy: 'front-matter',
        status: 'final',
        childName: 'Leo',
        scheme: { id: 'example-incremental', name: 'Example incremental scheme: evenly spaced £1,000 levels', known: true },
        educationTotalPence: 1345583,
        topUpPence: 745583,
        currency: 'GBP',
        declaredLevel: 'L8',
        costedLevel: 'L8',
        uncostedRows: 0,
        findings: { error: 0, warning: 0, info: 0 },
      });
    });

    it('planStatus of the flawed draft: counts by severity, the mismatch and the uncosted row', () => {
      const status = planStatus(ws.open(FLAWED).analysis);
      assert.equal(status.status, 'draft');
      assert.equal(status.childName, 'Mia');
      assert.deepEqual(status.findings, { error: 10, warning: 6, info: 0 });
      assert.equal(status.educationTotalPence, 1183278);
      assert.equal(status.topUpPence, 583278);
      assert.equal(status.declaredLevel, 'L2');
      assert.equal(status.costedLevel, 'L6');
      assert.equal(status.uncostedRows, 1);
    });

    it('costingResult: every row with its arithmetic; totals in pence', () => {
      const result = costingResult(ws.open(PRIMARY).analysis) as CostingPlan;
      assert.equal(result.isPlan, true);
      assert.equal(result.scheme?.id, 'example-incremental');
      assert.equal(result.reason, null);
      assert.equal(result.rows.length, 15);
      assert.deepEqual(result.rows.map((r) => r.annualPence), [213750, 45000, 126667, 28500, 63333, 63333, 156750, 38000, 380000, 38000, 63333, 12667, 45000, 14250, 57000]);
      const row8 = result.rows[7]!;
      assert.equal(row8.arithmetic, '£20.00/h × 1 h/wk × 38 wk × 1/2 = £380.00');
      assert.equal(row8.line, lineOf(PRIMARY, '| Numicon times tables work') - 1);
      assert.equal(row8.provision, 'Numicon times tables work with concrete apparatus');
      assert.equal(result.totals.bySection.F.annualPence, 1345583);
      assert.equal(result.totals.byPayer.education.annualPence, 1345583);
      assert.equal(result.schoolContributionPence, 600000);
      assert.equal(result.topUpPence, 745583);
      assert.equal(result.levelStatus, 'level');
      assert.equal(result.level?.id, 'L8');
      assert.equal(result.declaredLevel, 'L8');
      assert.equal(result.uncostedCount, 0);
      assert.match(result.markdown ?? '', /\*\*Top-up:\*\* £7,455\.83 · \*\*Level:\*\* L8 · \*\*Declared:\*\* L8/);
    });

    it('costingResult of a plan naming no scheme: a reason and zero totals', () => {
      const result = costingResult(ws.open(replaceOnce(PRIMARY, 'funding:\n  scheme: example-incremental\n  level: L8\n', '')).analysis);
      assert.equal(result.isPlan, true);
      const plan = result as CostingPlan;
      assert.equal(plan.scheme, null);
      assert.match(plan.reason ?? '', /names no funding scheme/);
      assert.equal(plan.levelStatus, 'no-scheme');
      assert.deepEqual(plan.rows, []);
      assert.equal(plan.totals.all.annualPence, 0);
    });
  });
});
