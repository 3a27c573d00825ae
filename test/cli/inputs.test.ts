/**
 * `ehcp lint` on bad inputs and awkward file trees: each bad input has a test showing its clear message.
 * Fixtures are made in a temp folder at run time. Scenarios that could hang (a symlink loop, a FIFO) run
 * the built CLI in a child process with a time limit, so a hang fails the test instead of stalling mocha.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  AS_OF,
  cleanPlan,
  ehcp,
  ehcpBuilt,
  ensureBuiltCli,
  lineOf,
  parseJsonReport,
  planWithError,
  planWithWarning,
  removeTempDirs,
  tempDir,
  where,
  writeFiles,
  type JsonReport,
} from './support.js';

after(removeTempDirs);

async function lintJson(dir: string, ...paths: string[]): Promise<{ code: number; report: JsonReport; err: string }> {
  const r = await ehcp(['lint', ...paths, '--as-of', AS_OF, '--format', 'json'], dir);
  return { code: r.code, report: parseJsonReport(r.out), err: r.err };
}

const WARNING_LINE = lineOf(planWithWarning(), '  level: L2');

describe('ehcp lint: bad inputs', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = tempDir('inputs');
    const plan = cleanPlan();
    const lines = plan.split('\n');
    const preferred = lineOf(plan, '  preferredName: Leo');
    const withLine = (n: number, text: string): string => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');
    const closing = lines.indexOf('---', 1);
    writeFiles(dir, {
      // `preferredName: Leo: the boy` is a mapping inside a plain value: a YAML syntax error on that line.
      'broken-yaml.ehcp.md': withLine(preferred, '  preferredName: Leo: the boy'),
      // A tab used for indentation is one YAML error on that line.
      'tab-yaml.ehcp.md': withLine(preferred, '\tpreferredName: Leo'),
      // The closing `---` of the front matter removed.
      'unclosed.ehcp.md': lines.filter((_, i) => i !== closing).join('\n'),
      'notes.md': '# Team notes\n\n- Review the caseload on Friday.\n',
      'front-matter-plan.md': planWithError(),
      'binary.ehcp.md': Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]), Buffer.alloc(2000, 7)]),
      'utf16le.ehcp.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')]),
      'utf16be.ehcp.md': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(plan, 'utf16le').swap16()]),
      'latin1.ehcp.md': Buffer.from(plan.replace('Leo', 'Léo'), 'latin1'),
      'empty.ehcp.md': '',
      'crlf-clean.ehcp.md': plan.replace(/\n/g, '\r\n'),
      'crlf-warning.ehcp.md': planWithWarning().replace(/\n/g, '\r\n'),
      'crlf-error.ehcp.md': planWithError().replace(/\n/g, '\r\n'),
      'bom-clean.ehcp.md': `\uFEFF${plan}`,
      'bom-warning.ehcp.md': `\uFEFF${planWithWarning()}`,
      'bom-crlf-warning.ehcp.md': `\uFEFF${planWithWarning().replace(/\n/g, '\r\n')}`,
      'lf-warning.ehcp.md': planWithWarning(),
    });
    // Over the 10 MB limit: a sparse file, so it costs no disk and no time to make.
    const big = path.join(dir, 'huge.ehcp.md');
    fs.writeFileSync(big, plan);
    fs.truncateSync(big, 11 * 1024 * 1024);
  });

  it('broken YAML front matter: one finding, at the line and column of the error', async () => {
    const { code, report } = await lintJson(dir, 'broken-yaml.ehcp.md');
    assert.equal(code, 1);
    const yaml = report.files[0]!.diagnostics.filter((d) => d.rule === 'front-matter-valid');
    const line = lineOf(cleanPlan(), '  preferredName: Leo');
    assert.deepEqual(
      yaml.map((d) => [d.severity, d.line, d.column, d.message]),
      [['error', line, 18, 'The front matter is not valid YAML: A key must be on one line and followed by a colon.']],
    );
  });

  it('a YAML syntax error is one finding, not several (a tab used for indentation)', async () => {
    // Issue 2: "A YAML syntax error is one finding at its position."
    const { report } = await lintJson(dir, 'tab-yaml.ehcp.md');
    const line = lineOf(cleanPlan(), '  preferredName: Leo');
    const yaml = report.files[0]!.diagnostics.filter((d) => d.rule === 'front-matter-valid');
    assert.deepEqual(
      yaml.map((d) => `${d.line}:${d.column} ${d.message}`),
      [`${line}:1 The front matter is not valid YAML: Tabs cannot indent YAML; use spaces.`],
    );
  });

  it('a YAML syntax error does not also report front-matter keys as missing (funding is declared)', async () => {
    // The front matter declares `funding: { scheme, level }`; it cannot be read because of the syntax
    // error, which is reported. Saying the plan "does not declare its funding level" is a false finding.
    const { report } = await lintJson(dir, 'broken-yaml.ehcp.md');
    assert.deepEqual(where(report, 'broken-yaml.ehcp.md').filter((w) => !w.startsWith('front-matter-valid@')), []);
  });

  it('unclosed front matter: a clear message at the opening ---', async () => {
    const { code, report } = await lintJson(dir, 'unclosed.ehcp.md');
    assert.equal(code, 1);
    const first = report.files[0]!.diagnostics.find((d) => d.rule === 'front-matter-valid');
    assert.deepEqual(first, {
      rule: 'front-matter-valid',
      severity: 'error',
      message: 'The front matter is not closed: add a line with just `---` after the last front-matter key.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 4,
    });
  });

  it('unclosed front matter: the rest of the plan is still read as usual (Section E outcomes found)', async () => {
    // The body is unchanged from the clean plan; only the closing --- is missing. Its outcome lists must
    // still be read, so no provision may be reported as naming an unknown outcome.
    const { report } = await lintJson(dir, 'unclosed.ehcp.md');
    const cascade = where(report, 'unclosed.ehcp.md').filter((w) => /^(provision-unknown-outcome|need-without-outcome|outcome-count)@/.test(w));
    assert.deepEqual(cascade, []);
  });

  it('a non-plan Markdown file is skipped and counted, with exit 0', async () => {
    const r = await ehcp(['lint', 'notes.md', '--as-of', AS_OF], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, '\nNo problems found (0 plans checked, 1 non-plan Markdown file skipped).\n');
    const { report } = await lintJson(dir, 'notes.md');
    assert.deepEqual(report, { files: [], summary: { files: 1, plans: 0, skipped: 1, errors: 0, warnings: 0, infos: 0 } });
  });

  it('a Markdown file with `ehcp:` front matter is a plan whatever its name', async () => {
    const { code, report } = await lintJson(dir, 'front-matter-plan.md');
    assert.equal(code, 1);
    assert.deepEqual(where(report, 'front-matter-plan.md'), ['section-missing@1:1']);
  });

  const unreadable: [string, string, string][] = [
    ['a binary file named .ehcp.md', 'binary.ehcp.md', 'This is a binary file, not a Markdown plan; it was skipped.'],
    ['a UTF-16 (little-endian) file', 'utf16le.ehcp.md', 'This file is saved as UTF-16. Save it as UTF-8 (the usual encoding for Markdown) and check it again.'],
    ['a UTF-16 (big-endian) file', 'utf16be.ehcp.md', 'This file is saved as UTF-16. Save it as UTF-8 (the usual encoding for Markdown) and check it again.'],
    ['a Latin-1 (non-UTF-8) file', 'latin1.ehcp.md', 'This file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1). Save it as UTF-8 and check it again.'],
    ['a file over 10 MB', 'huge.ehcp.md', 'This file is 11.0 MB, over the 10 MB limit for a plan; it was not checked.'],
  ];
  for (const [what, file, message] of unreadable) {
    it(`${what}: reported with a clear message, exit 2, and the next file still linted`, async () => {
      const { code, report } = await lintJson(dir, file, 'lf-warning.ehcp.md');
      assert.equal(code, 2);
      assert.deepEqual(report.files, [
        { path: file, diagnostics: [{ rule: 'file-unreadable', severity: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1 }] },
        { path: 'lf-warning.ehcp.md', diagnostics: report.files[1]!.diagnostics },
      ]);
      assert.deepEqual(where(report, 'lf-warning.ehcp.md'), [`funding-level-mismatch@${WARNING_LINE}:10`]);
      assert.equal(report.summary.plans, 1);
      const stylish = await ehcp(['lint', file, '--as-of', AS_OF], dir);
      assert.ok(stylish.out.includes(`${file}\n  error  ${message}  file-unreadable\n`), stylish.out);
      assert.match(stylish.out, /1 file could not be read/);
    });
  }

  it('an empty .ehcp.md file: says it has no front matter, and which sections are missing', async () => {
    const { code, report } = await lintJson(dir, 'empty.ehcp.md');
    assert.equal(code, 1);
    const diagnostics = report.files[0]!.diagnostics;
    assert.deepEqual(diagnostics[0], {
      rule: 'front-matter-valid',
      severity: 'error',
      message: 'This plan has no front matter. Start the file with a `---` block holding at least `ehcp: 1`, `status`, `localAuthority`, `child` and `setting`.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    assert.equal(diagnostics.filter((d) => d.rule === 'section-missing').length, 12, 'A, B, C, D, E, F, G, H1, H2, I, J and K');
    for (const d of diagnostics) assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [1, 1, 1, 1], 'positions stay inside the empty file');
  });

  it('a CRLF plan gets the same findings at the same positions as the LF plan', async () => {
    const { code, report } = await lintJson(dir, 'crlf-clean.ehcp.md', 'crlf-warning.ehcp.md', 'crlf-error.ehcp.md', 'lf-warning.ehcp.md');
    assert.equal(code, 1);
    assert.deepEqual(where(report, 'crlf-clean.ehcp.md'), []);
    assert.deepEqual(report.files.find((f) => f.path === 'crlf-warning.ehcp.md')!.diagnostics, report.files.find((f) => f.path === 'lf-warning.ehcp.md')!.diagnostics);
    assert.deepEqual(where(report, 'crlf-error.ehcp.md'), ['section-missing@1:1']);
  });

  it('a plan with a UTF-8 BOM gets the same findings at the same positions (the BOM is not a column)', async () => {
    const { code, report } = await lintJson(dir, 'bom-clean.ehcp.md', 'bom-warning.ehcp.md', 'bom-crlf-warning.ehcp.md', 'lf-warning.ehcp.md');
    assert.equal(code, 0);
    assert.deepEqual(where(report, 'bom-clean.ehcp.md'), []);
    const expected = report.files.find((f) => f.path === 'lf-warning.ehcp.md')!.diagnostics;
    assert.deepEqual(report.files.find((f) => f.path === 'bom-warning.ehcp.md')!.diagnostics, expected);
    assert.deepEqual(report.files.find((f) => f.path === 'bom-crlf-warning.ehcp.md')!.diagnostics, expected);
  });
});

describe('ehcp lint: finding plans', function () {
  this.timeout(180_000);
  let dir: string;
  before(() => {
    ensureBuiltCli();
    dir = tempDir('discover');
    writeFiles(dir, {
      'plans/a.ehcp.md': cleanPlan(),
      'plans/b-front-matter.md': planWithError(),
      'plans/notes.md': '# Notes\n',
      'plans/readme.txt': 'not Markdown',
      'plans/2026/c.ehcp.md': planWithWarning(),
      'plans/2026/deep/d.ehcp.md': planWithError(),
      'plans/node_modules/pkg/e.ehcp.md': planWithError(),
      'plans/.hidden/f.ehcp.md': planWithError(),
      'other/g.ehcp.md': cleanPlan(),
    });
  });

  const ALL = ['plans/2026/c.ehcp.md', 'plans/2026/deep/d.ehcp.md', 'plans/a.ehcp.md', 'plans/b-front-matter.md'];

  it('searches folders recursively (not node_modules or hidden folders), in a stable order', async () => {
    const { code, report } = await lintJson(dir, 'plans');
    assert.equal(code, 1);
    assert.deepEqual(report.files.map((f) => f.path), ALL);
    assert.deepEqual(report.summary, { files: 5, plans: 4, skipped: 1, errors: 2, warnings: 1, infos: 0 });
  });

  it('expands globs such as plans/**/*.md', async () => {
    const { report } = await lintJson(dir, 'plans/**/*.md');
    assert.deepEqual(report.files.map((f) => f.path), ALL);
    assert.equal(report.summary.skipped, 1);
    const ehcpOnly = await lintJson(dir, 'plans/**/*.ehcp.md');
    assert.deepEqual(ehcpOnly.report.files.map((f) => f.path), ['plans/2026/c.ehcp.md', 'plans/2026/deep/d.ehcp.md', 'plans/a.ehcp.md']);
  });

  it('lints explicit files in the order given, each once however often it is named', async () => {
    const { report } = await lintJson(dir, 'other/g.ehcp.md', 'plans/a.ehcp.md', 'other/g.ehcp.md', 'other');
    assert.deepEqual(report.files.map((f) => f.path), ['other/g.ehcp.md', 'plans/a.ehcp.md']);
  });

  it('survives a symlink loop (`ln -s .. loop`): no hang, each plan once', function () {
    const tree = tempDir('loop');
    writeFiles(tree, { 'plans/a.ehcp.md': cleanPlan(), 'plans/sub/b.ehcp.md': planWithWarning() });
    fs.symlinkSync('..', path.join(tree, 'plans/sub/loop'));
    fs.symlinkSync('../..', path.join(tree, 'plans/sub/loop2'));
    const r = ehcpBuilt(['lint', 'plans', '--as-of', AS_OF, '--format', 'json'], tree, { timeoutMs: 60_000 });
    assert.equal(r.timedOut, false, 'the run finished');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.deepEqual(parseJsonReport(r.out).files.map((f) => f.path), ['plans/a.ehcp.md', 'plans/sub/b.ehcp.md']);
  });

  it('skips a dangling symlink inside a folder; names one given explicitly and exits 2', async () => {
    const tree = tempDir('dangling');
    writeFiles(tree, { 'plans/a.ehcp.md': cleanPlan() });
    fs.symlinkSync('gone.ehcp.md', path.join(tree, 'plans/dangling.ehcp.md'));
    const inFolder = await lintJson(tree, 'plans');
    assert.equal(inFolder.code, 0);
    assert.deepEqual(inFolder.report.files.map((f) => f.path), ['plans/a.ehcp.md']);
    const named = await lintJson(tree, 'plans/dangling.ehcp.md', 'plans/a.ehcp.md');
    assert.equal(named.code, 2);
    assert.equal(named.err, 'ehcp lint: plans/dangling.ehcp.md: This file or folder does not exist.\n');
    assert.deepEqual(named.report.files.map((f) => f.path), ['plans/a.ehcp.md']);
  });

  it('treats a folder named x.ehcp.md as a folder, not a file', async () => {
    const tree = tempDir('dir-named-md');
    writeFiles(tree, { 'x.ehcp.md/inside.ehcp.md': planWithWarning(), 'y.ehcp.md/.keep': '' });
    const { code, report, err } = await lintJson(tree, '.');
    assert.equal(code, 0, err);
    assert.deepEqual(report.files.map((f) => f.path), ['x.ehcp.md/inside.ehcp.md']);
    const named = await lintJson(tree, 'y.ehcp.md');
    assert.equal(named.code, 0, named.err);
    assert.deepEqual(named.report.summary, { files: 0, plans: 0, skipped: 0, errors: 0, warnings: 0, infos: 0 });
  });

  it('a FIFO (named pipe) inside a folder is not read', function () {
    const tree = tempDir('fifo-in-folder');
    writeFiles(tree, { 'plans/a.ehcp.md': cleanPlan() });
    assert.equal(spawnSync('mkfifo', [path.join(tree, 'plans/pipe.ehcp.md')]).status, 0, 'mkfifo (coreutils) must work here');
    const r = ehcpBuilt(['lint', 'plans', '--as-of', AS_OF, '--format', 'json'], tree, { timeoutMs: 60_000 });
    assert.equal(r.timedOut, false, 'the run finished');
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(parseJsonReport(r.out).files.map((f) => f.path), ['plans/a.ehcp.md']);
  });

  it('a FIFO named on the command line is reported as not a file, without hanging, and the rest is linted', function () {
    // Nothing ever writes to the pipe: reading it would wait for ever. The CLI must not try.
    const tree = tempDir('fifo-named');
    writeFiles(tree, { 'a.ehcp.md': cleanPlan() });
    assert.equal(spawnSync('mkfifo', [path.join(tree, 'pipe.ehcp.md')]).status, 0, 'mkfifo (coreutils) must work here');
    const r = ehcpBuilt(['lint', 'pipe.ehcp.md', 'a.ehcp.md', '--as-of', AS_OF, '--format', 'json'], tree, { timeoutMs: 30_000 });
    assert.equal(r.timedOut, false, 'ehcp lint hung reading a named pipe');
    assert.equal(r.code, 2);
    const report = parseJsonReport(r.out);
    assert.ok(report.files.some((f) => f.path === 'a.ehcp.md'), 'the plan after it is linted');
  });
});
