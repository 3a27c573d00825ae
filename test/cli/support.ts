/**
 * Shared helpers for the CLI scenario tests: running `ehcp` in-process (with a fake terminal) or as the
 * built bundle in a child process, making fixture folders in a temp dir, and the plan variants the
 * scenarios lint. Nothing here writes into the repository.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../server/cli/io.js';
import { runCli } from '../../server/cli/main.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES = path.join(REPO, 'templates/examples');
export const BUILT_CLI = path.join(REPO, 'dist/ehcp.cjs');
/** A fixed date, so the timescale rules judge every run the same way. */
export const AS_OF = '2026-11-22';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs `ehcp ARGS` in this process, with a fake terminal rooted at `cwd`. */
export async function ehcp(args: string[], cwd: string, options: { isTty?: boolean } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTty: options.isTty ?? false, cwd };
  const code = await runCli(args, io);
  return { code, out, err };
}

/** Runs the built bundle (`node dist/ehcp.cjs ARGS`) in a child process; a hang becomes code -1 after `timeoutMs`. */
export function ehcpBuilt(args: string[], cwd: string, options: { timeoutMs?: number; uid?: number; gid?: number } = {}): Run & { timedOut: boolean } {
  const spawnOptions: SpawnSyncOptions = { cwd, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;
  // Another user may not be able to reach the checkout (a clone under a private temp folder): run a copy.
  const cli = options.uid !== undefined ? publicCopyOfCli() : BUILT_CLI;
  const result = spawnSync(process.execPath, [cli, ...args], spawnOptions);
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || (result.status === null && result.signal === 'SIGKILL');
  return { code: result.status ?? -1, out: String(result.stdout ?? ''), err: String(result.stderr ?? ''), timedOut };
}

/** The built CLI and its worker copied to a folder every user can read (the bundle needs nothing else). */
function publicCopyOfCli(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ehcp-cli-bin-'));
  made.push(dir);
  fs.chmodSync(dir, 0o755);
  for (const name of ['ehcp.cjs', 'lint-worker.cjs']) {
    const target = path.join(dir, name);
    fs.copyFileSync(path.join(path.dirname(BUILT_CLI), name), target);
    fs.chmodSync(target, 0o755);
  }
  return path.join(dir, 'ehcp.cjs');
}

/** The same as ehcpBuilt, asynchronous (so mocha's own timers keep running while the child works). */
export function ehcpBuiltAsync(args: string[], cwd: string, timeoutMs = 120_000): Promise<Run & { timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err, timedOut });
    });
  });
}

/** True when dist/ehcp.cjs exists and is newer than every source file it bundles. */
export function builtCliIsFresh(): boolean {
  if (!fs.existsSync(BUILT_CLI) || !fs.existsSync(path.join(REPO, 'dist/lint-worker.cjs'))) return false;
  const built = Math.min(fs.statSync(BUILT_CLI).mtimeMs, fs.statSync(path.join(REPO, 'dist/lint-worker.cjs')).mtimeMs);
  const newest = (dir: string): number => {
    let max = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) max = Math.max(max, newest(full));
      else if (/\.(ts|json)$/.test(entry.name)) max = Math.max(max, fs.statSync(full).mtimeMs);
    }
    return max;
  };
  return newest(path.join(REPO, 'server')) <= built && newest(path.join(REPO, 'schemas')) <= built;
}

/**
 * Makes sure the built CLI matches the source, the same way `npm test` does in its `pretest` step
 * (`node server/build.mjs`): only when the bundle is missing or older than the source.
 */
export function ensureBuiltCli(): void {
  if (builtCliIsFresh()) return;
  const result = spawnSync(process.execPath, [path.join(REPO, 'server/build.mjs')], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`building the CLI failed:\n${result.stdout}\n${result.stderr}`);
}

const made: string[] = [];

/** A fresh temp folder for one scenario; removed by `removeTempDirs` (called from a root `after` hook). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ehcp-cli-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    // Restore permissions a scenario took away, so the folder can be removed.
    spawnSync('chmod', ['-R', 'u+rwx', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes files (text or bytes) under `root`, making folders as needed. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
}

export function example(name: string): string {
  return fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
}

/**
 * The clean primary example with the family name changed to one that appears nowhere else, so a test can
 * tell whether any report leaks plan text: the surname is in the front matter, the title and Section A.
 */
export const SECRET_SURNAME = 'Quillfeather';
export function cleanPlan(): string {
  const text = example('primary-mainstream.ehcp.md').replaceAll('Hartwell', SECRET_SURNAME);
  if (!text.includes(`name: Leo ${SECRET_SURNAME}`)) throw new Error('primary-mainstream.ehcp.md changed: the child is no longer Leo Hartwell');
  return text;
}

/** One error: Section J (heading and body) removed; section-missing, a file-level finding at 1:1. */
export function planWithError(): string {
  const text = cleanPlan();
  const j = text.indexOf('## Section J');
  const k = text.indexOf('## Section K');
  if (j < 0 || k < j) throw new Error('primary-mainstream.ehcp.md changed: Sections J and K not found');
  return text.slice(0, j) + text.slice(k);
}

/** One warning: the declared funding level (L8) changed to L2; funding-level-mismatch on the value. */
export function planWithWarning(): string {
  const text = cleanPlan();
  if (!text.includes('  level: L8\n')) throw new Error('primary-mainstream.ehcp.md changed: funding level L8 not found');
  return text.replace('  level: L8\n', '  level: L2\n');
}

/** The 1-based line of the first line of `text` that starts with `prefix`. */
export function lineOf(text: string, prefix: string): number {
  const index = text.split(/\r?\n/).findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${JSON.stringify(prefix)}`);
  return index + 1;
}

// ---- the JSON report ----

export interface JsonDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
export interface JsonReport {
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
  summary: { files: number; plans: number; skipped: number; errors: number; warnings: number; infos: number };
}

/** Parses a JSON report, checking it has exactly the documented keys and types (no more, no fewer). */
export function parseJsonReport(text: string): JsonReport {
  const report = JSON.parse(text) as JsonReport;
  const keys = (o: object): string => Object.keys(o).join(',');
  if (keys(report) !== 'files,summary') throw new Error(`report keys: ${keys(report)}`);
  if (keys(report.summary) !== 'files,plans,skipped,errors,warnings,infos') throw new Error(`summary keys: ${keys(report.summary)}`);
  for (const value of Object.values(report.summary)) if (!Number.isInteger(value) || value < 0) throw new Error(`summary value ${value}`);
  for (const file of report.files) {
    if (keys(file) !== 'path,diagnostics') throw new Error(`file keys: ${keys(file)}`);
    if (typeof file.path !== 'string' || !Array.isArray(file.diagnostics)) throw new Error('file types');
    for (const d of file.diagnostics) {
      if (keys(d) !== 'rule,severity,message,line,column,endLine,endColumn') throw new Error(`diagnostic keys: ${keys(d)}`);
      if (typeof d.rule !== 'string' || typeof d.message !== 'string' || !['error', 'warning', 'info'].includes(d.severity)) throw new Error(`diagnostic types: ${JSON.stringify(d)}`);
      for (const n of [d.line, d.column, d.endLine, d.endColumn]) if (!Number.isInteger(n) || n < 1) throw new Error(`positions must be 1-based integers: ${JSON.stringify(d)}`);
      if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) throw new Error(`range ends before it starts: ${JSON.stringify(d)}`);
    }
  }
  return report;
}

/** `rule@line:column` for each diagnostic of one file, for compact exact comparisons. */
export function where(report: JsonReport, file: string): string[] {
  const entry = report.files.find((f) => f.path === file);
  if (!entry) throw new Error(`${file} is not in the report (files: ${report.files.map((f) => f.path).join(', ')})`);
  return entry.diagnostics.map((d) => `${d.rule}@${d.line}:${d.column}`);
}

// ---- the SARIF schema ----

/**
 * The SARIF 2.1.0 JSON Schema as shipped by Microsoft's SARIF Multitool (the reference SDK of the OASIS
 * SARIF TC): `@microsoft/sarif-multitool` is a devDependency and pulls in the package for this platform,
 * which ships `sarif-2.1.0.json` ("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema").
 */
export function sarifSchemaPath(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'win32' : process.platform === 'darwin' ? 'darwin' : 'linux';
  return require.resolve(`@microsoft/sarif-multitool-${platform}/sarif-2.1.0.json`);
}
