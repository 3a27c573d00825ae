// Builds the shipped bundles with esbuild: the CLI and its lint worker, the language server and the
// VS Code extension, each one CommonJS file in dist/ so they start fast and need no node_modules.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: false,
  logLevel: 'warning',
  legalComments: 'none',
  // ESM dependencies read import.meta.url; in a CommonJS bundle it is derived from __filename.
  define: { 'import.meta.url': '__ehcpImportMetaUrl', __EHCP_VERSION__: JSON.stringify(pkg.version) },
  banner: { js: "const __ehcpImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const entries = [
  { in: 'server/cli/bin.ts', out: 'dist/ehcp.cjs', shebang: true },
  { in: 'server/cli/lint-worker.ts', out: 'dist/lint-worker.cjs' },
  { in: 'server/lsp/server.ts', out: 'dist/server.cjs' },
  { in: 'client/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] },
];

fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
await Promise.all(
  entries
    .filter((e) => fs.existsSync(path.join(root, e.in)))
    .map((e) =>
      build({
        ...common,
        entryPoints: [path.join(root, e.in)],
        outfile: path.join(root, e.out),
        external: e.external ?? [],
        banner: { js: `${e.shebang ? '#!/usr/bin/env node\n' : ''}${common.banner.js}` },
      }),
    ),
);
fs.chmodSync(path.join(root, 'dist/ehcp.cjs'), 0o755);

// pdfkit reads its standard-font metrics from a data folder beside the bundle.
const pdfkitData = path.join(root, 'node_modules/pdfkit/js/data');
if (fs.existsSync(pdfkitData)) fs.cpSync(pdfkitData, path.join(root, 'dist/data'), { recursive: true });
// The export font ships beside the bundles (and in the .vsix): dist/fonts/*.ttf, with its licence.
const fontPackage = path.join(root, 'node_modules/@expo-google-fonts/atkinson-hyperlegible');
fs.mkdirSync(path.join(root, 'dist/fonts'), { recursive: true });
for (const style of ['400Regular', '400Regular_Italic', '700Bold', '700Bold_Italic']) {
  const dir = path.join(fontPackage, style);
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ttf')) : []) {
    fs.copyFileSync(path.join(dir, file), path.join(root, 'dist/fonts', file));
  }
}
if (fs.existsSync(path.join(fontPackage, 'LICENSE_FONT'))) fs.copyFileSync(path.join(fontPackage, 'LICENSE_FONT'), path.join(root, 'dist/fonts/LICENSE_FONT'));

if (!watch) process.stdout.write(`built ${entries.filter((e) => fs.existsSync(path.join(root, e.in))).map((e) => e.out).join(', ')}\n`);
