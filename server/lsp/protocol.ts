/**
 * The EHCP extensions to LSP: custom requests and notifications between the VS Code extension
 * (`client/extension.ts`) and the language server (`server/lsp/server.ts`).
 *
 * This file is the contract between the two sides. It has no imports, so it can be bundled into both
 * the client and the server (and used by any other LSP client, e.g. a Neovim command) without pulling
 * either library in. All requests are plain JSON-RPC requests with one params object.
 *
 * Conventions:
 * - `uri` is a document URI as the client sent it in `textDocument/didOpen` (`file:` or `untitled:`).
 *   The server answers from its open copy of the document when it has one (unsaved edits count), else
 *   reads the file from disk.
 * - Money is integer pence (`…Pence`) plus `currency` (always "GBP" for now): no floating point.
 * - A request about a document that is not a plan does not fail: it answers `{ isPlan: false, reason }`.
 * - Errors are JSON-RPC errors with a plain-English message (the client shows it as is).
 * - Nothing here ever leaves the machine: no telemetry, no network.
 */

/** Request and notification method names. */
export const EhcpMethods = {
  /** Request: the plan status shown in the language status item. Params `DocumentParams`; result `PlanStatusResult`. */
  planStatus: 'ehcp/planStatus',
  /**
   * Notification (server → client), optional: the status of a document changed (after a re-lint).
   * Params `PlanStatusChangedParams`. A client may also simply re-request `ehcp/planStatus` when the
   * document's diagnostics change; the VS Code extension does both.
   */
  planStatusChanged: 'ehcp/planStatusChanged',
  /** Request: the costing breakdown of a plan. Params `CostingParams`; result `CostingResult`. */
  costing: 'ehcp/costing',
  /** Request: lint every plan in the workspace folders. Params `LintWorkspaceParams`; result `LintWorkspaceResult`. */
  lintWorkspace: 'ehcp/lintWorkspace',
  /** Request: the rule registry (for "Open rule docs"). Params `RulesParams` (may be `{}`); result `RuleInfo[]`. */
  rules: 'ehcp/rules',
  /** Request: export a plan to PDF next to it. Params `ExportParams`; result `ExportResult`. */
  exportPdf: 'ehcp/exportPdf',
  /** Request: export a plan to self-contained HTML next to it. Params `ExportParams`; result `ExportResult`. */
  exportHtml: 'ehcp/exportHtml',
  /** Request: sanitised HTML for the preview webview. Params `PreviewParams`; result `PreviewResult`. */
  previewHtml: 'ehcp/previewHtml',
} as const;

export type EhcpMethod = (typeof EhcpMethods)[keyof typeof EhcpMethods];

export type EhcpSeverity = 'error' | 'warning' | 'info';

export interface DocumentParams {
  uri: string;
}

/** Counts of findings by severity (after config and suppressions). */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

// ---------------------------------------------------------------------------------------------------------
// ehcp/planStatus

export type PlanStatusResult = PlanStatusPlan | PlanStatusNotPlan;

export interface PlanStatusNotPlan {
  isPlan: false;
  /**
   * Why the file is not a plan, one sentence for the status item, e.g.
   * "Not an EHCP: no `ehcp:` key in the front matter and the name does not end in .ehcp.md".
   * Also used when the server is disabled (`ehcp.enable: false`).
   */
  reason: string;
}

export interface PlanStatusPlan {
  isPlan: true;
  /** Why it counts as a plan (contract section 1). */
  planBy: 'front-matter' | 'file-name';
  /** Front-matter `status` (draft, final, …), or null when missing/invalid. */
  status: string | null;
  /** Child's preferred name or name, when the front matter has one (shown only in the local UI). */
  childName: string | null;
  /** The funding scheme named by the plan, resolved; null when the plan names none. */
  scheme: { id: string; name: string; known: boolean } | null;
  /** Costed Section F (education) total per year, in pence; null when the plan cannot be costed (no scheme). */
  educationTotalPence: number | null;
  /** Top-up (education total less the school contribution), in pence; null when unknown. */
  topUpPence: number | null;
  currency: 'GBP';
  /** Level declared in the front matter (`funding.level`), or null. */
  declaredLevel: string | null;
  /** Level the costing maps to, or null when it cannot be computed (no scheme, beyond the scheme…). */
  costedLevel: string | null;
  /** Number of provision rows that could not be costed. */
  uncostedRows: number;
  findings: FindingCounts;
}

export interface PlanStatusChangedParams {
  uri: string;
  status: PlanStatusResult;
}

// ---------------------------------------------------------------------------------------------------------
// ehcp/costing

export type CostingParams = DocumentParams;

export type CostingResult = CostingPlan | PlanStatusNotPlan;

export type Payer = 'education' | 'health' | 'social-care';
export type ProvisionSectionId = 'F' | 'G' | 'H1' | 'H2';

/** Annual and one-off money, in pence (the engine's costing `Totals`). */
export interface CostingTotals {
  annualPence: number;
  oneOffPence: number;
}

/**
 * One provision row's costing: the engine's `CostRow` (server/engine/costing/cost.ts) with the range turned
 * into an LSP line and two display strings added.
 */
export interface CostingRowResult {
  section: ProvisionSectionId;
  /** 1-based index of the row among its section's provision items. */
  index: number;
  /** 0-based LSP line of the row (for "go to row"). */
  line: number;
  /** The area-of-need heading the row sits under, or null. */
  area: string | null;
  /** Short text of the provision (first cell, or the start of the bullet). */
  provision: string;
  payer: Payer;
  costed: boolean;
  method: 'rate' | 'cost-cell' | null;
  rate: { id: string; label: string; pencePerHour: number } | null;
  /** Hours of staff time, for display ("0.75 a week"). */
  hours: string | null;
  weeks: number | null;
  staff: number | null;
  pupils: number | null;
  /** Plain summary of the quantities read: "3 × 30 min a week · 1:1". */
  quantity: string | null;
  annualPence: number;
  oneOffPence: number;
  /** Human-readable arithmetic, e.g. "£75.00/h × 0.75 h × 38 wk × 1/1 = £2,137.50". */
  arithmetic: string;
  /** Why the row is uncosted, when it is. */
  problem: { kind: string; reason: string } | null;
}

/** A plan's costing: the engine's `Costing`, flattened for the wire. */
export interface CostingPlan {
  isPlan: true;
  currency: 'GBP';
  /** The scheme used; null when the plan names none or it cannot be found/loaded (see `reason`). */
  scheme: { id: string; name: string; illustrative: boolean } | null;
  /** Why there is no costing (no scheme named, unknown scheme, invalid scheme file), else null. */
  reason: string | null;
  rows: CostingRowResult[];
  totals: {
    bySection: Record<ProvisionSectionId, CostingTotals>;
    byPayer: Record<Payer, CostingTotals>;
    all: CostingTotals;
  };
  settingType: string | null;
  schoolContributionPence: number | null;
  /** max(0, Section F annual total − school contribution); null when unknown. */
  topUpPence: number | null;
  /** 'level': mapped; 'beyond': above the scheme's top; 'below': under its first band; 'unknown-setting'; 'no-scheme'. */
  levelStatus: 'level' | 'beyond' | 'below' | 'unknown-setting' | 'no-scheme';
  /** The level the costing maps to, or null. */
  level: { id: string; label: string; amountPence: number } | null;
  /** `funding.level` as declared in the front matter, or null. */
  declaredLevel: string | null;
  /** Level amount − top-up; null without a level. */
  roundingGapPence: number | null;
  uncostedCount: number;
  /** The same breakdown rendered as Markdown (a table and the totals), ready to show. Optional. */
  markdown?: string;
}

// ---------------------------------------------------------------------------------------------------------
// ehcp/lintWorkspace

export interface LintWorkspaceParams {
  /** Folder URIs to lint; default: every workspace folder the server knows. */
  folders?: string[];
}

export interface LintWorkspaceFile {
  uri: string;
  findings: FindingCounts;
  /** Set when the file could not be read or linted. */
  error?: string;
}

export interface LintWorkspaceResult {
  /** Plans found (non-plans are skipped and not listed). */
  files: LintWorkspaceFile[];
  totals: FindingCounts & { plans: number };
  durationMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// ehcp/rules

export type RulesParams = Record<string, never>;

export interface RuleInfo {
  id: string;
  category: string;
  description: string;
  basis: string;
  defaultSeverity: EhcpSeverity;
  /** Severity after the workspace config / `ehcp.rules` setting ('off' when disabled). */
  severity: EhcpSeverity | 'off';
  fixable: boolean;
  /** Path of the rule's doc page relative to the package root: `docs/rules/<id>.md`. */
  docPath: string;
}

// ---------------------------------------------------------------------------------------------------------
// ehcp/exportPdf, ehcp/exportHtml, ehcp/previewHtml

export interface ExportParams extends DocumentParams {
  /** Add the costing annex (default false: a plan carries no money unless asked). */
  costing?: boolean;
  /** Output folder (absolute path); default: next to the plan. Required for an untitled document. */
  outDir?: string;
}

export interface ExportResult {
  /** Absolute path of the file written (never the source). */
  path: string;
  bytes: number;
  durationMs: number;
}

export interface PreviewParams extends DocumentParams {
  costing?: boolean;
}

export interface PreviewResult {
  /**
   * A complete, sanitised HTML document with inline CSS and no scripts. The client injects its own
   * Content-Security-Policy `<meta>` (it may replace one the server put in).
   */
  html: string;
  title: string;
}

/** `initializationOptions` the VS Code extension sends (other clients may send nothing). */
export interface EhcpInitializationOptions {
  /** Which client started the server, e.g. "vscode". */
  client?: string;
  /** Absolute path of the installed extension (the package root: docs/, templates/, schemas/ live there). */
  extensionPath?: string;
  /**
   * False when VS Code runs the folder in Restricted Mode (untrusted workspace). The server should then not
   * evaluate user-supplied regular expressions from workspace config (lexicon `regex: true` entries) and
   * should ignore workspace `ehcp.fundingSchemes` paths outside the workspace. Absent = trusted.
   */
  workspaceTrusted?: boolean;
}

/** Request params and results by method, for typed helpers on either side. */
export interface EhcpRequestMap {
  'ehcp/planStatus': { params: DocumentParams; result: PlanStatusResult };
  'ehcp/costing': { params: CostingParams; result: CostingResult };
  'ehcp/lintWorkspace': { params: LintWorkspaceParams; result: LintWorkspaceResult };
  'ehcp/rules': { params: RulesParams; result: RuleInfo[] };
  'ehcp/exportPdf': { params: ExportParams; result: ExportResult };
  'ehcp/exportHtml': { params: ExportParams; result: ExportResult };
  'ehcp/previewHtml': { params: PreviewParams; result: PreviewResult };
}

/** Settings the client contributes under `ehcp.*` (the server reads them with workspace/configuration, section "ehcp"). */
export interface EhcpSettings {
  enable: boolean;
  /** Rule id → severity override. */
  rules: Record<string, EhcpSeverity | 'off'>;
  /** Extra funding scheme files or folders (absolute, or relative to the workspace folder). */
  fundingSchemes: string[];
  /** ISO date the date rules judge against; empty = today. */
  asOf: string;
}

/** Formats integer pence as pounds, e.g. 213750 → "£2,137.50". Shared so client and server agree. */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.round(pence));
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  const p = String(abs % 100).padStart(2, '0');
  return `${sign}£${pounds}.${p}`;
}
