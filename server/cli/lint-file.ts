/** Linting one file from disk: the unit of work the lint command hands to workers. */
import type { Finding, ResolvedConfig } from '../engine/index.js';
import { isPlanText, lintText } from '../engine/index.js';
import { readPlanFile } from '../engine/files.js';

export interface FileJob {
  index: number;
  absolute: string;
  display: string;
  config: ResolvedConfig;
  asOfIso: string;
}

export type FileOutcome =
  | { index: number; display: string; kind: 'plan'; findings: Finding[]; suppressed: Finding[] }
  | { index: number; display: string; kind: 'skipped' }
  | { index: number; display: string; kind: 'unreadable'; message: string };

export function lintFileJob(job: FileJob): FileOutcome {
  const read = readPlanFile(job.absolute);
  if (!read.ok) return { index: job.index, display: job.display, kind: 'unreadable', message: read.message };
  if (!isPlanText(read.text, job.absolute)) return { index: job.index, display: job.display, kind: 'skipped' };
  const asOf = new Date(`${job.asOfIso}T00:00:00Z`);
  const result = lintText(read.text, { filePath: job.absolute, config: job.config, asOf });
  if (!result.isPlan) return { index: job.index, display: job.display, kind: 'skipped' };
  // Drop fixes: reports never carry replacement text, and it keeps worker messages small.
  const strip = (f: Finding): Finding => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range });
  return { index: job.index, display: job.display, kind: 'plan', findings: result.findings.map(strip), suppressed: result.suppressed.map(strip) };
}
