/**
 * Protocol tests: spawn the BUILT server (`node dist/server.cjs --stdio`) and speak LSP to it. Nothing
 * here sleeps: every test waits for a notification or a response, with a generous failure guard.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FullDocumentDiagnosticReport,
  type Hover,
  type Location,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceEdit,
  type WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CostingPlan, ExportResult, LintWorkspaceResult, PlanStatusPlan, PlanStatusResult, PreviewResult, RuleInfo } from '../../server/lsp/protocol.js';
import { readExpectations } from '../support/markers.js';
import { mark, withCursors } from './cursor.js';
import { TestClient, ensureServerBuilt } from './lsp-client.js';
import { ROOT, example, lineOf, replaceOnce } from './support.js';

const PRIMARY = example('primary-mainstream');
const FLAWED = example('flawed-draft');
const SETTINGS = { enable: true, rules: {}, fundingSchemes: [], asOf: '2026-11-22' };

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));
const expectedCodes = (text: string): string[] => readExpectations(text).map((e) => e.ruleId).sort();
const uriOf = (file: string): string => pathToFileURL(file).href;
const itemsOf = (result: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(result) ? result : (result?.items ?? []));
const hoverValue = (h: Hover | null): string => ((h?.contents ?? { value: '' }) as MarkupContent).value;

/** A request with bad params must get an error response or an empty answer (null, [] or {}), not hang. */
async function nullOrError(request: Promise<unknown>): Promise<void> {
  try {
    const answer = await request;
    assert.ok(answer === null || (Array.isArray(answer) && answer.length === 0), `unexpected answer ${JSON.stringify(answer)}`);
  } catch (error) {
    assert.equal(typeof (error as { code?: unknown }).code, 'number', String(error));
  }
}

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehcp-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('language server over stdio (protocol)', function () {
  this.timeout(120_000);

  before(function () {
    this.timeout(300_000); // a first build on a loaded machine
    ensureServerBuilt();
  });

  describe('push diagnostics (client without textDocument.diagnostic)', () => {
    let client: TestClient;
    let dir: string;
    let primaryUri: string;
    let flawedUri: string;

    before(async () => {
      dir = tempWorkspace({ 'leo.ehcp.md': PRIMARY, 'mia.ehcp.md': FLAWED, 'notes.md': '# Notes\n\nShould have access to a small group as required.\n' });
      primaryUri = uriOf(path.join(dir, 'leo.ehcp.md'));
      flawedUri = uriOf(path.join(dir, 'mia.ehcp.md'));
      client = await TestClient.start({ workspaceFolders: [{ uri: uriOf(dir), name: 'plans' }] });
    });

    after(async () => {
      await client?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('initialize: the server advertises its features; no pull diagnostics for a push client', () => {
      const caps = client.initializeResult.capabilities;
      assert.equal(client.initializeResult.serverInfo?.name, 'ehcp-language-server');
      assert.equal(caps.textDocumentSync, 2, 'incremental sync');
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.ehcp'], resolveProvider: false });
      assert.ok(caps.completionProvider?.triggerCharacters?.includes('|'));
      assert.ok(caps.completionProvider?.triggerCharacters?.includes('('));
      assert.equal(caps.hoverProvider, true);
      assert.equal(caps.documentSymbolProvider, true);
      assert.equal(caps.definitionProvider, true);
      assert.equal(caps.referencesProvider, true);
      assert.deepEqual(caps.renameProvider, { prepareProvider: true });
      assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
      assert.equal(caps.diagnosticProvider, undefined);
    });

    it('didOpen a plan: its diagnostics are published for that version, with rule ids and doc links', async () => {
      await client.open(flawedUri, FLAWED, 1);
      const published = await client.diagnostics(flawedUri, 1);
      assert.deepEqual(codes(published.diagnostics).sort(), expectedCodes(FLAWED));
      const hedge = published.diagnostics.find((d) => d.code === 'provision-hedge')!;
      assert.deepEqual(hedge.range, { start: { line: 127, character: 6 }, end: { line: 127, character: 12 } });
      assert.equal(hedge.source, 'ehcp');
      assert.equal(hedge.codeDescription?.href, pathToFileURL(path.join(ROOT, 'docs/rules/provision-hedge.md')).href);
      // The server asked for the plan's settings, scoped to it.
      assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.section === 'ehcp' && i.scopeUri === flawedUri)));
    });

    it('the clean example publishes an empty list; so does a Markdown file that is not a plan', async () => {
      await client.open(primaryUri, PRIMARY, 1);
      assert.deepEqual((await client.diagnostics(primaryUri, 1)).diagnostics, []);
      const notes = uriOf(path.join(dir, 'notes.md'));
      await client.open(notes, '# Notes\n\nShould have access to a small group as required.\n\n## Section F\n\n- weekly as required\n', 1);
      assert.deepEqual((await client.diagnostics(notes, 1)).diagnostics, []);
      // ... and no other feature touches it
      const at = { textDocument: { uri: notes }, position: { line: 2, character: 3 } };
      assert.equal(await client.request('textDocument/hover', at), null);
      assert.deepEqual(itemsOf(await client.request<CompletionItem[] | null>('textDocument/completion', at)), []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: notes } }), []);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: notes } }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: notes }, range: { start: at.position, end: at.position }, context: { diagnostics: [] } }), []);
      assert.equal(await client.request('textDocument/definition', at), null);
      const status = await client.request<PlanStatusResult>('ehcp/planStatus', { uri: notes });
      assert.deepEqual(status, { isPlan: false, reason: 'Not an EHCP: no `ehcp:` key in the front matter and the name does not end in .ehcp.md.' });
      await client.close(notes);
    });

    it('a plan with broken YAML still gets a diagnostic at the YAML error line', async () => {
      const uri = uriOf(path.join(dir, 'broken.ehcp.md'));
      const text = replaceOnce(PRIMARY, 'status: final', 'status: [final');
      await client.open(uri, text, 1);
      const published = await client.diagnostics(uri, 1);
      const yaml = published.diagnostics.filter((d) => d.code === 'front-matter-valid');
      assert.ok(yaml.length > 0, `front-matter-valid among ${codes(published.diagnostics).join(', ')}`);
      const line = lineOf(text, 'status: [final') - 1;
      assert.ok(yaml.some((d) => d.range.start.line >= line && d.range.start.line <= line + 2), `at the YAML error (line ${line}): ${yaml.map((d) => d.range.start.line).join(', ')}`);
      await client.close(uri);
    });

    it('didChange: diagnostics follow the new version (incremental edit)', async () => {
      const doc = TextDocument.create(primaryUri, 'markdown', 1, PRIMARY);
      const start = doc.positionAt(PRIMARY.indexOf('| Numicon times tables work') + 2);
      const version = await client.change(primaryUri, [{ range: { start, end: start }, text: 'Leo should have ' }]);
      const published = await client.diagnostics(primaryUri, version);
      assert.deepEqual(codes(published.diagnostics), ['provision-hedge']);
      assert.equal(published.diagnostics[0]!.range.start.line, start.line);
      const undo = await client.change(primaryUri, [{ range: { start, end: { line: start.line, character: start.character + 'Leo should have '.length } }, text: '' }]);
      assert.deepEqual((await client.diagnostics(primaryUri, undo)).diagnostics, []);
    });

    it('5 quick changes: the last publish is for the last version and no stale version follows a newer one', async () => {
      const from = client.notifications.length;
      const levelAt = TextDocument.create(primaryUri, 'markdown', 1, PRIMARY).positionAt(PRIMARY.indexOf('level: L8') + 'level: '.length);
      const range = { start: levelAt, end: { line: levelAt.line, character: levelAt.character + 2 } };
      const versions: number[] = [];
      for (const level of ['L1', 'L2', 'L3', 'L4', 'L5']) versions.push(await client.change(primaryUri, [{ range, text: level }]));
      const last = versions.at(-1)!;
      const final = await client.diagnostics(primaryUri, last, from);
      assert.deepEqual(codes(final.diagnostics), ['funding-level-mismatch']);
      assert.match(messageOf(final.diagnostics[0]!), /declares funding level L5/);
      // Barrier: a later document's diagnostics arrive after anything still pending for the plan.
      const barrier = uriOf(path.join(dir, 'barrier.md'));
      await client.open(barrier, '# not a plan\n', 1);
      await client.diagnostics(barrier, 1, from);
      const after = client.published(primaryUri).slice(client.published(primaryUri).indexOf(final));
      assert.ok(after.every((p) => p.version === last), `after v${last}: ${after.map((p) => p.version).join(', ')}`);
      const since = client.notifications.slice(from).filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === primaryUri).map((n) => n.params as PublishDiagnosticsParams);
      for (let i = 1; i < since.length; i++) assert.ok((since[i]!.version ?? 0) >= (since[i - 1]!.version ?? 0), `versions published in order: ${since.map((p) => p.version).join(', ')}`);
      for (const p of since) {
        const level = `L${(p.version ?? 0) - versions[0]! + 1}`;
        assert.match(p.diagnostics[0] ? messageOf(p.diagnostics[0]) : '', new RegExp(`declares funding level ${level}\\b`), `v${p.version} diagnostics are for its own text`);
      }
      await client.close(barrier);
      const restore = await client.change(primaryUri, [{ range, text: 'L8' }]);
      assert.deepEqual((await client.diagnostics(primaryUri, restore)).diagnostics, []);
    });

    it('textDocument/codeAction: a quick fix for a finding and source.fixAll.ehcp', async () => {
      const published = await client.diagnostics(flawedUri, 1);
      const hedge = published.diagnostics.find((d) => d.code === 'provision-hedge')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: flawedUri }, range: hedge.range, context: { diagnostics: [hedge], only: [CodeActionKind.QuickFix] } });
      const fix = actions.find((a) => a.title === 'Replace "should" with "will"');
      assert.ok(fix, actions.map((a) => a.title).join(' / '));
      assert.deepEqual(fix.edit?.changes?.[flawedUri], [{ range: hedge.range, newText: 'will' }]);
      assert.ok(actions.some((a) => a.title === 'Switch off provision-hedge for this line (give the reason)'));
      const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: flawedUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.ehcp'] } });
      assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.ehcp']);
      assert.equal(fixAll[0]!.edit?.changes?.[flawedUri]?.length, 7);
    });

    it('textDocument/completion: outcome ids in an Outcomes cell', async () => {
      const { text, at } = withCursors(mark(PRIMARY, 'E5 | Teaching assistant trained in Numicon'));
      const uri = uriOf(path.join(dir, 'completion.ehcp.md'));
      await client.open(uri, text, 1);
      const items = itemsOf(await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: at(), context: { triggerKind: 2, triggerCharacter: ' ' } }));
      assert.deepEqual(items.map((i) => i.label), ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
      const level = withCursors(mark(PRIMARY, '  level: L8', '  level: '.length));
      const levels = itemsOf(await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: level.at() }));
      assert.deepEqual(levels.filter((i) => i.preselect).map((i) => i.label), ['L8']);
      await client.close(uri);
    });

    it('textDocument/hover: a section heading, an outcome id and a provision row', async () => {
      const section = withCursors(mark(PRIMARY, '## Section K', 4));
      assert.match(hoverValue(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: primaryUri }, position: section.at() })), /^\*\*Section K\*\*: The advice and information gathered/);
      const outcome = withCursors(mark(PRIMARY, '**E7** By July', 3));
      assert.match(hoverValue(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: primaryUri }, position: outcome.at() })), /^\*\*E7\*\* \(Social, emotional and mental health\): By July 2027, Leo will take part.*\n\nServed by 1 provision item:\n- F row 12/s);
      const row = withCursors(mark(PRIMARY, 'Numicon times tables work', 3));
      assert.match(hoverValue(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: primaryUri }, position: row.at() })), /= \*\*£380\.00 a year\*\*/);
    });

    it('textDocument/prepareRename and rename: every mention of the id; a bad name is an error', async () => {
      const { at } = withCursors(mark(PRIMARY, '**E9** By July', 3));
      const prepared = await client.request<{ range: unknown; placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: primaryUri }, position: at() });
      assert.equal(prepared?.placeholder, 'E9');
      const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: primaryUri }, position: at(), newName: 'E10' });
      const edits = edit?.changes?.[primaryUri] ?? [];
      assert.equal(edits.length, 3, 'the definition and two rows (E8, E9 and E9)');
      assert.ok(edits.every((e) => e.newText === 'E10'));
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: primaryUri }, position: at(), newName: 'E1' }), (e: { code?: number; message?: string }) => e.code === ErrorCodes.InvalidParams && /E1 is already used/.test(e.message ?? ''));
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: primaryUri }, position: at(), newName: 'nine' }), (e: { code?: number }) => e.code === ErrorCodes.InvalidParams);
    });

    it('textDocument/definition and references', async () => {
      const { at } = withCursors(mark(PRIMARY, 'E5 | Teaching assistant trained in Numicon', 1));
      const def = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: primaryUri }, position: at() });
      assert.equal(def?.range.start.line, lineOf(PRIMARY, '- **E5**') - 1);
      const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: primaryUri }, position: at(), context: { includeDeclaration: true } });
      assert.equal(refs.length, 3);
    });

    it('textDocument/documentSymbol: front matter and sections A-K with their children', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: primaryUri } });
      assert.deepEqual(symbols.map((s) => s.name), ['Front matter', 'Section A', 'Section B', 'Section C', 'Section D', 'Section E', 'Section F', 'Section G', 'Section H1', 'Section H2', 'Section I', 'Section J', 'Section K']);
      const f = symbols.find((s) => s.name === 'Section F')!;
      assert.equal(f.children?.flatMap((a) => a.children ?? []).length, 15);
    });

    it('textDocument/codeLens: Section F costing, outcome rows and the review countdown (asOf from the settings)', async () => {
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: primaryUri } });
      const titles = lenses.map((l) => l.command?.title);
      assert.ok(titles.includes('Section F costs £13,455.83 a year · top-up £7,455.83 · level L8 (declared L8)'), titles.join('\n'));
      assert.ok(titles.includes('303 days to the annual review (2027-09-21)'), titles.join('\n'));
      assert.equal(titles.filter((t) => t?.startsWith('Served by')).length, 9);
    });

    it('custom requests: ehcp/planStatus and ehcp/costing with exact figures; non-plans answer isPlan false', async () => {
      const status = await client.request<PlanStatusResult>('ehcp/planStatus', { uri: primaryUri });
      assert.equal(status.isPlan, true);
      const s = status as PlanStatusPlan;
      assert.equal(s.educationTotalPence, 1345583);
      assert.equal(s.topUpPence, 745583);
      assert.equal(s.costedLevel, 'L8');
      assert.deepEqual(s.findings, { error: 0, warning: 0, info: 0 });
      const costing = (await client.request<CostingPlan>('ehcp/costing', { uri: primaryUri }));
      assert.equal(costing.totals.bySection.F.annualPence, 1345583);
      assert.equal(costing.rows.length, 15);
      assert.equal(costing.level?.id, 'L8');
      const flawed = (await client.request<PlanStatusPlan>('ehcp/planStatus', { uri: flawedUri }));
      assert.deepEqual(flawed.findings, { error: 10, warning: 6, info: 0 });
      assert.equal(flawed.costedLevel, 'L6');
      const unknown = await client.request<PlanStatusResult>('ehcp/planStatus', { uri: uriOf(path.join(dir, 'never-opened.md')) });
      assert.equal(unknown.isPlan, false);
      assert.match((unknown as { reason: string }).reason, /Not an EHCP/);
    });

    it('the server notifies ehcp/planStatusChanged after a lint', async () => {
      const n = await client.waitFor((x) => x.method === 'ehcp/planStatusChanged' && (x.params as { uri: string }).uri === flawedUri, 'planStatusChanged');
      assert.equal((n.params as { status: PlanStatusPlan }).status.costedLevel, 'L6');
    });

    it('custom requests: ehcp/rules, ehcp/lintWorkspace, ehcp/previewHtml, ehcp/exportHtml and ehcp/exportPdf', async () => {
      const rules = await client.request<RuleInfo[]>('ehcp/rules', {});
      const hedge = rules.find((r) => r.id === 'provision-hedge')!;
      assert.equal(hedge.docPath, 'docs/rules/provision-hedge.md');
      assert.equal(hedge.fixable, true);
      assert.ok(fs.existsSync(path.join(ROOT, hedge.docPath)));
      assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'each rule once');
      const lint = await client.request<LintWorkspaceResult>('ehcp/lintWorkspace', {});
      const byName = Object.fromEntries(lint.files.map((f) => [path.basename(new URL(f.uri).pathname), f.findings]));
      assert.deepEqual(Object.keys(byName).sort(), ['leo.ehcp.md', 'mia.ehcp.md'], 'plans only, notes.md skipped');
      assert.deepEqual(byName['leo.ehcp.md'], { error: 0, warning: 0, info: 0 });
      assert.equal(byName['mia.ehcp.md']!.error, 10);
      assert.equal(lint.totals.plans, 2);
      const preview = await client.request<PreviewResult>('ehcp/previewHtml', { uri: primaryUri });
      assert.match(preview.html, /Leo Hartwell/);
      assert.match(preview.html, /Section F/);
      const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehcp-export-'));
      try {
        const html = await client.request<ExportResult>('ehcp/exportHtml', { uri: primaryUri, outDir });
        assert.equal(path.dirname(html.path), outDir);
        assert.ok(fs.readFileSync(html.path, 'utf8').includes('Leo Hartwell'));
        const pdf = await client.request<ExportResult>('ehcp/exportPdf', { uri: primaryUri, outDir, costing: true });
        assert.equal(fs.readFileSync(pdf.path).subarray(0, 5).toString(), '%PDF-');
        assert.equal(pdf.bytes, fs.statSync(pdf.path).size);
      } finally {
        fs.rmSync(outDir, { recursive: true, force: true });
      }
      await assert.rejects(client.request('ehcp/exportHtml', { uri: uriOf(path.join(dir, 'notes.md')) }), /Not an EHCP/);
    });

    it('workspace/configuration: a rule switched off disappears after didChangeConfiguration; ehcp.enable false clears everything', async () => {
      let from = client.notifications.length;
      await client.changeSettings({ ...SETTINGS, rules: { 'provision-hedge': 'off' } });
      let next = await client.diagnostics(flawedUri, undefined, from);
      assert.ok(codes(next.diagnostics).length > 0);
      assert.ok(!codes(next.diagnostics).includes('provision-hedge'), codes(next.diagnostics).join(', '));
      assert.equal(codes(next.diagnostics).length, expectedCodes(FLAWED).length - 1);

      from = client.notifications.length;
      await client.changeSettings({ ...SETTINGS, enable: false });
      next = await client.diagnostics(flawedUri, undefined, from);
      assert.deepEqual(next.diagnostics, []);
      const off = await client.request<PlanStatusResult>('ehcp/planStatus', { uri: flawedUri });
      assert.deepEqual(off, { isPlan: false, reason: 'EHCP checks are switched off (ehcp.enable).' });
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: flawedUri }, position: { line: 127, character: 8 } }), null);

      from = client.notifications.length;
      await client.changeSettings({ ...SETTINGS, rules: { 'provision-hedge': 'info' } });
      next = await client.diagnostics(flawedUri, undefined, from);
      assert.deepEqual(codes(next.diagnostics).sort(), expectedCodes(FLAWED));
      assert.equal(next.diagnostics.find((d) => d.code === 'provision-hedge')?.severity, 3, 'severity override to info');
      await client.changeSettings(SETTINGS);
    });

    it('ehcp/rules reports each rule\'s severity after the ehcp.rules setting (protocol.ts: RuleInfo.severity)', async () => {
      const from = client.notifications.length;
      await client.changeSettings({ ...SETTINGS, rules: { 'provision-hedge': 'off', 'section-empty': 'info' } });
      await client.diagnostics(flawedUri, undefined, from);
      try {
        const rules = await client.request<RuleInfo[]>('ehcp/rules', {});
        assert.equal(rules.find((r) => r.id === 'provision-hedge')?.severity, 'off');
        assert.equal(rules.find((r) => r.id === 'section-empty')?.severity, 'info');
      } finally {
        await client.changeSettings(SETTINGS);
      }
    });

    it('settings that arrive after a quick edit still apply to that version (slow workspace/configuration answer)', async () => {
      const uri = uriOf(path.join(dir, 'slow-settings.ehcp.md'));
      client.settings = { ...SETTINGS, rules: { 'provision-hedge': 'off' } };
      const release = client.holdConfiguration();
      const from = client.notifications.length;
      try {
        await client.open(uri, FLAWED, 1);
        await client.waitFor((n) => n.method === 'client/configurationAsked' && (n.params as { items: { scopeUri?: string }[] }).items.some((i) => i.scopeUri === uri), 'configuration request', { fromIndex: from });
        // The user types before the client has answered: the server lints v2 with what it knows so far.
        const v2 = await client.change(uri, [{ text: `${FLAWED}\n` }]);
        await client.diagnostics(uri, v2, from);
        const before = client.notifications.length;
        release();
        // Once the settings arrive the plan is linted again with them: provision-hedge is off.
        const next = await client.diagnostics(uri, v2, before);
        assert.ok(!codes(next.diagnostics).includes('provision-hedge'), `provision-hedge is off in the settings, yet published for v${v2}: ${codes(next.diagnostics).join(', ')}`);
      } finally {
        release();
        client.settings = SETTINGS;
        await client.close(uri);
      }
    });

    it('robustness: bad requests get null or an error and the server keeps answering', async () => {
      // hover on a document the server has never seen
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/unknown.ehcp.md' }, position: { line: 0, character: 0 } }), null);
      // positions past the end of the document
      const past = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: primaryUri }, position: { line: 99_999, character: 99_999 } });
      assert.ok(past === null || typeof past === 'object');
      const pastItems = await client.request<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: primaryUri }, position: { line: 99_999, character: 5 } });
      assert.ok(pastItems === null || Array.isArray(pastItems));
      // invalid params: an error response, or an empty answer (the error is logged); never a crash
      await nullOrError(client.request('textDocument/hover', {}));
      const logFrom = client.notifications.length;
      await nullOrError(client.request('textDocument/codeAction', { textDocument: { uri: flawedUri } }));
      // an error caught inside a feature is logged to the client, not swallowed
      const logged = await client.waitFor((n) => n.method === 'window/logMessage' && /^EHCP: /.test((n.params as { message: string }).message), 'window/logMessage "EHCP: ..."', { fromIndex: logFrom });
      assert.equal((logged.params as { type: number }).type, 1, 'logged as an error');
      await nullOrError(client.request('textDocument/completion', { textDocument: { uri: primaryUri }, position: 'here' }));
      await nullOrError(client.request('ehcp/planStatus', null));
      // an unknown method
      await assert.rejects(client.request('ehcp/noSuchRequest', {}), (e: { code?: number }) => e.code === ErrorCodes.MethodNotFound);
      // a message that is not JSON at all, written straight onto the wire
      const garbage = '{this is not json';
      client.process.stdin.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
      // ... and the server still answers
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: primaryUri } });
      assert.equal(symbols.length, 13);
      assert.equal(client.exitCode, null, 'the server is still running');
    });

    it('didClose: the closed plan\'s diagnostics are cleared', async () => {
      const from = client.notifications.length;
      await client.close(flawedUri);
      const cleared = await client.diagnostics(flawedUri, undefined, from);
      assert.deepEqual(cleared.diagnostics, []);
    });
  });

  describe('pull diagnostics (client with textDocument.diagnostic)', () => {
    let client: TestClient;
    let dir: string;

    before(async () => {
      dir = tempWorkspace({
        'plans/leo.ehcp.md': PRIMARY,
        'plans/mia.ehcp.md': FLAWED,
        'plans/notes.md': '# Notes\n\nShould have access to a small group as required.\n',
        'open/open.ehcp.md': FLAWED,
        'strict/.ehcprc.json': JSON.stringify({ rules: { 'provision-hedge': 'off', 'section-empty': 'info' } }),
        'strict/mia-copy.ehcp.md': FLAWED,
      });
      client = await TestClient.start({ pull: true, workspaceFolders: [{ uri: uriOf(dir), name: 'caseload' }] });
    });

    after(async () => {
      await client?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Changes the settings and waits until the server has read them (it then asks the client to refresh). */
    const applySettings = async (settings: Record<string, unknown>): Promise<void> => {
      const from = client.notifications.length;
      await client.changeSettings(settings);
      await client.waitFor((n) => n.method === 'client/diagnosticRefresh', 'workspace/diagnostic/refresh', { fromIndex: from });
    };

    it('initialize: the server advertises diagnosticProvider with workspace diagnostics', () => {
      assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'ehcp', interFileDependencies: false, workspaceDiagnostics: true });
    });

    it('textDocument/diagnostic returns the findings of an open plan; nothing is pushed', async () => {
      const uri = uriOf(path.join(dir, 'open/open.ehcp.md'));
      await client.open(uri, FLAWED, 1);
      await client.waitFor((n) => n.method === 'ehcp/planStatusChanged' && (n.params as { uri: string }).uri === uri, 'planStatusChanged (lint done)');
      const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
      assert.deepEqual(codes(report.items).sort(), expectedCodes(FLAWED));
      assert.deepEqual(client.published(uri), [], 'a pull client gets no publishDiagnostics');
      const notes = uriOf(path.join(dir, 'plans/notes.md'));
      await client.open(notes, '# Notes\n\nShould have access to a small group as required.\n', 1);
      assert.deepEqual((await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: notes } })).items, []);
    });

    it('workspace/diagnostic reports plans that are not open, and only plans', async () => {
      const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
      const byName = new Map(report.items.map((item) => [path.relative(dir, new URL(item.uri).pathname), item as WorkspaceFullDocumentDiagnosticReport]));
      assert.deepEqual([...byName.keys()].sort(), ['plans/leo.ehcp.md', 'plans/mia.ehcp.md', 'strict/mia-copy.ehcp.md'], 'the open plan is reported by the document pull; notes.md is not a plan');
      assert.deepEqual(byName.get('plans/leo.ehcp.md')!.items, []);
      const mia = codes(byName.get('plans/mia.ehcp.md')!.items);
      for (const id of ['provision-hedge', 'section-empty', 'section-h-not-split', 'placement-named-in-draft', 'funding-level-mismatch', 'provision-unknown-outcome']) assert.ok(mia.includes(id), `${id} in ${mia.join(', ')}`);
      // A .ehcprc.json beside a plan applies to it.
      const strict = byName.get('strict/mia-copy.ehcp.md')!.items;
      assert.ok(!codes(strict).includes('provision-hedge'), codes(strict).join(', '));
      assert.equal(strict.find((d) => d.code === 'section-empty')?.severity, 3);
      assert.equal(strict.length, byName.get('plans/mia.ehcp.md')!.items.length - 1);
    });

    it('ehcp/lintWorkspace for unopened plans follows the ehcp.rules setting', async () => {
      await applySettings({ ...SETTINGS, rules: { 'provision-hedge': 'off' } });
      try {
        const lint = await client.request<LintWorkspaceResult>('ehcp/lintWorkspace', {});
        const mia = lint.files.find((f) => f.uri.endsWith('/plans/mia.ehcp.md'))!;
        const open = lint.files.find((f) => f.uri.endsWith('/open/open.ehcp.md'))!;
        assert.equal(open.findings.error, 9, 'the open copy of the same plan: provision-hedge off');
        assert.equal(mia.findings.error, 9, 'the unopened plan should count the same as the open copy');
      } finally {
        await applySettings(SETTINGS);
      }
    });

    it('workspace/diagnostic for unopened plans follows the ehcp settings (asOf, rules)', async () => {
      // The settings the client answers for every scope: asOf 2026-05-01 means the 20 weeks have not run out yet, and
      // provision-hedge is off.
      await applySettings({ ...SETTINGS, asOf: '2026-05-01', rules: { 'provision-hedge': 'off' } });
      try {
        const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
        const mia = report.items.find((i) => i.uri.endsWith('/plans/mia.ehcp.md')) as WorkspaceFullDocumentDiagnosticReport;
        const ids = codes(mia.items);
        assert.ok(!ids.includes('provision-hedge'), `provision-hedge is off in the settings, yet reported: ${ids.join(', ')}`);
        assert.ok(!ids.includes('timescale-final-late'), `as of 2026-05-01 the 20 weeks have not run out, yet: ${ids.join(', ')}`);
      } finally {
        await applySettings(SETTINGS);
      }
    });

    it('workspace/diagnostic reports nothing when ehcp.enable is false', async () => {
      await applySettings({ ...SETTINGS, enable: false });
      try {
        const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
        const withFindings = report.items.filter((i) => (i as WorkspaceFullDocumentDiagnosticReport).items.length > 0).map((i) => path.relative(dir, new URL(i.uri).pathname));
        assert.deepEqual(withFindings, [], 'EHCP checks are switched off, yet unopened plans are reported');
      } finally {
        await applySettings(SETTINGS);
      }
    });

    it('didChangeConfiguration asks a pull client to refresh its diagnostics', async () => {
      const from = client.notifications.length;
      await client.changeSettings({ ...SETTINGS });
      await client.waitFor((n) => n.method === 'client/diagnosticRefresh', 'workspace/diagnostic/refresh', { fromIndex: from });
    });
  });

  describe('lifecycle', () => {
    it('shutdown then exit ends the server process with code 0', async () => {
      const client = await TestClient.start();
      await client.stop();
      assert.equal(client.exitCode, 0);
    });
  });

  describe('ehcp.enable false from the start', () => {
    let client: TestClient;
    after(async () => client?.stop());

    it('a plan gets an empty diagnostics list', async () => {
      client = await TestClient.start({ settings: { ...SETTINGS, enable: false } });
      const uri = 'file:///virtual/disabled.ehcp.md';
      await client.open(uri, FLAWED, 1);
      assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics, []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    });
  });
});
