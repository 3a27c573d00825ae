/**
 * Runs every enabled rule over one parsed plan. Rules share the plan model and never re-parse; a rule
 * that throws becomes one `internal-error` finding and the other rules still report.
 */
import type { Finding, Plan, Severity } from './model.js';
import type { ResolvedConfig } from './config/types.js';
import { DEFAULT_CONFIG } from './config/types.js';
import type { Rule, RuleContext } from './rules/types.js';
import { allRules, INTERNAL_ERROR_ID, ruleById } from './rules/registry.js';
import { isSuppressed } from './parse/suppressions.js';
import { parsePlan } from './parse/index.js';
import type { ChunkCache } from './parse/markdown.js';
import { fileRange } from './rules/util.js';

export interface LintOptions {
  filePath?: string;
  config?: ResolvedConfig;
  /** The date the date rules judge against; defaults to today (UTC). */
  asOf?: Date;
  /** Per-document cache of section trees, so an edit re-parses only the sections it touched (editor). */
  chunkCache?: ChunkCache;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
}

export interface LintResult {
  plan: Plan;
  isPlan: boolean;
  findings: Finding[];
  /** Findings switched off by a suppression comment, kept for audit reports. */
  suppressed: Finding[];
}

export function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  const plan = parsePlan(text, { filePath: options.filePath, config: options.config, chunkCache: options.chunkCache });
  if (plan.planBy === null) return { plan, isPlan: false, findings: [], suppressed: [] };
  return { plan, isPlan: true, ...lintPlan(plan, options) };
}

export function lintPlan(plan: Plan, options: LintOptions = {}): { findings: Finding[]; suppressed: Finding[] } {
  const config = options.config ?? DEFAULT_CONFIG;
  const asOf = options.asOf ?? todayUtc();
  const raw: Finding[] = [];
  for (const finding of plan.parseFindings) {
    const severity = severityFor(finding.ruleId, finding.severity, config, finding.severity);
    if (severity) raw.push({ ...finding, severity });
  }
  for (const rule of options.rules ?? allRules) {
    const configured = config.rules[rule.meta.id];
    if (configured === 'off') continue;
    runRule(rule, plan, config, asOf, configured, raw);
  }
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of raw) {
    const target = finding.ruleId !== 'suppression-reason-missing' && isSuppressed(plan.suppressions, finding.ruleId, finding.range.start.line) ? suppressed : findings;
    target.push(finding);
  }
  return { findings: sortFindings(findings), suppressed: sortFindings(suppressed) };
}

function runRule(rule: Rule, plan: Plan, config: ResolvedConfig, asOf: Date, configured: Severity | undefined, out: Finding[]): void {
  const severity = configured ?? rule.meta.defaultSeverity;
  const context: RuleContext = {
    plan,
    config,
    asOf,
    severity,
    report: (input) => {
      out.push({
        ruleId: rule.meta.id,
        severity: configured ?? input.severity ?? severity,
        message: input.message,
        range: input.range,
        ...(input.fix ? { fix: input.fix } : {}),
        ...(input.data ? { data: input.data } : {}),
      });
    },
  };
  try {
    rule.check(context);
  } catch (error) {
    out.push({
      ruleId: INTERNAL_ERROR_ID,
      severity: 'error',
      message: `The check ${rule.meta.id} failed on this plan and was skipped (${error instanceof Error ? error.message : String(error)}). The other checks still ran; please report this.`,
      range: fileRange(plan),
    });
  }
}

function severityFor(ruleId: string, fallback: Severity, config: ResolvedConfig, given: Severity): Severity | null {
  const configured = config.rules[ruleId];
  if (configured === 'off') return null;
  return configured ?? given ?? ruleById(ruleId)?.meta.defaultSeverity ?? fallback;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId),
  );
}
