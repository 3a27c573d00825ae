/**
 * `ehcp lint` scenarios, run in-process with a fake terminal: exit codes, usage errors, config errors,
 * unreadable files, and each report format (json, sarif, junit, stylish), `--output` and `--quiet`.
 * Every fixture is written to a temp folder at run time.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { allRules } from '../../server/engine/index.js';
import {
  AS_OF,
  BUILT_CLI,
  SECRET_SURNAME,
  cleanPlan,
  ehcp,
  example,
  ehcpBuilt,
  ensureBuiltCli,
  lineOf,
  parseJsonReport,
  planWithError,
  planWithWarning,
  removeTempDirs,
  sarifSchemaPath,
  tempDir,
  where,
  writeFiles,
  type JsonReport,
} from './support.js';

// ajv and ajv-formats are CommonJS; under ESM interop the export may sit on `.default`.
type AjvClass = typeof Ajv2020Module;
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvClass }).default ?? Ajv2020Module) as AjvClass;
type AddFormats = typeof addFormatsModule.default;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as AddFormats;

/** The parts of a SARIF log these tests read (the whole log is checked against the schema). */
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } };
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: SarifLocation[]; suppressions?: { kind: string }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: SarifLocation[] }[] }[];
  }[];
}

/** A JUnit report as fast-xml-parser reads it (attributes prefixed with @). */
interface JUnitCase {
  '@name': string;
  failure?: { '@message': string; '@type': string }[];
  error?: { '@message': string; '@type': string }[];
}
interface JUnitDoc {
  testsuites: { '@tests': string; '@failures': string; '@errors'?: string; testsuite: { '@name': string; '@tests': string; '@failures': string; '@errors'?: string; testcase: JUnitCase[] }[] };
}

const LATIN1 = Buffer.from('---\nehcp: 1\nstatus: draft\n---\n\n# Plan for Zoë\n', 'latin1');
const MISSING_J = 'Section J (Personal budget) is missing. Every plan must have it, separately labelled, even if only to say there is none.';

/** The caseload most scenarios lint: one clean plan, one with an error, one with a warning, one non-plan note. */
function caseload(): string {
  const dir = tempDir('lint');
  writeFiles(dir, {
    'clean/plan.ehcp.md': cleanPlan(),
    'error/plan.ehcp.md': planWithError(),
    'warning/plan.ehcp.md': planWithWarning(),
    'mixed/a-error.ehcp.md': planWithError(),
    'mixed/b-warning.ehcp.md': planWithWarning(),
    'mixed/c-clean.ehcp.md': cleanPlan(),
    'mixed/notes.md': '# Meeting notes\n\nNot a plan: no `ehcp:` front matter and not named *.ehcp.md.\n',
    'unreadable/a-clean.ehcp.md': cleanPlan(),
    'unreadable/b-latin1.ehcp.md': LATIN1,
    'unreadable/c-error.ehcp.md': planWithError(),
  });
  return dir;
}

const WARNING_LINE = lineOf(planWithWarning(), '  level: L2');

after(removeTempDirs);

describe('ehcp lint: exit codes', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = caseload()));

  it('exits 0 and says so for a clean plan (the primary example)', async () => {
    const r = await ehcp(['lint', 'clean/plan.ehcp.md', '--as-of', AS_OF], dir);
    assert.equal(r.err, '');
    assert.equal(r.code, 0, r.out);
    assert.equal(r.out, '\nNo problems found (1 plan checked).\n');
  });

  it('exits 1 when a plan has an error', async () => {
    const r = await ehcp(['lint', 'error/plan.ehcp.md', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    const report = parseJsonReport(r.out);
    assert.deepEqual(report.files, [
      { path: 'error/plan.ehcp.md', diagnostics: [{ rule: 'section-missing', severity: 'error', message: MISSING_J, line: 1, column: 1, endLine: 1, endColumn: 4 }] },
    ]);
  });

  it('exits 0 for warnings when there is no --max-warnings', async () => {
    const r = await ehcp(['lint', 'warning/plan.ehcp.md', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(r.code, 0);
    assert.deepEqual(where(parseJsonReport(r.out), 'warning/plan.ehcp.md'), [`funding-level-mismatch@${WARNING_LINE}:10`]);
  });

  it('exits 1 when warnings exceed --max-warnings', async () => {
    const r = await ehcp(['lint', 'warning/plan.ehcp.md', '--as-of', AS_OF, '--max-warnings', '0'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /1 problem \(0 errors, 1 warning, 0 info\) in 1 plan checked\./);
  });

  it('exits 0 when the warnings are within --max-warnings', async () => {
    assert.equal((await ehcp(['lint', 'warning/plan.ehcp.md', '--as-of', AS_OF, '--max-warnings', '1'], dir)).code, 0);
    assert.equal((await ehcp(['lint', 'warning/plan.ehcp.md', '--as-of', AS_OF, '--max-warnings=5'], dir)).code, 0);
  });

  it('exits 1 for an error even when --max-warnings is high', async () => {
    assert.equal((await ehcp(['lint', 'error/plan.ehcp.md', '--as-of', AS_OF, '--max-warnings', '100'], dir)).code, 1);
  });

  it('exits 1 for a caseload with an error, a warning and a clean plan', async () => {
    assert.equal((await ehcp(['lint', 'mixed', '--as-of', AS_OF], dir)).code, 1);
  });
});

describe('ehcp lint: usage errors exit 2 with a clear message and no report', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = caseload()));

  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['--colour'], /ehcp lint: .*'--colour'/],
    ['a bad --format', ['--format', 'xml'], /ehcp lint: --format must be one of stylish, json, sarif, junit, not "xml"\./],
    ['--format with no value', ['--format'], /ehcp lint: .*--format/],
    ['an --as-of date that does not exist (30 February)', ['--as-of', '2026-02-30'], /ehcp lint: --as-of must be a real date written YYYY-MM-DD, not "2026-02-30"\./],
    ['an --as-of date in another format', ['--as-of', '22/11/2026'], /ehcp lint: --as-of must be a real date written YYYY-MM-DD, not "22\/11\/2026"\./],
    ['a negative --max-warnings', ['--max-warnings=-1'], /ehcp lint: --max-warnings must be a whole number of 0 or more\./],
    ['a non-numeric --max-warnings', ['--max-warnings', 'ten'], /ehcp lint: --max-warnings must be a whole number of 0 or more\./],
    ['--jobs 0', ['--jobs', '0'], /ehcp lint: --jobs must be a whole number of 1 or more\./],
  ];
  for (const [what, args, message] of cases) {
    it(`rejects ${what}`, async () => {
      const r = await ehcp(['lint', 'clean/plan.ehcp.md', ...args], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
      assert.match(r.err, /Usage: ehcp lint/);
      assert.equal(r.out, '', 'no report is printed');
    });
  }

  it('prints the lint usage for --help and exits 0', async () => {
    const r = await ehcp(['lint', '--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: ehcp lint/);
    for (const option of ['--format', '--output', '--config', '--as-of', '--max-warnings', '--quiet']) assert.ok(r.out.includes(option), option);
  });

  it('exits 2 for a path that does not exist, naming it, and still lints the rest', async () => {
    const r = await ehcp(['lint', 'no-such-plan.ehcp.md', 'clean/plan.ehcp.md', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'ehcp lint: no-such-plan.ehcp.md: This file or folder does not exist.\n');
    const report = parseJsonReport(r.out);
    assert.deepEqual(report.files, [{ path: 'clean/plan.ehcp.md', diagnostics: [] }]);
    assert.equal(report.summary.plans, 1);
  });

  it('exits 2 for a glob that matches nothing, naming it', async () => {
    const r = await ehcp(['lint', 'nowhere/**/*.md', 'clean/plan.ehcp.md', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'ehcp lint: nowhere/**/*.md: No files match this pattern.\n');
    assert.deepEqual(parseJsonReport(r.out).files, [{ path: 'clean/plan.ehcp.md', diagnostics: [] }]);
  });
});

describe('ehcp lint: config', function () {
  this.timeout(60_000);

  /** A folder holding a plan and one config file; lints the plan and returns the run. */
  async function withConfig(name: string, text: string, extraArgs: string[] = [], plan = cleanPlan()) {
    const dir = tempDir('config');
    writeFiles(dir, { [name]: text, 'plan.ehcp.md': plan });
    return ehcp(['lint', 'plan.ehcp.md', '--as-of', AS_OF, '--format', 'json', ...extraArgs], dir);
  }

  function assertInvalid(r: { code: number; out: string; err: string }, expected: RegExp): void {
    assert.equal(r.code, 2, r.err);
    assert.equal(r.out, '', 'nothing is linted with an invalid config');
    assert.match(r.err, expected);
  }

  it('stops with exit 2 on an unknown key, at the key', async () => {
    const r = await withConfig('.ehcprc.json', '{\n  "rules": {},\n  "colour": true\n}\n');
    assertInvalid(r, /^ehcp lint: invalid config \.ehcprc\.json:3:3: `colour` is not a recognised key\. Recognised keys: \$schema, rules, areasOfNeed, fundingSchemes, lexicon\.\n$/);
  });

  it('stops on an unknown rule id, at the id, with a "Did you mean" suggestion', async () => {
    const r = await withConfig('.ehcprc.json', '{\n  "rules": {\n    "section-mising": "error"\n  }\n}\n');
    assertInvalid(r, /^ehcp lint: invalid config \.ehcprc\.json:3:5: `section-mising` is not a rule\. Did you mean `section-missing`\?\n$/);
  });

  it('stops on an unknown rule id with no near match, pointing to `ehcp rules`', async () => {
    const r = await withConfig('.ehcprc.yaml', 'rules:\n  completely-unrelated-thing: warning\n');
    assertInvalid(r, /^ehcp lint: invalid config \.ehcprc\.yaml:2:3: `completely-unrelated-thing` is not a rule\. Run `ehcp rules` to list the rules\.\n$/);
  });

  it('stops on a bad severity, at the value, listing the allowed ones', async () => {
    const r = await withConfig('.ehcprc.json', '{\n  "rules": {\n    "section-missing": "fatal"\n  }\n}\n');
    assertInvalid(r, /^ehcp lint: invalid config \.ehcprc\.json:3:24: `rules\.section-missing` must be one of error, warning, info, off, not `fatal`\.\n$/);
  });

  it('stops on broken JSON, at the place it breaks', async () => {
    // The closing brace of the outer object is missing: the parser notices at the end of the text.
    const r = await withConfig('.ehcprc.json', '{\n  "rules": {\n    "section-missing": "error"\n  }\n');
    assertInvalid(r, /^ehcp lint: invalid config \.ehcprc\.json:5:1: The config file is not valid JSON: .+\n$/);
  });

  it('stops on broken YAML in .ehcprc.yaml, at its line and column', async () => {
    const r = await withConfig('.ehcprc.yaml', 'rules:\n  section-missing: error\n  outcome-count: [off\nareasOfNeed:\n  - Independence\n');
    assertInvalid(r, /^ehcp lint: invalid config \.ehcprc\.yaml:\d+:\d+: The config file is not valid YAML: .+\n$/);
    const [, line] = /\.ehcprc\.yaml:(\d+):/.exec(r.err)!;
    assert.ok(Number(line) >= 3 && Number(line) <= 4, `the error is placed at the unclosed bracket (line 3) or just after it, not at line ${line}`);
  });

  it('stops on a wrongly indented YAML key, at its line', async () => {
    const r = await withConfig('.ehcprc.yaml', 'rules:\n  section-missing: error\n   outcome-count: off\n');
    assertInvalid(r, /^ehcp lint: invalid config \.ehcprc\.yaml:[23]:\d+: The config file is not valid YAML: .+\n$/);
  });

  it('stops on a config given with --config that does not exist', async () => {
    const r = await withConfig('.ehcprc.json', '{}\n', ['--config', 'missing.json']);
    assertInvalid(r, /^ehcp lint: invalid config missing\.json:1:1: The config file cannot be read \(ENOENT\)\.\n$/);
  });

  it('names a config found above the working folder by its relative path', async () => {
    const dir = tempDir('config-up');
    writeFiles(dir, { '.ehcprc.json': '{ "rules": { "no-such": "off" } }\n', 'team/plan.ehcp.md': cleanPlan() });
    const r = await ehcp(['lint', 'plan.ehcp.md', '--as-of', AS_OF], path.join(dir, 'team'));
    assertInvalid(r, /^ehcp lint: invalid config \.\.\/\.ehcprc\.json:1:14: `no-such` is not a rule\. /);
  });

  it('applies a valid config: severities and `off` (nearest config wins)', async () => {
    const dir = tempDir('config-ok');
    writeFiles(dir, {
      '.ehcprc.json': '{ "rules": { "section-missing": "off" } }\n',
      'a/plan.ehcp.md': planWithError(),
      'b/.ehcprc.yaml': 'rules:\n  section-missing: warning\n',
      'b/plan.ehcp.md': planWithError(),
    });
    const r = await ehcp(['lint', 'a', 'b', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(r.code, 0, r.err);
    const report = parseJsonReport(r.out);
    assert.deepEqual(where(report, 'a/plan.ehcp.md'), []);
    assert.deepEqual(report.files[1]!.diagnostics.map((d) => `${d.rule}:${d.severity}`), ['section-missing:warning']);
    assert.deepEqual(report.summary, { files: 2, plans: 2, skipped: 0, errors: 0, warnings: 1, infos: 0 });
  });

  it('uses --config instead of the nearest config file', async () => {
    const dir = tempDir('config-flag');
    writeFiles(dir, {
      '.ehcprc.json': '{ "rules": { "section-missing": "off" } }\n',
      'shared/strict.yaml': 'rules:\n  funding-level-mismatch: error\n',
      'plan.ehcp.md': planWithWarning(),
    });
    const r = await ehcp(['lint', 'plan.ehcp.md', '--as-of', AS_OF, '--format', 'json', '--config', 'shared/strict.yaml'], dir);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(parseJsonReport(r.out).files[0]!.diagnostics.map((d) => `${d.rule}:${d.severity}`), ['funding-level-mismatch:error']);
  });
});

describe('ehcp lint: files that cannot be read', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = caseload()));

  it('reports a non-UTF-8 file, exits 2 and still lints the files before and after it', async () => {
    const r = await ehcp(['lint', 'unreadable', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.equal(r.code, 2);
    const report = parseJsonReport(r.out);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]),
      [
        ['unreadable/a-clean.ehcp.md', []],
        ['unreadable/b-latin1.ehcp.md', ['file-unreadable']],
        ['unreadable/c-error.ehcp.md', ['section-missing']],
      ],
    );
    const unreadable = report.files[1]!.diagnostics[0]!;
    assert.deepEqual(unreadable, {
      rule: 'file-unreadable',
      severity: 'error',
      message: 'This file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1). Save it as UTF-8 and check it again.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    assert.equal(report.summary.plans, 2);
    assert.equal(report.summary.files, 3);
  });

  it('counts an unreadable file\'s error in the summary like the error it lists', async () => {
    // The report lists the unreadable file with a diagnostic of severity "error"; the summary's counts
    // must agree with the diagnostics listed, or a tool reading only the summary misses the failure.
    const r = await ehcp(['lint', 'unreadable', '--as-of', AS_OF, '--format', 'json'], dir);
    const report = parseJsonReport(r.out);
    const listed = report.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error').length;
    assert.equal(report.summary.errors, listed, `summary.errors ${report.summary.errors}, error diagnostics listed ${listed}`);
  });

  it('reports a file and a folder it has no permission to read, exits 2 and lints the rest', function () {
    // Tests usually run as root, where chmod 000 does not stop reads. So as root the built CLI is run as
    // the unprivileged user `nobody` (uid/gid 65534), for whom the permissions really apply; otherwise the
    // permissions apply to this user already. Either way this is a real EACCES, not a simulation.
    const root = tempDir('perm');
    fs.chmodSync(root, 0o755);
    writeFiles(root, { 'a-ok.ehcp.md': cleanPlan(), 'b-locked.ehcp.md': cleanPlan(), 'c-locked-folder/plan.ehcp.md': cleanPlan(), 'd-ok/plan.ehcp.md': planWithError() });
    fs.chmodSync(path.join(root, 'b-locked.ehcp.md'), 0o000);
    fs.chmodSync(path.join(root, 'c-locked-folder'), 0o000);
    ensureBuiltCli();
    const asRoot = process.getuid?.() === 0;
    const r = ehcpBuilt(['lint', '.', '--as-of', AS_OF, '--format', 'json'], root, asRoot ? { uid: 65534, gid: 65534 } : {});
    assert.equal(r.code, 2, r.err);
    assert.equal(r.err, 'ehcp lint: c-locked-folder: Permission denied: this file or folder cannot be read.\n');
    const report = parseJsonReport(r.out);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.rule}: ${d.message}`)]),
      [
        ['a-ok.ehcp.md', []],
        ['b-locked.ehcp.md', ['file-unreadable: Permission denied: this file or folder cannot be read.']],
        ['d-ok/plan.ehcp.md', [`section-missing: ${MISSING_J}`]],
      ],
    );
  });
});

describe('ehcp lint --format json', function () {
  this.timeout(120_000);
  let dir: string;
  let report: JsonReport;
  let run: { code: number; out: string; err: string };
  before(async () => {
    dir = caseload();
    run = await ehcp(['lint', 'mixed', '--as-of', AS_OF, '--format', 'json'], dir);
    report = parseJsonReport(run.out);
  });

  it('prints exactly the documented shape on one line', () => {
    assert.equal(run.err, '');
    assert.ok(run.out.endsWith('}\n') && run.out.trim().split('\n').length === 1, 'one JSON document, one line, a newline at the end');
  });

  it('lists each plan by the relative path it was found under, in order, with exact 1-based positions', () => {
    assert.deepEqual(report.files, [
      { path: 'mixed/a-error.ehcp.md', diagnostics: [{ rule: 'section-missing', severity: 'error', message: MISSING_J, line: 1, column: 1, endLine: 1, endColumn: 4 }] },
      {
        path: 'mixed/b-warning.ehcp.md',
        diagnostics: [
          {
            rule: 'funding-level-mismatch',
            severity: 'warning',
            message: report.files[1]!.diagnostics[0]!.message,
            line: WARNING_LINE,
            column: 10,
            endLine: WARNING_LINE,
            endColumn: 12,
          },
        ],
      },
      { path: 'mixed/c-clean.ehcp.md', diagnostics: [] },
    ]);
    assert.match(report.files[1]!.diagnostics[0]!.message, /^The plan declares funding level L2, but the costed provision maps to L8 /);
  });

  it('counts files, plans, skipped non-plan Markdown and findings by severity', () => {
    assert.deepEqual(report.summary, { files: 4, plans: 3, skipped: 1, errors: 1, warnings: 1, infos: 0 });
  });

  it('shows paths as given: a file with ./, a folder with a trailing slash', async () => {
    const r = await ehcp(['lint', './mixed/a-error.ehcp.md', 'error/', '--as-of', AS_OF, '--format', 'json'], dir);
    assert.deepEqual(parseJsonReport(r.out).files.map((f) => f.path), ['./mixed/a-error.ehcp.md', 'error/plan.ehcp.md']);
  });

  it('shows a plan outside the working folder by the relative path it was given', async () => {
    const r = await ehcp(['lint', '../error/plan.ehcp.md', '--as-of', AS_OF, '--format', 'json'], path.join(dir, 'clean'));
    assert.equal(r.code, 1);
    assert.deepEqual(parseJsonReport(r.out).files.map((f) => f.path), ['../error/plan.ehcp.md']);
  });

  it('reports an empty caseload (only non-plan Markdown) with zero plans', async () => {
    const only = tempDir('json-empty');
    writeFiles(only, { 'README.md': '# Read me\n', 'docs/guide.md': '---\ntitle: Guide\n---\n\n# Guide\n' });
    const r = await ehcp(['lint', '.', '--format', 'json'], only);
    assert.equal(r.code, 0);
    assert.deepEqual(parseJsonReport(r.out), { files: [], summary: { files: 2, plans: 0, skipped: 2, errors: 0, warnings: 0, infos: 0 } });
  });
});

describe('ehcp lint: no report prints plan text beyond the finding messages', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = caseload()));

  // The plans' surname appears in the front matter, the title and Section A; none of the findings these
  // plans get (a missing Section J, a funding level mismatch) quote it, so it must appear in no report.
  for (const format of ['stylish', 'json', 'sarif', 'junit']) {
    it(`--format ${format}`, async () => {
      const r = await ehcp(['lint', 'mixed', 'unreadable', '--as-of', AS_OF, '--format', format], dir);
      assert.equal(r.code, 2);
      assert.ok(r.out.length > 100, 'a report was printed');
      assert.ok(!r.out.includes(SECRET_SURNAME) && !r.err.includes(SECRET_SURNAME), `the surname ${SECRET_SURNAME} leaked into the ${format} report`);
      assert.ok(!/\bLeo\b/.test(r.out), `the child's first name leaked into the ${format} report`);
      assert.ok(!r.out.includes('Fernbrook'), `the school's name leaked into the ${format} report`);
    });
  }
});

describe('ehcp lint --format sarif', function () {
  this.timeout(120_000);
  let dir: string;
  let log: SarifLog;
  let json: JsonReport;
  let code: number;
  before(async () => {
    dir = caseload();
    const r = await ehcp(['lint', 'mixed', 'unreadable', '--as-of', AS_OF, '--format', 'sarif'], dir);
    code = r.code;
    log = JSON.parse(r.out) as SarifLog;
    json = parseJsonReport((await ehcp(['lint', 'mixed', 'unreadable', '--as-of', AS_OF, '--format', 'json'], dir)).out);
  });

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const schema = JSON.parse(fs.readFileSync(sarifSchemaPath(), 'utf8')) as { title: string };
    assert.equal(schema.title, 'Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    // The validator is not vacuous: a wrong level is caught.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
  });

  it('exits with the same code as the other formats', () => {
    assert.equal(code, 2);
  });

  it('is one run of the ehcp tool describing every rule', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'ehcp');
    assert.deepEqual(
      driver.rules.map((r: { id: string }) => r.id),
      allRules.map((r) => r.meta.id),
    );
    for (const rule of driver.rules) assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
  });

  it('has one result per finding, at the same 1-based positions as the JSON report', () => {
    const run = log.runs[0];
    const fromSarif = run.results.map((r) => {
      const loc = r.locations[0]!.physicalLocation;
      assert.equal(run.tool.driver.rules[r.ruleIndex]!.id, r.ruleId, 'ruleIndex points at the rule');
      return [loc.artifactLocation.uri, r.ruleId, ({ error: 'error', warning: 'warning', note: 'info' } as Record<string, string>)[r.level], r.message.text, loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn];
    });
    const fromJson = json.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.rule !== 'file-unreadable').map((d) => [f.path, d.rule, d.severity, d.message, d.line, d.column, d.endLine, d.endColumn]),
    );
    assert.deepEqual(fromSarif, fromJson);
  });

  it('reports an unreadable file as a tool execution notification and marks the run unsuccessful', () => {
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications.map((n) => [n.level, n.locations[0]!.physicalLocation.artifactLocation.uri, n.message.text]),
      [['error', 'unreadable/b-latin1.ehcp.md', 'This file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1). Save it as UTF-8 and check it again.']],
    );
  });

  it('is a successful run with no results for a clean plan', async () => {
    const r = await ehcp(['lint', 'clean/plan.ehcp.md', '--as-of', AS_OF, '--format', 'sarif'], dir);
    assert.equal(r.code, 0);
    const clean = JSON.parse(r.out);
    assert.deepEqual(clean.runs[0].results, []);
    assert.equal(clean.runs[0].invocations[0].executionSuccessful, true);
  });
});

describe('ehcp lint --format junit', function () {
  this.timeout(120_000);
  let dir: string;
  let xml: string;
  let json: JsonReport;
  before(async () => {
    dir = caseload();
    xml = (await ehcp(['lint', 'mixed', 'unreadable', '--as-of', AS_OF, '--format', 'junit'], dir)).out;
    json = parseJsonReport((await ehcp(['lint', 'mixed', 'unreadable', '--as-of', AS_OF, '--format', 'json'], dir)).out);
  });

  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name) });

  it('is well-formed XML with testsuites > testsuite > testcase', () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites'));
    const doc = parser.parse(xml) as JUnitDoc;
    assert.ok(doc.testsuites, 'root element testsuites');
    assert.deepEqual(
      doc.testsuites.testsuite.map((s) => s['@name']),
      json.files.map((f) => f.path),
    );
  });

  it('has one failure per finding and one error per unreadable file, with consistent counts', () => {
    const doc = parser.parse(xml) as JUnitDoc;
    let tests = 0;
    let failures = 0;
    let errors = 0;
    for (const suite of doc.testsuites.testsuite) {
      const cases = suite.testcase;
      const suiteFailures = cases.reduce((n, c) => n + (c.failure?.length ?? 0), 0);
      const suiteErrors = cases.reduce((n, c) => n + (c.error?.length ?? 0), 0);
      assert.equal(Number(suite['@tests']), cases.length, `${suite['@name']} tests`);
      assert.equal(Number(suite['@failures']), suiteFailures, `${suite['@name']} failures`);
      assert.equal(Number(suite['@errors'] ?? 0), suiteErrors, `${suite['@name']} errors`);
      const expected = json.files.find((f) => f.path === suite['@name'])!;
      const findings = expected.diagnostics.filter((d) => d.rule !== 'file-unreadable');
      assert.equal(suiteFailures, findings.length, `${suite['@name']}: one failure per finding`);
      cases.forEach((c) => {
        for (const failure of c.failure ?? []) assert.ok(findings.some((d) => d.message === failure['@message'] && d.severity === failure['@type']), `failure ${failure['@message']}`);
      });
      tests += cases.length;
      failures += suiteFailures;
      errors += suiteErrors;
    }
    assert.equal(errors, 1, 'the Latin-1 file is one error');
    assert.equal(Number(doc.testsuites['@tests']), tests, 'testsuites tests');
    assert.equal(Number(doc.testsuites['@failures']), failures, 'testsuites failures (findings; errors are counted separately)');
    assert.equal(Number(doc.testsuites['@errors'] ?? 0), errors, 'testsuites errors');
  });

  it('passes a clean plan as one test case', async () => {
    const r = await ehcp(['lint', 'clean/plan.ehcp.md', '--as-of', AS_OF, '--format', 'junit'], dir);
    assert.equal(r.code, 0);
    const doc = parser.parse(r.out) as JUnitDoc;
    assert.equal(doc.testsuites['@tests'], '1');
    assert.equal(doc.testsuites['@failures'], '0');
    assert.equal(doc.testsuites.testsuite[0].testcase[0]['@name'], 'no findings');
  });
});

describe('ehcp lint --format stylish, --output, --quiet', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = caseload()));

  it('is the default: findings grouped under each file, position, severity, message and rule, then a total', async () => {
    const r = await ehcp(['lint', 'mixed', '--as-of', AS_OF], dir);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.deepEqual(lines.slice(0, 3), ['', 'mixed/a-error.ehcp.md', `  1:1  error   ${MISSING_J}  section-missing`]);
    assert.equal(lines[4], 'mixed/b-warning.ehcp.md');
    assert.match(lines[5]!, new RegExp(`^  ${WARNING_LINE}:10  warning The plan declares funding level L2, .*  funding-level-mismatch$`));
    assert.ok(!r.out.includes('c-clean'), 'a clean plan is not listed');
    assert.equal(lines.at(-2), '2 problems (1 error, 1 warning, 0 info) in 3 plans checked, 1 non-plan Markdown file skipped.');
    assert.ok(!r.out.includes('\u001b['), 'no colour when not writing to a terminal');
  });

  it('colours the report on a terminal', async () => {
    const r = await ehcp(['lint', 'mixed', '--as-of', AS_OF], dir, { isTty: true });
    assert.ok(r.out.includes('\u001b[31merror\u001b[0m'));
    assert.equal(r.out.replace(/\u001b\[\d+m/g, ''), (await ehcp(['lint', 'mixed', '--as-of', AS_OF], dir)).out);
  });

  it('--quiet shows only errors', async () => {
    const r = await ehcp(['lint', 'mixed', '--as-of', AS_OF, '--quiet'], dir);
    assert.equal(r.code, 1);
    assert.ok(r.out.includes('section-missing'));
    assert.ok(!r.out.includes('funding-level-mismatch') && !r.out.includes('b-warning'), r.out);
    assert.match(r.out, /1 problem \(1 error, 0 warnings, 0 info\) in 3 plans checked/);
    const json = parseJsonReport((await ehcp(['lint', 'mixed', '--as-of', AS_OF, '--quiet', '--format', 'json'], dir)).out);
    assert.deepEqual(json.files.flatMap((f) => f.diagnostics.map((d) => d.severity)), ['error']);
    assert.equal(json.summary.warnings, 0);
  });

  for (const format of ['stylish', 'json', 'sarif', 'junit']) {
    it(`--output writes the ${format} report to the file, atomically, and prints nothing`, async () => {
      const outDir = tempDir('output');
      const target = path.join(outDir, `report.${format}`);
      const r = await ehcp(['lint', path.join(dir, 'mixed'), '--as-of', AS_OF, '--format', format, '--output', `report.${format}`], outDir);
      const printed = await ehcp(['lint', path.join(dir, 'mixed'), '--as-of', AS_OF, '--format', format], outDir);
      assert.equal(r.code, 1);
      assert.equal(r.out, '');
      assert.equal(r.err, '');
      assert.equal(fs.readFileSync(target, 'utf8'), printed.out);
      assert.deepEqual(fs.readdirSync(outDir), [`report.${format}`], 'no temporary file is left behind');
    });
  }

  it('--output replaces an existing report', async () => {
    const outDir = tempDir('output-replace');
    writeFiles(outDir, { 'report.json': 'old report' });
    const r = await ehcp(['lint', path.join(dir, 'clean'), '--as-of', AS_OF, '--format', 'json', '-o', 'report.json'], outDir);
    assert.equal(r.code, 0);
    assert.equal(parseJsonReport(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8')).summary.plans, 1);
    assert.deepEqual(fs.readdirSync(outDir), ['report.json']);
  });

  it('--output into a folder that does not exist exits 2 with a clear message and leaves nothing behind', async () => {
    const outDir = tempDir('output-missing');
    const r = await ehcp(['lint', path.join(dir, 'clean'), '--as-of', AS_OF, '--format', 'json', '--output', 'no/such/folder/report.json'], outDir);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'ehcp lint: cannot write the report to no/such/folder/report.json (ENOENT).\n');
    assert.deepEqual(fs.readdirSync(outDir), []);
  });
});

describe('ehcp lint in a pipeline (the built CLI)', function () {
  this.timeout(120_000);

  it('ends quietly when the reader of its output goes away (`ehcp lint . | head`)', async () => {
    ensureBuiltCli();
    const dir = caseload();
    const { code, err } = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [BUILT_CLI, 'lint', '.', '--as-of', AS_OF, '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // the reader closes the pipe before the report is written, as `head` does
      let text = '';
      child.stderr.setEncoding('utf8').on('data', (t: string) => (text += t));
      child.on('close', (status) => resolve({ code: status, err: text }));
    });
    assert.ok(!/Unhandled 'error' event|EPIPE|at \S+ \(/.test(err), `a stack trace was printed:\n${err}`);
    assert.notEqual(code, null, 'it exits by itself');
  });
});

describe('ehcp lint: findings switched off by suppression comments', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = tempDir('suppressed');
    const flawed = example('flawed-draft.ehcp.md');
    const at = flawed.indexOf('## Section F');
    const eol = flawed.indexOf('\n', at);
    assert.ok(at > 0, 'the flawed example has a Section F');
    writeFiles(dir, {
      'plan.ehcp.md': `${flawed.slice(0, eol + 1)}\n<!-- ehcp-disable provision-hedge -- wording agreed with the family at the panel -->\n${flawed.slice(eol + 1)}`,
      'unsuppressed.ehcp.md': flawed,
    });
  });

  it('leaves them out of the JSON report and the counts', async () => {
    const r = await ehcp(['lint', 'plan.ehcp.md', 'unsuppressed.ehcp.md', '--as-of', AS_OF, '--format', 'json'], dir);
    const report = parseJsonReport(r.out);
    const hedges = (file: string): number => report.files.find((f) => f.path === file)!.diagnostics.filter((d) => d.rule === 'provision-hedge').length;
    assert.ok(hedges('unsuppressed.ehcp.md') >= 1, 'the example has a provision-hedge finding to switch off');
    assert.equal(hedges('plan.ehcp.md'), 0);
    const count = (file: string): number => report.files.find((f) => f.path === file)!.diagnostics.length;
    assert.equal(count('plan.ehcp.md'), count('unsuppressed.ehcp.md') - hedges('unsuppressed.ehcp.md'));
  });

  it('says how many were switched off in the stylish report', async () => {
    const r = await ehcp(['lint', 'plan.ehcp.md', '--as-of', AS_OF], dir);
    assert.match(r.out, /\n {2}\(1 finding\(s\) switched off by suppression comments\)\n/);
    assert.match(r.out, / in 1 plan checked, 1 suppressed\.\n$/);
  });

  it('lists them in SARIF as suppressed in source, and the log still validates', async () => {
    const r = await ehcp(['lint', 'plan.ehcp.md', '--as-of', AS_OF, '--format', 'sarif'], dir);
    const log = JSON.parse(r.out) as SarifLog;
    const suppressed = log.runs[0]!.results.filter((x) => x.suppressions);
    assert.deepEqual(
      suppressed.map((x) => [x.ruleId, x.suppressions]),
      [['provision-hedge', [{ kind: 'inSource' }]]],
    );
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(sarifSchemaPath(), 'utf8')) as object);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  it('writes no colour into a report file even on a terminal', async () => {
    const r = await ehcp(['lint', 'plan.ehcp.md', '--as-of', AS_OF, '--output', 'report.txt'], dir, { isTty: true });
    assert.equal(r.out, '');
    const written = fs.readFileSync(path.join(dir, 'report.txt'), 'utf8');
    assert.ok(written.includes('provision-') && !written.includes('\u001b['), 'a plain report');
  });
});
