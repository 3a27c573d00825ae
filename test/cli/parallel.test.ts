/**
 * The parallel path: the built CLI (`node dist/ehcp.cjs lint DIR --jobs 2`) lints in worker threads and
 * must report exactly what the in-process, one-at-a-time run reports: same files, same order, same findings.
 */
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { AS_OF, EXAMPLES, ehcp, ehcpBuiltAsync, ensureBuiltCli, parseJsonReport, removeTempDirs, tempDir, writeFiles } from './support.js';

after(removeTempDirs);

const BASES = ['primary-mainstream.ehcp.md', 'secondary-year10-pfa.ehcp.md', 'special-school.ehcp.md', 'flawed-draft.ehcp.md'];

/** About 30 plans: copies of the examples with small changes, plus a non-plan note and an unreadable file. */
function makeCaseload(): string {
  const dir = tempDir('parallel');
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 30; i++) {
    const base = BASES[i % BASES.length]!;
    let text = fs.readFileSync(path.join(EXAMPLES, base), 'utf8');
    switch (i % 5) {
      case 1: // a different declared funding level
        text = text.replace(/^(\s+level:) \S+$/m, '$1 L1');
        break;
      case 2: {
        // Section J removed
        const j = text.indexOf('## Section J');
        const k = text.indexOf('## Section K');
        if (j >= 0 && k > j) text = text.slice(0, j) + text.slice(k);
        break;
      }
      case 3: // Windows line endings
        text = text.replace(/\n/g, '\r\n');
        break;
      case 4: // a vague outcome added to Section E
        text = text.replace(/^(## Section E[^\n]*\n)/m, '$1\n- **E99** Will make progress.\n');
        break;
      default:
        break;
    }
    files[`caseload/${i < 15 ? 'a' : 'b'}/${String(i).padStart(2, '0')}-${base}`] = text;
  }
  files['caseload/a/07-latin1.ehcp.md'] = Buffer.from('---\nehcp: 1\nstatus: draft\n---\n\n# Zoë\n', 'latin1');
  files['caseload/b/notes.md'] = '# Notes\n\nNot a plan.\n';
  writeFiles(dir, files);
  return dir;
}

describe('ehcp lint: parallel workers report exactly what one thread reports', function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    ensureBuiltCli();
    dir = makeCaseload();
  });

  for (const format of ['json', 'sarif']) {
    it(`--format ${format}: built CLI with --jobs 2 equals in-process --jobs 1`, async () => {
      const args = ['lint', 'caseload', '--as-of', AS_OF, '--format', format];
      const serial = await ehcp([...args, '--jobs', '1'], dir);
      const parallel = await ehcpBuiltAsync([...args, '--jobs', '2'], dir, 300_000);
      assert.equal(parallel.timedOut, false, 'the parallel run finished');
      assert.equal(parallel.err, serial.err);
      assert.equal(parallel.code, serial.code);
      assert.equal(parallel.code, 2, 'the Latin-1 file cannot be read');
      if (format === 'json') {
        const report = parseJsonReport(serial.out);
        assert.equal(report.files.length, 31, '30 plans and the unreadable file');
        assert.deepEqual(report.summary.skipped, 1);
        assert.ok(report.summary.errors > 0 && report.summary.warnings > 0, 'the caseload has findings to compare');
        // Same order: the folder walk's order, kept however the workers finish.
        assert.deepEqual(
          parseJsonReport(parallel.out).files.map((f) => f.path),
          report.files.map((f) => f.path),
        );
      }
      assert.equal(parallel.out, serial.out);
    });
  }
});
