#!/usr/bin/env node
// `npm test`: every suite, ending with one line `N passed, N failed`.
//   1. the mocha suite (unit, rules, corpus accuracy, CLI scenarios, language server, export);
//   2. the extension's suite inside a real VS Code (the VS Code server from code-server, driven by Chromium);
//   3. Neovim showing the language server's diagnostics.
// The real clients and the PDF tools are installed first when missing (.ci/install-deps.sh and
// .ci/install-editors.sh are idempotent), so `npm ci && npm test` works on a fresh machine.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const editorsDir = process.env.EHCP_EDITORS_DIR ?? path.join(os.homedir(), '.cache/ehcp-editors');
const unitOnly = process.argv.includes('--unit');

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const tee = (stream, sink) => stream.on('data', (chunk) => { output += chunk; sink.write(chunk); });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function ensure(script, isPresent) {
  if (isPresent()) return;
  console.log(`\n> installing test prerequisites: bash ${script}`);
  const result = spawnSync('bash', [path.join(root, script)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.error(`${script} failed (exit ${result.status}); the suites that need it will fail.`);
}

const totals = { passed: 0, failed: 0 };
const suites = [];

// 1. mocha
ensure('.ci/install-deps.sh', () => spawnSync('sh', ['-c', 'command -v pdfinfo && command -v qpdf'], { stdio: 'ignore' }).status === 0);
const mocha = await run(process.execPath, [path.join(root, 'node_modules/mocha/bin/mocha.js')]);
const passing = Number(/(\d+) passing/.exec(mocha.output)?.[1] ?? 0);
const failing = Number(/(\d+) failing/.exec(mocha.output)?.[1] ?? 0) + (mocha.code !== 0 && !/failing/.test(mocha.output) ? 1 : 0);
totals.passed += passing;
totals.failed += failing;
suites.push(`mocha: ${passing} passed, ${failing} failed`);

if (!unitOnly) {
  ensure('.ci/install-editors.sh', () => fs.existsSync(path.join(editorsDir, 'vscode-dir')) && spawnSync('sh', ['-c', 'command -v nvim && command -v chromium'], { stdio: 'ignore' }).status === 0);
  // 2. VS Code: the suite prints its own `N passed, N failed`.
  const vscode = await run('bash', [path.join(root, 'test/vscode/run.sh')]);
  const counts = [...vscode.output.matchAll(/^\s*(?:\S+:\s*)?(\d+) passed, (\d+) failed\s*$/gm)].pop();
  const vPassed = counts ? Number(counts[1]) : 0;
  const vFailed = counts ? Number(counts[2]) + (vscode.code !== 0 && Number(counts[2]) === 0 ? 1 : 0) : 1;
  totals.passed += vPassed;
  totals.failed += vFailed;
  suites.push(`VS Code extension host: ${vPassed} passed, ${vFailed} failed`);
  // 2b. The same suite against the packaged .vsix, unzipped away from node_modules (proves it is self-contained).
  const pack = await run('npm', ['run', '--silent', 'package']);
  const vsix = await run('bash', [path.join(root, 'test/vscode/run.sh')], { VSIX: path.join(root, 'ehcp-toolkit.vsix'), SKIP_BUILD: '1' });
  const vsixCounts = [...vsix.output.matchAll(/^\s*(?:\S+:\s*)?(\d+) passed, (\d+) failed\s*$/gm)].pop();
  const pPassed = pack.code === 0 && vsixCounts ? Number(vsixCounts[1]) : 0;
  const pFailed = pack.code !== 0 || !vsixCounts ? 1 : Number(vsixCounts[2]) + (vsix.code !== 0 && Number(vsixCounts[2]) === 0 ? 1 : 0);
  totals.passed += pPassed;
  totals.failed += pFailed;
  suites.push(`VS Code, packaged .vsix: ${pPassed} passed, ${pFailed} failed`);
  // 3. Neovim: one end-to-end check.
  const nvim = await run('bash', [path.join(root, 'test/nvim/run.sh')]);
  totals[nvim.code === 0 ? 'passed' : 'failed']++;
  suites.push(`Neovim: ${nvim.code === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
}

console.log(`\n${suites.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed === 0 && totals.passed > 0 ? 0 : 1;
