/**
 * Entry point for `extensionTestsPath`: the VS Code extension host `require`s this module (bundled to
 * `.vscode-test/suite/index.cjs`) and awaits `run()`. It runs every `*.vscode-test.cjs` next to it with mocha (TDD
 * interface) and a small reporter that prints each result with the `[ehcp-test]` marker (so the runner can
 * pick the lines out of the forwarded console) and appends them to `$EHCP_VSCODE_TEST_REPORT` when set.
 * The last line is always `N passed, N failed`. `run()` rejects when any test failed, which makes the
 * host exit with code 1 (and the runner with it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaType from 'mocha';
import * as vscode from 'vscode';

// mocha is loaded at run time from the repo's node_modules (not bundled). mocha 12's entry is an ES module
// (require() gives its namespace, with the class as `default`); older mochas export the class itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha') as { default?: typeof MochaType; Mocha?: typeof MochaType } & typeof MochaType;
const Mocha: typeof MochaType = mochaModule.default ?? mochaModule.Mocha ?? mochaModule;

const MARK = '[ehcp-test]';

function out(line: string): void {
  console.log(`${MARK} ${line}`);
  const report = process.env.EHCP_VSCODE_TEST_REPORT;
  if (report) fs.appendFileSync(report, `${line}\n`);
}

class MarkedReporter {
  constructor(runner: MochaType.Runner) {
    let passed = 0;
    let failed = 0;
    let pending = 0;
    const failures: { title: string; err: Error }[] = [];
    runner.on('suite', (s: MochaType.Suite) => {
      if (s.title) out(`${s.title}`);
    });
    runner.on('pass', (t: MochaType.Test) => {
      passed++;
      out(`  ✔ ${t.title} (${t.duration ?? 0} ms)`);
    });
    runner.on('pending', (t: MochaType.Test) => {
      pending++;
      out(`  - ${t.title} (skipped)`);
    });
    runner.on('fail', (t: MochaType.Test | MochaType.Hook, err: Error) => {
      failed++;
      failures.push({ title: t.fullTitle(), err });
      out(`  ✘ ${t.title}: ${err?.message ?? err}`);
    });
    runner.once('end', () => {
      failures.forEach((f, i) => {
        out(`${i + 1}) ${f.title}`);
        for (const l of String(f.err?.stack ?? f.err).split('\n').slice(0, 12)) out(`     ${l}`);
      });
      if (pending) out(`${pending} skipped`);
      out(`${passed} passed, ${failed} failed`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.EHCP_VSCODE_TEST_TIMEOUT ?? 60000),
    reporter: MarkedReporter as unknown as MochaType.ReporterConstructor,
    ...(process.env.EHCP_VSCODE_TEST_GREP ? { grep: process.env.EHCP_VSCODE_TEST_GREP } : {}),
  });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((n) => /\.(vscode-)?test\.cjs$/.test(n)).sort()) mocha.addFile(path.join(dir, f));
  out(`mocha in VS Code ${vscode.version} (node ${process.version})`);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (e) {
      out(`0 passed, 1 failed (${e instanceof Error ? e.message : String(e)})`);
      reject(e);
    }
  });
}
