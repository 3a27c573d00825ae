#!/usr/bin/env node
// Bundles the VS Code extension test suite (test/vscode/suite/*.ts) to CommonJS for the extension host:
//   .vscode-test/suite/index.cjs            -- extensionTestsPath (exports run())
//   .vscode-test/suite/<name>.vscode-test.cjs -- the mocha TDD test files index.cjs loads
// The test files are named `*.vscode-test.ts` (not `*.test.ts`) so that plain `npm test` (mocha spec
// `test/**/*.test.ts`, no `vscode` module) never picks them up; `*.test.ts` here is accepted too.
// `vscode` is provided by the extension host; `mocha` is required at run time from the repo's node_modules.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const suiteDir = join(here, 'suite');
const outdir = join(root, '.vscode-test', 'suite');
const entryPoints = readdirSync(suiteDir)
  .filter((f) => f === 'index.ts' || /\.(vscode-)?test\.ts$/.test(f))
  .map((f) => join(suiteDir, f));

const t0 = Date.now();
await build({
  entryPoints,
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`built ${entryPoints.length} suite file(s) into ${outdir} in ${Date.now() - t0} ms`);
