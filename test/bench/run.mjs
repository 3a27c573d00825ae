#!/usr/bin/env node
// `npm run bench`: speed as ratios against peers measured in the same run, never timed assertions.
//
//   1. Caseload: a synthetic caseload from ../shared/bench/gen-corpus.mjs (2,000 plans by default, with its
//      ~1 MB outliers), linted by `ehcp lint` and by markdownlint-cli2 on the same files: plans a second,
//      the ratio, and each one's peak memory. Also the single-thread figure (--jobs 1).
//   2. Editor: keystroke-to-diagnostics latency of the language server (push mode, over stdio) on a typical
//      plan and on a ~1 MB plan, with its chunked re-parse; the full re-lint of each for comparison.
//   3. Export: the longest example plan to PDF and HTML (test/bench/export-bench.mjs).
//
// Usage: node test/bench/run.mjs [--count N] [--seed S] [--skip-peers] [--markdown]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(flag('--count', '2000'));
const seed = flag('--seed', '42');
const AS_OF = '2026-03-02';
const generator = [path.join(root, '../shared/bench/gen-corpus.mjs'), path.join(root, 'test/bench/gen-corpus.mjs')].find((p) => fs.existsSync(p));
if (!generator) {
  console.error('bench: the caseload generator ../shared/bench/gen-corpus.mjs is not here.');
  process.exit(2);
}
const cli = path.join(root, 'dist/ehcp.cjs');
if (!fs.existsSync(cli)) execFileSync(process.execPath, [path.join(root, 'server/build.mjs')], { stdio: 'inherit' });

const corpus = path.join(root, '.bench', `corpus-${count}-${seed}`);
if (!fs.existsSync(path.join(corpus, 'manifest.json'))) {
  fs.rmSync(corpus, { recursive: true, force: true });
  execFileSync(process.execPath, [generator, '--count', String(count), '--seed', seed, '--out', corpus, '--as-of', AS_OF], { stdio: 'inherit' });
}
const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md'));
const bytes = files.reduce((n, f) => n + fs.statSync(path.join(corpus, f)).size, 0);

/** Runs a command under GNU time for wall-clock seconds and peak resident memory. */
function measure(label, command, commandArgs) {
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const started = process.hrtime.bigint();
  const result = timeBin
    ? spawnSync(timeBin, ['-f', '%M', command, ...commandArgs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = timeBin ? Number((result.stderr.trim().split('\n').pop() ?? '').trim()) : NaN;
  return { label, seconds, plansPerSecond: files.length / seconds, peakMb: peakKb / 1024, status: result.status };
}

const rows = [];
const ehcp = measure('ehcp lint (workers)', process.execPath, [cli, 'lint', corpus, '--format', 'json', '--as-of', AS_OF, '--output', path.join(root, '.bench/ehcp.json')]);
rows.push(ehcp);
rows.push(measure('ehcp lint --jobs 1', process.execPath, [cli, 'lint', corpus, '--format', 'json', '--as-of', AS_OF, '--jobs', '1', '--output', path.join(root, '.bench/ehcp-1.json')]));
let peer = null;
if (!args.includes('--skip-peers')) {
  const mdl = path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const bin = fs.existsSync(mdl) ? mdl : path.join(root, 'node_modules/.bin/markdownlint-cli2');
  peer = measure('markdownlint-cli2', process.execPath, [bin, `${corpus}/*.md`]);
  rows.push(peer);
}

// 2. Editor latency over the real protocol.
const latency = await editorLatency();

// 3. Export.
const exportOut = spawnSync(process.execPath, [path.join(root, 'test/bench/export-bench.mjs'), '--runs', '3'], { cwd: root, encoding: 'utf8' });

const lines = [];
lines.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
lines.push(`Caseload: ${files.length} synthetic plans (seed ${seed}), ${(bytes / 1024 / 1024).toFixed(1)} MiB, as of ${AS_OF}`);
lines.push('');
lines.push('| Tool | Seconds | Plans/s | Peak memory | vs markdownlint-cli2 |');
lines.push('|---|---:|---:|---:|---:|');
for (const r of rows) {
  const ratio = peer ? `${(r.plansPerSecond / peer.plansPerSecond).toFixed(2)}×` : 'n/a';
  lines.push(`| ${r.label} | ${r.seconds.toFixed(1)} | ${r.plansPerSecond.toFixed(1)} | ${Number.isFinite(r.peakMb) ? `${r.peakMb.toFixed(0)} MB` : 'n/a'} | ${ratio} |`);
}
lines.push('');
lines.push('| Editor (language server, stdio) | Median ms | Max ms |');
lines.push('|---|---:|---:|');
for (const l of latency) lines.push(`| ${l.label} | ${l.median.toFixed(0)} | ${l.max.toFixed(0)} |`);
lines.push('');
lines.push('Export of the longest example plan:');
lines.push('');
lines.push('```');
lines.push((exportOut.stdout || exportOut.stderr).trim());
lines.push('```');
console.log(lines.join('\n'));
if (ehcp.status === 2) process.exitCode = 1;

/** Keystroke → diagnostics over stdio, on a typical plan and the largest plan of the caseload. */
async function editorLatency() {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver-protocol/node.js').catch(() => import(path.join(root, 'node_modules/vscode-languageserver-protocol/lib/node/main.js')));
  const bySize = files.map((f) => ({ f, size: fs.statSync(path.join(corpus, f)).size })).sort((a, b) => a.size - b.size);
  const typical = bySize[Math.floor(bySize.length / 2)].f;
  const largest = bySize[bySize.length - 1].f;
  const child = spawn(process.execPath, [path.join(root, 'dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (p) => waiting.get(`${p.uri}#${p.version}`)?.());
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { diagnosticMode: 'push' } });
  connection.sendNotification('initialized', {});
  const results = [];
  for (const [label, file] of [['typical plan', typical], ['largest plan', largest]]) {
    const text = fs.readFileSync(path.join(corpus, file), 'utf8');
    const uri = `file://${path.join(corpus, file)}`;
    const opened = new Promise((r) => waiting.set(`${uri}#1`, r));
    let t = performance.now();
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;
    const open = performance.now() - t;
    const times = [];
    const at = text.indexOf('\n', Math.floor(text.length / 2));
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = before.length - before.lastIndexOf('\n') - 1;
    for (let version = 2; version <= 21; version++) {
      const done = new Promise((r) => waiting.set(`${uri}#${version}`, r));
      t = performance.now();
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
      });
      await done;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const kb = (text.length / 1024).toFixed(0);
    results.push({ label: `open ${label} (${kb} KB): full parse and lint`, median: open, max: open });
    results.push({ label: `keystroke in ${label} (${kb} KB) → diagnostics`, median: times[Math.floor(times.length / 2)], max: times[times.length - 1] });
  }
  await connection.sendRequest('shutdown');
  const exited = new Promise((r) => child.on('exit', r));
  connection.sendNotification('exit');
  await exited;
  connection.dispose();
  return results;
}
