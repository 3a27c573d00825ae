/**
 * The EHCP language server: a thin adapter from LSP to the engine. Runs over stdio (`--stdio`) or IPC
 * (`--node-ipc`, as VS Code starts it). Only plans are touched; other Markdown gets nothing.
 *
 * Linting is kept off the request path: a change schedules a lint after a short debounce, a newer change
 * cancels the pending one, and every feature reads the cached analysis of the document's version.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  createConnection,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { allRules, ruleById, parseIsoDate, todayUtc, isPlanText, type ResolvedConfig } from '../engine/index.js';
import { packageRoot } from '../engine/package-root.js';
import { discover, readPlanFile, writeFileAtomic } from '../engine/files.js';
import { exportHtml, exportPdf, previewHtml, exportTitle, exportFileName } from '../engine/export/index.js';
import { costingForExport } from '../engine/export/costing-source.js';
import { AnalysisStore, DEFAULT_SETTINGS, filePathOf, type Analysis } from './analysis.js';
import { toDiagnostic } from './convert.js';
import { codeActions, FIX_ALL_KIND } from './features/code-actions.js';
import { complete } from './features/completion.js';
import { hover } from './features/hover.js';
import { documentSymbols } from './features/symbols.js';
import { definition, prepareRename, references, rename } from './features/navigation.js';
import { codeLenses } from './features/code-lens.js';
import { costingResult, planStatus } from './features/status.js';
import {
  EhcpMethods,
  type DocumentParams,
  type EhcpInitializationOptions,
  type EhcpSettings,
  type ExportParams,
  type ExportResult,
  type LintWorkspaceParams,
  type PlanStatusNotPlan,
  type PlanStatusResult,
  type CostingResult,
  type LintWorkspaceResult,
  type PreviewParams,
  type RuleInfo,
} from './protocol.js';

const LINT_DEBOUNCE_MS = 15;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settingsCache = new Map<string, EhcpSettings>();
  let workspaceRoots: string[] = [];
  let root = packageRoot();
  let pullDiagnostics = false;
  let configurationCapable = false;
  let workspaceTrusted = true;
  const timers = new Map<string, NodeJS.Timeout>();

  /** Workspace-wide `ehcp.*` settings: used for plans that are not open and until a document's own arrive. */
  let workspaceSettings: EhcpSettings = DEFAULT_SETTINGS;
  const settingsFor = (uri: string): EhcpSettings => settingsCache.get(uri) ?? workspaceSettings;
  const store = new AnalysisStore(settingsFor, () => workspaceRoots);

  /** Analysis for an open document that is a plan; null for other Markdown (left alone) or when disabled. */
  const planAnalysis = (uri: string): { document: TextDocument; analysis: Analysis } | null => {
    const document = documents.get(uri);
    if (!document || !settingsFor(uri).enable) return null;
    if (!isPlanText(document.getText(), filePathOf(uri) ?? uri)) return null;
    const analysis = safely(() => store.get(document), null);
    return analysis && analysis.result.isPlan ? { document, analysis } : null;
  };

  function safely<T>(work: () => T, fallback: T): T {
    try {
      return work();
    } catch (error) {
      connection.console.error(`EHCP: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  const diagnosticsFor = (analysis: Analysis): Diagnostic[] =>
    analysis.result.findings.map((f) => toDiagnostic(f, root, ruleById(f.ruleId) !== undefined));

  const fetchSettings = async (scopeUri?: string): Promise<EhcpSettings> => {
    try {
      const value = (await connection.workspace.getConfiguration({ ...(scopeUri ? { scopeUri } : {}), section: 'ehcp' })) as Partial<EhcpSettings> | null;
      return { ...DEFAULT_SETTINGS, ...(value ?? {}) };
    } catch {
      return DEFAULT_SETTINGS;
    }
  };

  /** Reads a document's settings; when they change what was linted, the document is linted again. */
  const refreshSettings = async (uri: string): Promise<void> => {
    if (!configurationCapable) return;
    const before = JSON.stringify(settingsFor(uri));
    const settings = await fetchSettings(uri);
    settingsCache.set(uri, settings);
    if (JSON.stringify(settings) !== before) {
      store.forgetAnalysis(uri);
      schedule(uri);
    }
  };

  const refreshWorkspaceSettings = async (): Promise<void> => {
    if (configurationCapable) workspaceSettings = await fetchSettings();
  };

  const publish = (uri: string): void => {
    timers.delete(uri);
    const found = planAnalysis(uri);
    const document = documents.get(uri);
    if (!document) return;
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, version: document.version, diagnostics: found ? diagnosticsFor(found.analysis) : [] });
    if (found) void connection.sendNotification(EhcpMethods.planStatusChanged, { uri, status: planStatus(found.analysis) });
  };

  const schedule = (uri: string): void => {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending); // a newer change cancels the stale lint
    timers.set(uri, setTimeout(() => safely(() => publish(uri), undefined), LINT_DEBOUNCE_MS));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as EhcpInitializationOptions & { diagnosticMode?: 'push' | 'pull' };
    if (options.extensionPath) root = options.extensionPath;
    workspaceTrusted = options.workspaceTrusted !== false;
    const textDocument = params.capabilities.textDocument;
    pullDiagnostics = options.diagnosticMode ? options.diagnosticMode === 'pull' : Boolean(textDocument?.diagnostic);
    configurationCapable = Boolean(params.capabilities.workspace?.configuration);
    workspaceRoots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (workspaceRoots.length === 0 && params.rootUri) workspaceRoots = [URI.parse(params.rootUri).fsPath];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: ['|', '(', ',', ' ', '#', ':'], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'ehcp', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'ehcp-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    await refreshWorkspaceSettings();
    if (!workspaceTrusted) connection.console.info('EHCP: workspace not trusted; custom lexicon regular expressions are not evaluated.');
  });

  connection.onDidChangeConfiguration(async () => {
    settingsCache.clear();
    store.invalidate();
    await refreshWorkspaceSettings();
    await Promise.all(documents.all().map((d) => refreshSettings(d.uri)));
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    for (const document of documents.all()) schedule(document.uri);
  });

  connection.onDidChangeWatchedFiles((params) => {
    // A config or funding-scheme file changed: every analysis may change. A plan changed on disk: only
    // the workspace diagnostics (open documents are linted from the editor's copy).
    const settingsChanged = params.changes.some((c) => /\.ehcprc\.(json|ya?ml)$|\.(json|ya?ml)$/i.test(c.uri));
    if (settingsChanged) {
      store.invalidate();
      for (const document of documents.all()) schedule(document.uri);
    }
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
  });

  documents.onDidOpen(async (event) => {
    await refreshSettings(event.document.uri);
    schedule(event.document.uri);
  });
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    store.forget(event.document.uri);
    settingsCache.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: found ? diagnosticsFor(found.analysis) : [] };
  });

  connection.languages.diagnostics.onWorkspace(async () => {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const { uri, analysis } of workspacePlans()) {
      if (!analysis || documents.get(uri)) continue; // open documents are reported by the document pull
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: diagnosticsFor(analysis) });
    }
    return { items };
  });

  function* workspacePlans(folders?: string[]): Generator<{ uri: string; analysis: Analysis | null; error?: string }> {
    if (!workspaceSettings.enable) return;
    const roots = folders?.length ? folders.map((f) => URI.parse(f).fsPath) : workspaceRoots;
    const { files } = discover(roots, roots[0] ?? process.cwd());
    for (const file of files) {
      const uri = URI.file(file.absolute).toString();
      const open = documents.get(uri);
      if (open) {
        const found = planAnalysis(uri);
        if (found) yield { uri, analysis: found.analysis };
        continue;
      }
      const read = readPlanFile(file.absolute);
      if (!read.ok) {
        if (/\.ehcp\.md$/i.test(file.absolute)) yield { uri, analysis: null, error: read.message };
        continue;
      }
      if (!isPlanText(read.text, file.absolute)) continue;
      const analysis = safely(() => store.analyseText(uri, read.text), null);
      if (analysis?.result.isPlan) yield { uri, analysis };
    }
  }

  connection.onCodeAction((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? safely(() => codeActions(found.document, found.analysis, params), []) : [];
  });
  connection.onCompletion((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? safely(() => complete(found.document, found.analysis, params.position), []) : [];
  });
  connection.onHover((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? safely(() => hover(found.document, found.analysis, params.position, root), null) : null;
  });
  connection.onDocumentSymbol((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? safely(() => documentSymbols(found.analysis.result.plan), []) : [];
  });
  connection.onDefinition((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? safely(() => definition(found.document, found.analysis.result.plan, params.position), null) : null;
  });
  connection.onReferences((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? safely(() => references(found.document, found.analysis.result.plan, params.position, params.context.includeDeclaration), []) : [];
  });
  connection.onPrepareRename((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? prepareRename(found.document, found.analysis.result.plan, params.position) : null;
  });
  connection.onRenameRequest((params) => {
    const found = planAnalysis(params.textDocument.uri);
    return found ? rename(found.document, found.analysis.result.plan, params.position, params.newName) : null;
  });
  connection.onCodeLens((params) => {
    const found = planAnalysis(params.textDocument.uri);
    if (!found) return [];
    const asOf = parseIsoDate(settingsFor(params.textDocument.uri).asOf) ?? todayUtc();
    return safely(() => codeLenses(found.analysis, asOf), []);
  });

  /** The config that applies at the first workspace folder (for the rule list, which has no document). */
  const rootConfig = (): ResolvedConfig => {
    const root = workspaceRoots[0];
    return store.configForUri(root ? URI.file(path.join(root, 'plan.ehcp.md')).toString() : 'untitled:plan');
  };

  // Custom requests (server/lsp/protocol.ts).
  const notPlan = (uri: string): PlanStatusNotPlan => {
    if (!settingsFor(uri).enable) return { isPlan: false, reason: 'EHCP checks are switched off (ehcp.enable).' };
    return { isPlan: false, reason: 'Not an EHCP: no `ehcp:` key in the front matter and the name does not end in .ehcp.md.' };
  };
  connection.onRequest<PlanStatusResult, void>(EhcpMethods.planStatus, (params: DocumentParams): PlanStatusResult => {
    const found = planAnalysis(params.uri);
    return found ? planStatus(found.analysis) : notPlan(params.uri);
  });
  connection.onRequest<CostingResult, void>(EhcpMethods.costing, (params: DocumentParams): CostingResult => {
    const found = planAnalysis(params.uri);
    return found ? costingResult(found.analysis) : notPlan(params.uri);
  });
  connection.onRequest(EhcpMethods.rules, (): RuleInfo[] =>
    allRules.map((rule) => ({
      id: rule.meta.id,
      category: rule.meta.category,
      description: rule.meta.description,
      basis: rule.meta.basis,
      defaultSeverity: rule.meta.defaultSeverity,
      severity: workspaceSettings.rules[rule.meta.id] ?? rootConfig().rules[rule.meta.id] ?? rule.meta.defaultSeverity,
      fixable: rule.meta.fixable,
      docPath: `docs/rules/${rule.meta.id}.md`,
    })),
  );
  connection.onRequest(EhcpMethods.lintWorkspace, (params: LintWorkspaceParams): LintWorkspaceResult => {
    const started = Date.now();
    const files: LintWorkspaceResult['files'] = [];
    const totals = { error: 0, warning: 0, info: 0, plans: 0 };
    for (const { uri, analysis, error } of workspacePlans(params.folders)) {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of analysis?.result.findings ?? []) counts[f.severity]++;
      files.push({ uri, findings: counts, ...(error ? { error } : {}) });
      totals.plans++;
      totals.error += counts.error;
      totals.warning += counts.warning;
      totals.info += counts.info;
    }
    return { files, totals, durationMs: Date.now() - started };
  });
  const exportTo = async (params: ExportParams, kind: 'pdf' | 'html'): Promise<ExportResult> => {
    const started = Date.now();
    const found = planAnalysis(params.uri);
    if (!found) throw new Error(notPlan(params.uri).reason);
    const plan = found.analysis.result.plan;
    const source = found.analysis.filePath;
    const outDir = params.outDir ?? (source ? path.dirname(source) : null);
    if (!outDir) throw new Error('Save the plan first, or choose a folder to export to.');
    let costing = null;
    if (params.costing) {
      const c = costingForExport(plan, source, found.analysis.config);
      if (!c.ok) throw new Error(`The costing annex cannot be added: ${c.message}`);
      costing = c.summary;
    }
    const target = path.join(outDir, exportFileName(source ?? `${exportTitle(plan)}.md`, kind));
    if (source && path.resolve(target) === path.resolve(source)) throw new Error('The export would overwrite the plan itself.');
    const content = kind === 'pdf' ? await exportPdf(plan, { costing }) : exportHtml(plan, { costing });
    writeFileAtomic(target, content);
    return { path: target, bytes: fs.statSync(target).size, durationMs: Date.now() - started };
  };
  connection.onRequest(EhcpMethods.exportPdf, (params: ExportParams) => exportTo(params, 'pdf'));
  connection.onRequest(EhcpMethods.exportHtml, (params: ExportParams) => exportTo(params, 'html'));
  connection.onRequest(EhcpMethods.previewHtml, (params: PreviewParams & { cspSource?: string }) => {
    const found = planAnalysis(params.uri);
    if (!found) throw new Error(notPlan(params.uri).reason);
    const plan = found.analysis.result.plan;
    let costing = null;
    if (params.costing) {
      const c = costingForExport(plan, found.analysis.filePath, found.analysis.config);
      costing = c.ok ? c.summary : null;
    }
    return { html: previewHtml(plan, { cspSource: params.cspSource ?? "'self'", costing }), title: exportTitle(plan) };
  });

  documents.listen(connection);
  connection.listen();
}

// Started as a program (not imported by tests): stdio with --stdio, else IPC or sockets per argv.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) startServer(createConnection(ProposedFeatures.all));
