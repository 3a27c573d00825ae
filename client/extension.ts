/**
 * The EHCP Toolkit VS Code extension: a thin client over the EHCP language server (`dist/server.cjs`,
 * started over IPC). Everything the user sees about a plan — findings, fixes, completion, hovers, costing,
 * export — is computed by the server from the shared engine; this file only wires it into VS Code:
 * commands in the "EHCP" category, a language status item, a preview webview.
 *
 * No telemetry and no network: nothing here opens a socket or an external URL.
 */
import * as path from 'node:path';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  EhcpMethods,
  formatPence,
  type CostingPlan,
  type CostingResult,
  type EhcpInitializationOptions,
  type EhcpRequestMap,
  type ExportResult,
  type LintWorkspaceResult,
  type PlanStatusChangedParams,
  type PlanStatusResult,
  type PreviewResult,
  type RuleInfo,
} from '../server/lsp/protocol.js';

const CLIENT_ID = 'ehcp';
const CLIENT_NAME = 'EHCP Language Server';

/** Documents the server looks at: Markdown on disk and unsaved (untitled) Markdown. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

/** Names shown in the template quick pick, by template file name (without `.ehcp.md`). */
const TEMPLATE_LABELS: Record<string, string> = {
  'early-years': 'Early years',
  primary: 'Primary',
  secondary: 'Secondary',
  'year-9-pfa': 'Year 9+ with preparing for adulthood',
  'secondary-pfa': 'Year 9+ with preparing for adulthood',
  'post-16': 'Post-16',
  'annual-review-amendment': 'Annual review amendment',
  'amendment': 'Annual review amendment',
};

/** Arguments the "New plan from template" command accepts (all optional; missing ones are asked for). */
export interface NewPlanArgs {
  /** Template file name (`primary.ehcp.md` or `primary`) or absolute path. */
  template?: string;
  childName?: string;
  /** Save the plan to this absolute file path instead of opening an untitled document. */
  target?: string;
  /** Do not show the document (tests). */
  background?: boolean;
}

/** What `activate` returns, for other extensions and the extension tests. */
export interface EhcpExtensionApi {
  /** Resolves when the language client has started. */
  ready(): Promise<void>;
  request<M extends keyof EhcpRequestMap>(method: M, params: EhcpRequestMap[M]['params']): Promise<EhcpRequestMap[M]['result']>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<EhcpExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: EhcpInitializationOptions = {
    client: 'vscode',
    extensionPath: context.extensionPath,
    workspaceTrusted: vscode.workspace.isTrusted,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions,
    synchronize: {
      // Tells the server (workspace/didChangeConfiguration) when `ehcp.*` settings change; it re-reads them
      // with workspace/configuration.
      configurationSection: 'ehcp',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.ehcprc.{json,yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.funding.{json,yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.md'),
      ],
    },
  };
  const lc = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = lc;
  const started = lc.start();
  // A failed start is reported by the client in its output channel; commands then fail with a clear message.
  started.catch(() => undefined);

  async function request<M extends keyof EhcpRequestMap>(method: M, params: EhcpRequestMap[M]['params']): Promise<EhcpRequestMap[M]['result']> {
    await started;
    return lc.sendRequest(method, params) as Promise<EhcpRequestMap[M]['result']>;
  }

  const status = new PlanStatusItem(request);
  context.subscriptions.push(status);
  started.then(
    () => {
      context.subscriptions.push(
        lc.onNotification(EhcpMethods.planStatusChanged, (p: PlanStatusChangedParams) => status.onServerStatus(p)),
      );
      status.refresh();
    },
    () => undefined,
  );

  const preview = new PreviewPanels(request);
  context.subscriptions.push(preview);

  const reg = (id: string, fn: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));

  reg('ehcp.newPlan', (args?: NewPlanArgs) => newPlanFromTemplate(context, args));
  reg('ehcp.showCosting', (uri?: vscode.Uri | string) => showCosting(request, uri));
  reg('ehcp.lintWorkspace', () => lintWorkspace(request));
  reg('ehcp.openRuleDocs', (ruleId?: string) => openRuleDocs(context, request, ruleId));
  reg('ehcp.exportPdf', (uri?: vscode.Uri | string, opts?: { costing?: boolean; outDir?: string; quiet?: boolean }) =>
    exportPlan(request, 'pdf', uri, opts));
  reg('ehcp.exportHtml', (uri?: vscode.Uri | string, opts?: { costing?: boolean; outDir?: string; quiet?: boolean }) =>
    exportPlan(request, 'html', uri, opts));
  reg('ehcp.openPreview', (uri?: vscode.Uri | string) => preview.open(uri));
  reg('ehcp.restartServer', async () => {
    await lc.restart();
    status.refresh();
  });
  // The server learns about workspace trust from its initialization options, so restart it once the user
  // trusts the folder (Restricted Mode limits what it evaluates from workspace config).
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      initializationOptions.workspaceTrusted = true;
      await lc.restart();
      status.refresh();
    }),
  );

  return { ready: () => started, request };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

// ------------------------------------------------------------------------------------------------ helpers

type Requester = EhcpExtensionApi['request'];

function targetDocumentUri(arg?: vscode.Uri | string): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return arg.includes(':') && !path.isAbsolute(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === 'markdown' ? editor.document.uri : undefined;
}

function requireDocument(arg?: vscode.Uri | string): vscode.Uri {
  const uri = targetDocumentUri(arg);
  if (!uri) throw new Error('Open an EHCP plan (a Markdown file) first.');
  return uri;
}

/** Shows a command's error to the user and still rejects, so callers (tests, other commands) see it. */
async function reportErrors<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    void vscode.window.showErrorMessage(`EHCP: ${what} failed: ${msg}`);
    throw e;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function nonPlanMessage(r: { reason: string }): string {
  return r.reason || 'This file is not an EHCP plan.';
}

// ------------------------------------------------------------------------------------- New plan from template

async function listTemplates(context: vscode.ExtensionContext): Promise<{ file: string; label: string }[]> {
  const dir = context.asAbsolutePath(path.join('templates', 'plans'));
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.ehcp.md')).sort();
  } catch {
    names = [];
  }
  return names.map((n) => {
    const base = n.slice(0, -'.ehcp.md'.length);
    const label = TEMPLATE_LABELS[base] ?? base.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
    return { file: path.join(dir, n), label };
  });
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-') || 'plan';
}

async function newPlanFromTemplate(context: vscode.ExtensionContext, args: NewPlanArgs = {}): Promise<string | undefined> {
  return reportErrors('New plan from template', async () => {
    const templates = await listTemplates(context);
    if (templates.length === 0) throw new Error(`No templates found in ${context.asAbsolutePath('templates/plans')}.`);

    let file: string | undefined;
    if (args.template) {
      const wanted = args.template;
      const hit = path.isAbsolute(wanted)
        ? { file: wanted }
        : templates.find((t) => path.basename(t.file) === wanted || path.basename(t.file) === `${wanted}.ehcp.md`);
      if (!hit) throw new Error(`Unknown template "${wanted}". Available: ${templates.map((t) => path.basename(t.file)).join(', ')}.`);
      file = hit.file;
    } else {
      const pick = await vscode.window.showQuickPick(
        templates.map((t) => ({ label: t.label, description: path.basename(t.file), file: t.file })),
        { title: 'EHCP: New plan from template', placeHolder: 'Choose the kind of plan' },
      );
      if (!pick) return undefined;
      file = pick.file;
    }

    let childName = args.childName?.trim();
    if (!childName) {
      childName = (
        await vscode.window.showInputBox({
          title: 'EHCP: New plan from template',
          prompt: "The child's or young person's full name",
          placeHolder: 'e.g. Sam Taylor',
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() ? undefined : 'Enter a name (you can change it later in the front matter).'),
        })
      )?.trim();
      if (!childName) return undefined;
    }

    const template = await fs.readFile(file, 'utf8');
    const today = new Date().toISOString().slice(0, 10);
    const text = template.replace(/\{\{\s*childName\s*\}\}/g, childName).replace(/\{\{\s*today\s*\}\}/g, today);

    let doc: vscode.TextDocument;
    if (args.target) {
      const target = vscode.Uri.file(args.target);
      try {
        await vscode.workspace.fs.stat(target);
        throw new Error(`${args.target} already exists; choose another file name.`);
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError)) throw e;
      }
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      doc = await vscode.workspace.openTextDocument(target);
    } else {
      // An untitled document with a suggested file name (`sam-taylor.ehcp.md`) in the first workspace folder,
      // so Save proposes a plan name and the server treats it as a plan even before it is saved.
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const fileName = `${slug(childName)}.ehcp.md`;
      const untitled = folder
        ? vscode.Uri.joinPath(folder, fileName).with({ scheme: 'untitled' })
        : vscode.Uri.from({ scheme: 'untitled', path: fileName });
      doc = await vscode.workspace.openTextDocument(untitled);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(untitled, new vscode.Position(0, 0), text);
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error('Could not fill the new document.');
      if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    }
    if (!args.background) await vscode.window.showTextDocument(doc, { preview: false });
    return doc.uri.toString();
  });
}

// ------------------------------------------------------------------------------------------------- Costing

let costingPanel: vscode.WebviewPanel | undefined;

function webviewCsp(webview: vscode.Webview): string {
  // No scripts at all; inline styles only (the server's HTML is self-contained); images and fonts from data:.
  return [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource} data:`,
    "style-src 'unsafe-inline'",
    "script-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
  ].join('; ');
}

function costingHtml(webview: vscode.Webview, title: string, r: CostingPlan): string {
  const money = (p: number | null | undefined) => (p == null ? '—' : formatPence(p));
  const rows = r.rows
    .map(
      (row) =>
        `<tr><td>${row.section}</td><td>${escapeHtml(row.provision)}</td><td>${escapeHtml(row.rate?.label ?? '')}</td>` +
        `<td>${escapeHtml(row.arithmetic || row.quantity || '')}</td>` +
        `<td class="n">${row.costed ? money(row.annualPence) : '—'}</td>` +
        `<td class="n">${row.oneOffPence ? money(row.oneOffPence) : ''}</td>` +
        `<td>${row.problem ? escapeHtml(row.problem.reason) : ''}</td></tr>`,
    )
    .join('\n');
  const PAYER_LABELS: Record<string, string> = { education: 'Paid by education', health: 'Paid by health', 'social-care': 'Paid by social care' };
  const sections = (Object.entries(r.totals.bySection) as [string, { annualPence: number; oneOffPence: number }][])
    .filter(([, t]) => t.annualPence || t.oneOffPence)
    .map(([k, t]) => `<li>Section ${escapeHtml(k)}: ${money(t.annualPence)} a year${t.oneOffPence ? ` + ${money(t.oneOffPence)} one-off` : ''}</li>`)
    .join('');
  const payers = (Object.entries(r.totals.byPayer) as [string, { annualPence: number; oneOffPence: number }][])
    .filter(([, t]) => t.annualPence || t.oneOffPence)
    .map(([k, t]) => `<li>${escapeHtml(PAYER_LABELS[k] ?? k)}: ${money(t.annualPence)} a year${t.oneOffPence ? ` + ${money(t.oneOffPence)} one-off` : ''}</li>`)
    .join('');
  const costed = r.level?.id ?? null;
  const level =
    r.levelStatus === 'beyond' ? 'beyond the scheme\'s top level'
      : !costed ? 'not computed'
        : r.declaredLevel && r.declaredLevel !== costed ? `${escapeHtml(costed)} (the plan declares ${escapeHtml(r.declaredLevel)})`
          : escapeHtml(costed);
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${webviewCsp(webview)}">
<title>${escapeHtml(title)}</title>
<style>body{font-family:var(--vscode-font-family);color:var(--vscode-foreground)}table{border-collapse:collapse}
td,th{border:1px solid var(--vscode-panel-border);padding:2px 6px;vertical-align:top;text-align:left}td.n{text-align:right}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p>Scheme: ${r.scheme ? `${escapeHtml(r.scheme.name)} (${escapeHtml(r.scheme.id)})${r.scheme.illustrative ? ' — illustrative figures' : ''}` : escapeHtml(r.reason ?? 'none')}</p>
<table><caption>Provision rows</caption><thead><tr><th>Section</th><th>Provision</th><th>Rate</th><th>Arithmetic</th><th>A year</th><th>One-off</th><th>Note</th></tr></thead>
<tbody>${rows}</tbody></table>
<h2>Totals</h2><ul>${sections}${payers}
<li>All: ${money(r.totals.all.annualPence)} a year${r.totals.all.oneOffPence ? ` + ${money(r.totals.all.oneOffPence)} one-off` : ''}</li>
<li>School contribution: ${money(r.schoolContributionPence)}</li>
<li>Top-up (education): ${money(r.topUpPence)}</li>
<li>Level: ${level}</li>
${r.uncostedCount ? `<li>${r.uncostedCount} row(s) could not be costed</li>` : ''}</ul>
<p><small>Costing sits beside the provision; it never replaces what Section F specifies.</small></p>
</body></html>`;
}

async function showCosting(request: Requester, arg?: vscode.Uri | string): Promise<CostingResult> {
  return reportErrors('Show costing', async () => {
    const uri = requireDocument(arg);
    const r = await request(EhcpMethods.costing, { uri: uri.toString() });
    if (!r.isPlan) {
      void vscode.window.showInformationMessage(`EHCP: ${nonPlanMessage(r)}`);
      return r;
    }
    const title = `Costing: ${path.basename(uri.path)}`;
    if (!costingPanel) {
      costingPanel = vscode.window.createWebviewPanel('ehcp.costing', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        localResourceRoots: [],
      });
      costingPanel.onDidDispose(() => (costingPanel = undefined));
    }
    costingPanel.title = title;
    costingPanel.webview.html = costingHtml(costingPanel.webview, title, r);
    return r;
  });
}

// ------------------------------------------------------------------------------------------- Lint workspace

async function lintWorkspace(request: Requester): Promise<LintWorkspaceResult> {
  return reportErrors('Lint workspace', async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
    const r = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'EHCP: linting every plan in the workspace…' },
      () => request(EhcpMethods.lintWorkspace, { folders }),
    );
    const t = r.totals;
    void vscode.window
      .showInformationMessage(
        `EHCP: ${t.plans} plan(s): ${t.error} error(s), ${t.warning} warning(s), ${t.info} info (${Math.round(r.durationMs)} ms).`,
        'Open Problems',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    return r;
  });
}

// -------------------------------------------------------------------------------------------- Rule docs

async function openRuleDocs(context: vscode.ExtensionContext, request: Requester, ruleId?: string): Promise<string | undefined> {
  return reportErrors('Open rule docs', async () => {
    let id = typeof ruleId === 'string' ? ruleId : undefined;
    if (!id) {
      const rules: RuleInfo[] = await request(EhcpMethods.rules, {});
      const pick = await vscode.window.showQuickPick(
        rules.map((r) => ({ label: r.id, description: `${r.category} · ${r.severity}`, detail: r.description, id: r.id })),
        { title: 'EHCP: Open rule docs', placeHolder: 'Type to filter the rules', matchOnDetail: true },
      );
      if (!pick) return undefined;
      id = pick.id;
    }
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`"${id}" is not a rule id.`);
    const doc = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${id}.md`)));
    try {
      await vscode.workspace.fs.stat(doc);
    } catch {
      throw new Error(`No documentation page for rule "${id}".`);
    }
    await vscode.commands.executeCommand('markdown.showPreview', doc);
    return doc.toString();
  });
}

// ------------------------------------------------------------------------------------------------- Export

async function exportPlan(
  request: Requester,
  kind: 'pdf' | 'html',
  arg?: vscode.Uri | string,
  opts: { costing?: boolean; outDir?: string; quiet?: boolean } = {},
): Promise<ExportResult | undefined> {
  const what = kind === 'pdf' ? 'Export to PDF' : 'Export to HTML';
  return reportErrors(what, async () => {
    if (!vscode.workspace.isTrusted) throw new Error('exporting writes files, so it is available only in a trusted workspace.');
    const uri = requireDocument(arg);
    let outDir = opts.outDir;
    if (!outDir && uri.scheme !== 'file') {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const picked = await vscode.window.showOpenDialog({
        title: `${what}: choose a folder for the file`,
        canSelectFiles: false,
        canSelectFolders: true,
        ...(folder ? { defaultUri: folder } : {}),
      });
      if (!picked?.[0]) return undefined;
      outDir = picked[0].fsPath;
    }
    const method = kind === 'pdf' ? EhcpMethods.exportPdf : EhcpMethods.exportHtml;
    const r = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `EHCP: ${what}…` },
      () => request(method, { uri: uri.toString(), costing: opts.costing ?? false, ...(outDir ? { outDir } : {}) }),
    );
    if (!opts.quiet) {
      void vscode.window.showInformationMessage(`EHCP: wrote ${r.path}`, 'Open', 'Reveal in file explorer').then((choice) => {
        if (choice === 'Open') void vscode.env.openExternal(vscode.Uri.file(r.path));
        else if (choice) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(r.path));
      });
    }
    return r;
  });
}

// ------------------------------------------------------------------------------------------------ Preview

class PreviewPanels implements vscode.Disposable {
  private panels = new Map<string, { panel: vscode.WebviewPanel; timer?: ReturnType<typeof setTimeout> }>();
  private subs: vscode.Disposable[] = [];

  constructor(private readonly request: Requester) {
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document.uri.toString())),
      vscode.workspace.onDidSaveTextDocument((d) => this.schedule(d.uri.toString())),
    );
  }

  async open(arg?: vscode.Uri | string): Promise<PreviewResult | undefined> {
    return reportErrors('Open preview', async () => {
      const uri = requireDocument(arg);
      const key = uri.toString();
      let entry = this.panels.get(key);
      if (!entry) {
        const panel = vscode.window.createWebviewPanel(
          'ehcp.preview',
          `Preview ${path.basename(uri.path)}`,
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          { enableScripts: false, enableForms: false, localResourceRoots: [] },
        );
        entry = { panel };
        this.panels.set(key, entry);
        panel.onDidDispose(() => {
          const e = this.panels.get(key);
          if (e?.timer) clearTimeout(e.timer);
          this.panels.delete(key);
        });
      } else {
        entry.panel.reveal(vscode.ViewColumn.Beside, true);
      }
      return this.render(key);
    });
  }

  private schedule(key: string): void {
    const entry = this.panels.get(key);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.render(key).catch(() => undefined), 300);
  }

  private async render(key: string): Promise<PreviewResult | undefined> {
    const entry = this.panels.get(key);
    if (!entry) return undefined;
    const r = await this.request(EhcpMethods.previewHtml, { uri: key });
    if (!this.panels.has(key)) return r;
    entry.panel.title = `Preview: ${r.title}`;
    entry.panel.webview.html = withCsp(r.html, webviewCsp(entry.panel.webview));
    return r;
  }

  dispose(): void {
    for (const { panel, timer } of this.panels.values()) {
      if (timer) clearTimeout(timer);
      panel.dispose();
    }
    this.panels.clear();
    for (const s of this.subs) s.dispose();
  }
}

/** Puts our Content-Security-Policy first in `<head>`, removing any the HTML brought along. */
export function withCsp(html: string, csp: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  const cleaned = html.replace(/<meta[^>]+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi, '');
  if (/<head[^>]*>/i.test(cleaned)) return cleaned.replace(/<head[^>]*>/i, (h) => `${h}${meta}`);
  return `<!DOCTYPE html><html><head>${meta}</head><body>${cleaned}</body></html>`;
}

// ---------------------------------------------------------------------------------- Language status item

class PlanStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(private readonly request: Requester) {
    this.item = vscode.languages.createLanguageStatusItem('ehcp.planStatus', DOCUMENT_SELECTOR);
    this.item.name = 'EHCP plan';
    this.item.text = '$(loading~spin) EHCP';
    this.item.busy = true;
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.refresh();
      }),
    );
  }

  onServerStatus(p: PlanStatusChangedParams): void {
    if (p.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.show(p.status);
  }

  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 150);
  }

  private async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') return;
    const gen = ++this.generation;
    try {
      const r = await this.request(EhcpMethods.planStatus, { uri: doc.uri.toString() });
      if (gen === this.generation) this.show(r);
    } catch (e) {
      if (gen !== this.generation) return;
      this.item.busy = false;
      this.item.text = 'EHCP: unavailable';
      this.item.detail = e instanceof Error ? e.message : String(e);
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.item.command = { title: 'Restart', command: 'ehcp.restartServer' };
    }
  }

  private show(r: PlanStatusResult): void {
    void vscode.commands.executeCommand('setContext', 'ehcp.isPlan', r.isPlan);
    this.item.busy = false;
    if (!r.isPlan) {
      this.item.text = 'Not an EHCP';
      this.item.detail = r.reason;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = { title: 'New plan', command: 'ehcp.newPlan' };
      return;
    }
    const parts = [`EHCP ${r.status ?? '(no status)'}`];
    if (r.scheme) parts.push(r.scheme.known ? r.scheme.id : `${r.scheme.id} (unknown)`);
    if (r.educationTotalPence != null) parts.push(formatPence(r.educationTotalPence));
    if (r.costedLevel) parts.push(r.declaredLevel && r.declaredLevel !== r.costedLevel ? `${r.costedLevel} ≠ ${r.declaredLevel}` : r.costedLevel);
    this.item.text = parts.join(' · ');
    const f = r.findings;
    const detail = [
      `${f.error} error(s), ${f.warning} warning(s), ${f.info} info`,
      r.topUpPence != null ? `top-up ${formatPence(r.topUpPence)}` : null,
      r.uncostedRows ? `${r.uncostedRows} uncosted row(s)` : null,
      r.scheme ? null : 'no funding scheme named',
    ].filter(Boolean);
    this.item.detail = detail.join('; ');
    const levelMismatch = !!(r.declaredLevel && r.costedLevel && r.declaredLevel !== r.costedLevel);
    this.item.severity = f.error > 0 ? vscode.LanguageStatusSeverity.Error
      : f.warning > 0 || levelMismatch ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    this.item.command = { title: 'Show costing', command: 'ehcp.showCosting' };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
