/**
 * The extension in a real VS Code extension host (run by test/vscode/run.sh; never by plain `npm test`,
 * which is why the file is named `*.vscode-test.ts`: the mocha spec for `npm test` matches `.test.ts` files).
 *
 * Workspace: a copy of test/vscode/fixtures/workspace (`sam.ehcp.md`, `fix.ehcp.md`, `notes.md`).
 * Everything waits on real state (polling diagnostics or results), never on fixed sleeps.
 *
 * Expected figures (contract section 8, scheme example-incremental, mainstream):
 *   SaLT £75 × 0.75 h × 38 = £2,137.50; TA £20 × 1.25 h × 38 = £950; TA £20 × 5 h × 38 = £3,800;
 *   specialist teacher £55 × 1 h × 38 ÷ 4 = £522.50; TA £20 × 0.25 h × 38 = £190  → F = £7,600.00,
 *   top-up £7,600 − £6,000 = £1,600 → L2.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EhcpExtensionApi } from '../../../client/extension.js';
import type { CostingResult, ExportResult, LintWorkspaceResult, PreviewResult } from '../../../server/lsp/protocol.js';

const EXTENSION_ID = 'ehcp-toolkit.ehcp-toolkit';
const SAM_F_TOTAL_PENCE = 760000;

function wsFolder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

function wsFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(wsFolder(), name);
}

/** Polls `fn` every 50 ms until it returns a truthy value; fails with `what` after `timeoutMs`. */
async function waitFor<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function ehcpDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(codeOf(d)!) && (d.source ?? '').toLowerCase().includes('ehcp'));
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `fixture contains ${JSON.stringify(needle)}`);
  return doc.positionAt(i).line;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** All text a code action's edit inserts. */
function insertedText(a: vscode.CodeAction): string {
  return (a.edit?.entries() ?? []).flatMap(([, edits]) => edits.map((e) => e.newText)).join('');
}

function isSuppression(a: vscode.CodeAction): boolean {
  return /ehcp-disable/.test(insertedText(a));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(wsFile(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

let api: EhcpExtensionApi;

suite('EHCP extension in VS Code', function () {
  suiteSetup(async function () {
    const ext = vscode.extensions.getExtension<EhcpExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    // Activation is on Markdown: opening a plan triggers it (activate() also works when it already has).
    await open('sam.ehcp.md');
    api = await ext.activate();
    await api.ready();
  });

  test('every EHCP command is registered', async function () {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of ['ehcp.newPlan', 'ehcp.showCosting', 'ehcp.lintWorkspace', 'ehcp.openRuleDocs', 'ehcp.exportPdf',
      'ehcp.exportHtml', 'ehcp.openPreview', 'ehcp.restartServer']) assert.ok(all.has(id), `${id} is registered`);
  });

  test('snippets are offered in Markdown', async function () {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'ehcp-out' });
    await vscode.window.showTextDocument(doc);
    const labels = await waitFor('the ehcp-outcome snippet in completion', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 8));
      const l = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
      return l.some((x) => x.startsWith('ehcp-outcome')) ? l : undefined;
    });
    assert.ok(labels.includes('ehcp-outcome'), `snippets offered: ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('.ehcprc.json and funding scheme files are validated against the JSON schemas', async function () {
    for (const [file, needle] of [['bad-config/.ehcprc.json', 'rulez'], ['schemes/broken.funding.json', ''], ['templates/funding/local-draft.json', '']] as const) {
      const doc = await open(file);
      const diags = await waitFor(`JSON schema diagnostics in ${file}`, () => {
        const d = vscode.languages.getDiagnostics(doc.uri);
        return d.length > 0 ? d : undefined;
      }, 30000);
      if (needle) assert.ok(diags.some((d) => doc.getText(d.range).includes(needle)), `${file}: the bad key is flagged`);
    }
  });

  test('diagnostics appear for a plan, with rule ids as codes and doc links', async function () {
    const doc = await open('sam.ehcp.md');
    const e4 = lineOf(doc, '**E4**');
    const diags = await waitFor('diagnostics on outcome E4 of sam.ehcp.md', () => {
      const all = ehcpDiagnostics(doc.uri);
      return all.some((d) => d.range.start.line === e4) ? all : undefined;
    });
    const onE4 = diags.filter((d) => d.range.start.line === e4).map(codeOf);
    assert.ok(onE4.some((c) => /^outcome-/.test(c!)), `an outcome rule reports on E4 (got ${onE4.join(', ')})`);
    for (const d of diags) {
      assert.ok(typeof d.code === 'object' && d.code.target, `diagnostic ${codeOf(d)} links to its doc`);
    }
  });

  test('a file that is not a plan gets no findings and says why', async function () {
    const doc = await open('notes.md');
    const status = await api.request('ehcp/planStatus', { uri: doc.uri.toString() });
    assert.equal(status.isPlan, false);
    assert.ok(!status.isPlan && status.reason.length > 0, 'a reason is given');
    assert.equal(ehcpDiagnostics(doc.uri).length, 0);
  });

  test('the language status reports plan status, scheme, costed total and level', async function () {
    const doc = await open('sam.ehcp.md');
    const status = await api.request('ehcp/planStatus', { uri: doc.uri.toString() });
    assert.ok(status.isPlan, 'sam.ehcp.md is a plan');
    assert.equal(status.status, 'draft');
    assert.equal(status.scheme?.id, 'example-incremental');
    assert.equal(status.educationTotalPence, SAM_F_TOTAL_PENCE);
    assert.equal(status.costedLevel, 'L2');
    assert.equal(status.declaredLevel, 'L2');
  });

  test('a quick fix applies (funding level set to the costed level)', async function () {
    const doc = await open('fix.ehcp.md');
    const diag = await waitFor('a funding-level-mismatch diagnostic in fix.ehcp.md', () =>
      ehcpDiagnostics(doc.uri).find((d) => codeOf(d) === 'funding-level-mismatch'));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = (actions ?? []).find(
      (a): a is vscode.CodeAction => 'edit' in a && !!a.edit && !isSuppression(a) &&
        (!a.diagnostics || a.diagnostics.some((d) => codeOf(d) === 'funding-level-mismatch')));
    assert.ok(fix, `a quick fix is offered (got: ${(actions ?? []).map((a) => a.title).join(' | ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    assert.match(doc.getText(), /^\s*level: L2\s*$/m);
    await waitFor('funding-level-mismatch to go away', () =>
      !ehcpDiagnostics(doc.uri).some((d) => codeOf(d) === 'funding-level-mismatch'));
    // Leave the fixture as it was for the other tests.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the "disable for this line" action is offered with a reason placeholder', async function () {
    const doc = await open('sam.ehcp.md');
    const e4 = lineOf(doc, '**E4**');
    const diag = await waitFor('a diagnostic on E4', () => ehcpDiagnostics(doc.uri).find((d) => d.range.start.line === e4));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const disable = (actions ?? []).find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && isSuppression(a));
    assert.ok(disable, `a disable action is offered (got: ${(actions ?? []).map((a) => a.title).join(' | ')})`);
    assert.match(insertedText(disable), /ehcp-disable-next-line\s+[a-z-]+\s+--\s+\S/);
  });

  test('completion offers outcome ids in an Outcomes cell', async function () {
    const doc = await open('sam.ehcp.md');
    const line = lineOf(doc, '| Check-in with a named trusted adult');
    const text = doc.lineAt(line).text;
    const at = text.indexOf('| E4 |') + '| E4'.length;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, at));
    const labels = list.items.map(labelOf);
    for (const id of ['E1', 'E2', 'E3', 'E4']) assert.ok(labels.includes(id), `completion offers ${id} (got ${labels.slice(0, 20).join(', ')})`);
  });

  test('hover on a finding shows the rule explanation', async function () {
    const doc = await open('sam.ehcp.md');
    const e4 = lineOf(doc, '**E4**');
    const diag = await waitFor('a diagnostic on E4', () => ehcpDiagnostics(doc.uri).find((d) => d.range.start.line === e4));
    const rules = await api.request('ehcp/rules', {});
    const rule = rules.find((r) => r.id === codeOf(diag));
    assert.ok(rule, `ehcp/rules lists ${codeOf(diag)}`);
    const pos = diag.range.start.translate(0, diag.range.isEmpty ? 0 : 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hoverText(hovers ?? []);
    assert.ok(text.includes(rule.id), `hover names the rule ${rule.id}: ${text.slice(0, 300)}`);
    assert.ok(text.includes(rule.description) || text.includes(rule.basis), `hover explains the rule: ${text.slice(0, 300)}`);
  });

  test('"Show costing" returns the costed total', async function () {
    const doc = await open('sam.ehcp.md');
    const r = await vscode.commands.executeCommand<CostingResult>('ehcp.showCosting', doc.uri);
    assert.ok(r && r.isPlan, 'costing of a plan');
    assert.equal(r.currency, 'GBP');
    assert.equal(r.totals.bySection.F.annualPence, SAM_F_TOTAL_PENCE);
    assert.equal(r.totals.byPayer.education.annualPence, SAM_F_TOTAL_PENCE);
    assert.equal(r.schoolContributionPence, 600000);
    assert.equal(r.topUpPence, SAM_F_TOTAL_PENCE - 600000);
    assert.equal(r.level?.id, 'L2');
    assert.equal(r.declaredLevel, 'L2');
    assert.equal(r.rows.filter((row) => row.section === 'F').length, 5);
  });

  test('"New plan from template" creates a plan for the named child (every template)', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const dir = path.join(ext.extensionPath, 'templates', 'plans');
    const templates = fs.readdirSync(dir).filter((n) => n.endsWith('.ehcp.md')).sort();
    assert.ok(templates.length >= 6, `at least 6 templates (found ${templates.join(', ')})`);
    for (const template of templates) {
      const name = `Robin Test ${template.replace('.ehcp.md', '')}`;
      const uri = await vscode.commands.executeCommand<string>('ehcp.newPlan', { template, childName: name });
      assert.ok(uri, `a document was created from ${template}`);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      assert.ok(doc, 'the new document is open');
      assert.equal(doc.languageId, 'markdown');
      assert.ok(doc.getText().includes(name), `${template}: the child's name is filled in`);
      assert.ok(!doc.getText().includes('{{childName}}'), `${template}: no {{childName}} left`);
      const status = await api.request('ehcp/planStatus', { uri });
      assert.ok(status.isPlan, `${template}: the new document is a plan`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    // Saved variant: written to disk at the given path.
    const target = path.join(wsFolder().fsPath, 'plans', 'robin-saved.ehcp.md');
    const uri = await vscode.commands.executeCommand<string>('ehcp.newPlan', { template: templates[0], childName: 'Robin Saved', target });
    assert.equal(vscode.Uri.parse(uri).fsPath, target);
    assert.ok(fs.readFileSync(target, 'utf8').includes('Robin Saved'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('"Lint workspace" reports every plan in the folder', async function () {
    const r = await vscode.commands.executeCommand<LintWorkspaceResult>('ehcp.lintWorkspace');
    const names = r.files.map((f) => path.basename(vscode.Uri.parse(f.uri).path));
    for (const n of ['sam.ehcp.md', 'fix.ehcp.md']) assert.ok(names.includes(n), `${n} is linted (got ${names.join(', ')})`);
    assert.ok(!names.includes('notes.md'), 'notes.md is not a plan');
    assert.ok(r.totals.plans >= 2);
  });

  test('"Open rule docs" opens the rule page', async function () {
    const rules = await api.request('ehcp/rules', {});
    assert.ok(rules.length > 0, 'rules are listed');
    const uri = await vscode.commands.executeCommand<string>('ehcp.openRuleDocs', rules[0]!.id);
    assert.ok(uri && uri.endsWith(`/docs/rules/${rules[0]!.id}.md`), `opened ${uri}`);
  });

  test('"Export to HTML" and "Export to PDF" write next to the plan; the preview has no scripts', async function () {
    const doc = await open('sam.ehcp.md');
    const outDir = path.join(wsFolder().fsPath, 'out');
    fs.mkdirSync(outDir, { recursive: true });
    const html = await vscode.commands.executeCommand<ExportResult>('ehcp.exportHtml', doc.uri, { outDir, quiet: true });
    assert.ok(html && fs.existsSync(html.path), 'the HTML file exists');
    assert.notEqual(html.path, doc.uri.fsPath);
    const htmlText = fs.readFileSync(html.path, 'utf8');
    assert.ok(htmlText.includes('Sam'), 'the HTML holds the plan');
    assert.ok(!/<script/i.test(htmlText), 'no script in the HTML');
    const pdf = await vscode.commands.executeCommand<ExportResult>('ehcp.exportPdf', doc.uri, { outDir, quiet: true });
    assert.ok(pdf && fs.readFileSync(pdf.path).subarray(0, 5).toString() === '%PDF-', 'the PDF file is a PDF');
    const preview = await vscode.commands.executeCommand<PreviewResult>('ehcp.openPreview', doc.uri);
    assert.ok(preview && preview.html.length > 0 && !/<script/i.test(preview.html), 'preview HTML without scripts');
  });
});
