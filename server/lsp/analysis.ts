/**
 * One analysis per document version: the parsed plan, its findings and (lazily) its costing. Every
 * editor feature reads the same analysis, so the editor and the CLI always give the same answer.
 */
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ChunkCache,
  ConfigError,
  ConfigFinder,
  DEFAULT_CONFIG,
  allRules,
  lintText,
  parseIsoDate,
  todayUtc,
  type Finding,
  type LintResult,
  type ResolvedConfig,
} from '../engine/index.js';
import { planCosting, type PlanCosting } from '../engine/costing/index.js';
import type { EhcpSettings } from './protocol.js';

export const DEFAULT_SETTINGS: EhcpSettings = { enable: true, rules: {}, fundingSchemes: [], asOf: '' };

export interface Analysis {
  uri: string;
  version: number;
  filePath: string | null;
  result: LintResult;
  config: ResolvedConfig;
  /** A problem with the config file, shown as a diagnostic on the plan (linting goes on with defaults). */
  configProblem: Finding | null;
  costing(): PlanCosting;
}

export function filePathOf(uri: string): string | null {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : null;
  } catch {
    return null;
  }
}

export class AnalysisStore {
  private readonly cache = new Map<string, Analysis>();
  /** Section trees of each open document, so an edit re-parses only the sections it touched. */
  private readonly chunks = new Map<string, ChunkCache>();
  private readonly finder = new ConfigFinder(allRules.map((r) => r.meta.id));
  private epoch = 0;

  constructor(
    private readonly settingsFor: (uri: string) => EhcpSettings,
    private readonly workspaceRoots: () => string[],
  ) {}

  /** Forget everything (settings or config files changed). */
  invalidate(): void {
    this.cache.clear();
    this.epoch++;
    // A fresh finder re-reads .ehcprc files on the next analysis.
    Object.assign(this, { finder: new ConfigFinder(allRules.map((r) => r.meta.id)) });
  }

  /** Drops a document's analysis but keeps its section trees (settings changed, text did not). */
  forgetAnalysis(uri: string): void {
    this.cache.delete(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.chunks.delete(uri);
  }

  get(document: TextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const analysis = this.analyse(document.uri, document.version, document.getText());
    this.cache.set(document.uri, analysis);
    return analysis;
  }

  /** Analyses text that is not open in the editor (workspace diagnostics, lint workspace). */
  analyseText(uri: string, text: string): Analysis {
    return this.analyse(uri, -1, text);
  }

  private analyse(uri: string, version: number, text: string): Analysis {
    const filePath = filePathOf(uri);
    const settings = this.settingsFor(uri);
    const { config, problem } = this.configFor(filePath, settings);
    const asOf = (settings.asOf && parseIsoDate(settings.asOf)) || todayUtc();
    let chunkCache = version >= 0 ? this.chunks.get(uri) : undefined;
    if (version >= 0 && !chunkCache) this.chunks.set(uri, (chunkCache = new ChunkCache()));
    const result = lintText(text, { filePath: filePath ?? uri, config, asOf, chunkCache });
    if (problem && result.isPlan) result.findings.unshift(problem);
    let costing: PlanCosting | null = null;
    return {
      uri,
      version,
      filePath,
      result,
      config,
      configProblem: problem,
      costing: () => (costing ??= planCosting(result.plan, config, { planPath: filePath })),
    };
  }

  /** The config that applies to a file (nearest .ehcprc plus the `ehcp.*` settings). */
  configForUri(uri: string): ResolvedConfig {
    return this.configFor(filePathOf(uri), this.settingsFor(uri)).config;
  }

  private configFor(filePath: string | null, settings: EhcpSettings): { config: ResolvedConfig; problem: Finding | null } {
    let base: ResolvedConfig = DEFAULT_CONFIG;
    let problem: Finding | null = null;
    if (filePath) {
      try {
        base = this.finder.configForPlan(filePath);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        const at = { line: 1, column: 1, offset: 0 };
        problem = {
          ruleId: 'config-invalid',
          severity: 'error',
          message: `The config file ${error.file} is invalid (line ${error.line}, column ${error.column}): ${error.problem} This plan is checked with the default settings until it is fixed.`,
          range: { start: at, end: at },
        };
      }
    }
    const known = new Set(allRules.map((r) => r.meta.id));
    const overrides = Object.fromEntries(Object.entries(settings.rules ?? {}).filter(([id]) => known.has(id)));
    const roots = this.workspaceRoots();
    const schemePaths = (settings.fundingSchemes ?? []).map((p) => (p.startsWith('/') || !roots[0] ? p : `${roots[0]}/${p}`));
    return {
      config: { ...base, rules: { ...base.rules, ...overrides }, fundingSchemePaths: [...base.fundingSchemePaths, ...schemePaths] },
      problem,
    };
  }
}
