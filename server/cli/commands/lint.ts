/** `ehcp lint [paths|dirs|globs...]`: check a caseload of plans and report in the format asked for. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../io.js';
import { allRules, ConfigError, ConfigFinder, loadConfigFile, parseIsoDate, todayUtc } from '../../engine/index.js';
import type { ResolvedConfig } from '../../engine/index.js';
import { discover, writeFileAtomic } from '../../engine/files.js';
import { defaultJobs, lintAll } from '../lint-pool.js';
import type { FileJob } from '../lint-file.js';
import type { Formatter, Summary } from '../formatters/types.js';
import { jsonFormatter } from '../formatters/json.js';
import { stylishFormatter } from '../formatters/stylish.js';
import { sarifFormatter } from '../formatters/sarif.js';
import { junitFormatter } from '../formatters/junit.js';
import { VERSION } from '../version.js';

const FORMATS = ['stylish', 'json', 'sarif', 'junit'] as const;
type Format = (typeof FORMATS)[number];

export const LINT_USAGE = `Usage: ehcp lint [options] [paths, folders or globs...]

Checks EHCP Markdown plans (folders are searched recursively; other Markdown files are skipped).

Options:
  --format <stylish|json|sarif|junit>  report format (default: stylish)
  --output <file>                      write the report to a file instead of the terminal
  --config <file>                      use this config file instead of the nearest .ehcprc.json/.yaml
  --as-of <YYYY-MM-DD>                 the date to judge statutory timescales against (default: today)
  --max-warnings <n>                   exit 1 when there are more than n warnings
  --quiet                              report errors only
  --jobs <n>                           files checked in parallel (default: by file count and cores)

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage error, invalid config, or a file that could not be read.
`;

export class UsageError extends Error {}

interface LintArgs {
  paths: string[];
  format: Format;
  output: string | null;
  config: string | null;
  asOf: Date;
  maxWarnings: number | null;
  quiet: boolean;
  jobs: number | null;
}

function readArgs(args: string[]): LintArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string', short: 'c' },
      'as-of': { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      jobs: { type: 'string', short: 'j' },
    },
  });
  const format = (values.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}".`);
  const asOf = values['as-of'] === undefined ? todayUtc() : parseIsoDate(values['as-of']);
  if (!asOf) throw new UsageError(`--as-of must be a real date written YYYY-MM-DD, not "${values['as-of']}".`);
  const maxWarnings = values['max-warnings'] === undefined ? null : Number(values['max-warnings']);
  if (maxWarnings !== null && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError('--max-warnings must be a whole number of 0 or more.');
  const jobs = values.jobs === undefined ? null : Number(values.jobs);
  if (jobs !== null && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError('--jobs must be a whole number of 1 or more.');
  return {
    paths: positionals.length ? positionals : ['.'],
    format,
    output: values.output ?? null,
    config: values.config ?? null,
    asOf,
    maxWarnings,
    quiet: values.quiet ?? false,
    jobs,
  };
}

function formatterFor(format: Format, io: CliIo, toFile: boolean): Formatter {
  const options = { colour: io.isTty && !toFile, toolVersion: VERSION };
  switch (format) {
    case 'json':
      return jsonFormatter();
    case 'sarif':
      return sarifFormatter(options);
    case 'junit':
      return junitFormatter();
    default:
      return stylishFormatter(options);
  }
}

export const lintCommand: CliCommand = async (args, io) => {
  let options: LintArgs;
  try {
    options = readArgs(args);
  } catch (error) {
    io.stderr(`ehcp lint: ${error instanceof Error ? error.message : String(error)}\n\n${LINT_USAGE}`);
    return 2;
  }
  const ruleIds = allRules.map((r) => r.meta.id);
  const { files, problems } = discover(options.paths, io.cwd);
  let jobs: FileJob[];
  try {
    jobs = planJobs(files, options, ruleIds, io.cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`ehcp lint: invalid config ${path.relative(io.cwd, error.file) || error.file}:${error.line}:${error.column}: ${error.problem}\n`);
      return 2;
    }
    throw error;
  }
  const formatter = formatterFor(options.format, io, options.output !== null);
  const chunks: string[] = [];
  const emit = options.output ? (text: string) => chunks.push(text) : io.stdout;
  const summary: Summary = { files: files.length, plans: 0, skipped: 0, errors: 0, warnings: 0, infos: 0, unreadable: 0, suppressed: 0 };
  for (const problem of problems) {
    io.stderr(`ehcp lint: ${problem.display}: ${problem.message}\n`);
    summary.unreadable++;
  }
  emit(formatter.begin());
  for await (const outcome of lintAll(jobs, options.jobs ?? defaultJobs(jobs.length))) {
    if (outcome.kind === 'skipped') {
      summary.skipped++;
      continue;
    }
    if (outcome.kind === 'unreadable') {
      summary.unreadable++;
      summary.errors++; // listed as an error diagnostic in every format, so counted as one
    }
    else {
      summary.plans++;
      if (options.quiet) outcome.findings = outcome.findings.filter((f) => f.severity === 'error');
      for (const f of outcome.findings) summary[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
      summary.suppressed += outcome.suppressed.length;
    }
    emit(formatter.file(outcome));
  }
  emit(formatter.end(summary));
  if (options.output) {
    try {
      writeFileAtomic(path.resolve(io.cwd, options.output), chunks.join(''));
    } catch (error) {
      io.stderr(`ehcp lint: cannot write the report to ${options.output} (${(error as NodeJS.ErrnoException).code ?? String(error)}).\n`);
      return 2;
    }
  }
  if (summary.unreadable > 0) return 2;
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== null && summary.warnings > options.maxWarnings) return 1;
  return 0;
};

/** Resolves each file's config up front, so an invalid config stops the run before anything is linted. */
function planJobs(files: { absolute: string; display: string }[], options: LintArgs, ruleIds: string[], cwd: string): FileJob[] {
  const asOfIso = options.asOf.toISOString().slice(0, 10);
  const fixed: ResolvedConfig | null = options.config ? loadConfigFile(path.resolve(cwd, options.config), ruleIds) : null;
  const finder = new ConfigFinder(ruleIds);
  return files.map((file, index) => ({ index, absolute: file.absolute, display: file.display, config: fixed ?? finder.configForPlan(file.absolute), asOfIso }));
}
