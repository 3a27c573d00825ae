#!/usr/bin/env node
// Times exporting the longest example plan (templates/examples/*.ehcp.md, by size) to PDF and to HTML.
// Prints one line per format with the milliseconds (median of the runs). Usage:
//   node test/bench/export-bench.mjs [PLAN] [--runs N] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 3;
const json = args.includes('--json');
let plan = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
if (!plan) {
  const dir = path.join(root, 'templates', 'examples');
  plan = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ehcp.md'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
}
const { parsePlan } = await import(pathToFileURL(path.join(root, 'server/engine/parse/index.ts')).href);
const { exportPdf, exportHtml } = await import(pathToFileURL(path.join(root, 'server/engine/export/index.ts')).href);
const text = fs.readFileSync(plan, 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One warm-up run (font parsing, module compilation), then timed runs.
await exportPdf(parsePlan(text, { filePath: plan }));
const pdfTimes = [];
let bytes = 0;
let pages = 0;
for (let i = 0; i < runs; i++) {
  const t = process.hrtime.bigint();
  const buf = await exportPdf(parsePlan(text, { filePath: plan }));
  pdfTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  bytes = buf.length;
  pages = (buf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
const htmlTimes = [];
for (let i = 0; i < runs; i++) {
  const t = process.hrtime.bigint();
  exportHtml(parsePlan(text, { filePath: plan }));
  htmlTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const result = {
  plan: path.relative(root, plan),
  pages,
  pdfBytes: bytes,
  pdfMs: Math.round(median(pdfTimes)),
  htmlMs: Math.round(median(htmlTimes)),
  runs,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(`export PDF  ${result.plan} (${pages} pages, ${Math.round(bytes / 1024)} KB): ${result.pdfMs} ms`);
  console.log(`export HTML ${result.plan}: ${result.htmlMs} ms`);
}
