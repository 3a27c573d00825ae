/** `ehcp export PLAN... --pdf|--html [-o DIR] [--costing]`: accessible PDF or self-contained HTML. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../io.js';
import { allRules, ConfigFinder, isPlanText, parsePlan } from '../../engine/index.js';
import type { Plan } from '../../engine/index.js';
import { costingForExport, exportFileName, exportHtml, exportPdf, type CostingSummary } from '../../engine/export/index.js';
import { describeFsError, discover, displayPath, readPlanFile, writeFileAtomic } from '../../engine/files.js';

export const EXPORT_USAGE = `Usage: ehcp export [options] PLAN... (files, folders or globs)

Exports EHCP plans as accessible documents. Folders are searched recursively; Markdown files that are
not plans are skipped. Each output is written next to its plan (or into --out-dir) as NAME.pdf or
NAME.html, atomically, and never over the plan itself.

Options:
  --pdf                 tagged A4 PDF (cover, contents, bookmarks, page numbers)
  --html                one self-contained HTML file (inline fonts and styles, no scripts)
  -o, --out-dir <dir>   write the files into this folder (created when missing)
  --costing             add the costing annex (without it the documents carry no money)
  -h, --help            show this help

At least one of --pdf and --html is needed; give both to write both.

Exit codes: 0 every plan exported, 2 usage error or a plan that could not be read or written.
`;

interface ExportArgs {
  paths: string[];
  pdf: boolean;
  html: boolean;
  outDir: string | null;
  costing: boolean;
  help: boolean;
}

class UsageError extends Error {}

function readArgs(args: string[]): ExportArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        pdf: { type: 'boolean' },
        html: { type: 'boolean' },
        'out-dir': { type: 'string', short: 'o' },
        costing: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  return {
    paths: positionals,
    pdf: values.pdf === true,
    html: values.html === true,
    outDir: typeof values['out-dir'] === 'string' ? values['out-dir'] : null,
    costing: values.costing === true,
    help: values.help === true,
  };
}

function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`;
}

function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

export const exportCommand: CliCommand = async (args: string[], io: CliIo): Promise<number> => {
  let a: ExportArgs;
  try {
    a = readArgs(args);
  } catch (error) {
    io.stderr(`ehcp export: ${(error as Error).message}\n\n${EXPORT_USAGE}`);
    return 2;
  }
  if (a.help) {
    io.stdout(EXPORT_USAGE);
    return 0;
  }
  if (!a.pdf && !a.html) {
    io.stderr(`ehcp export: say which format to write: --pdf, --html, or both.\n\n${EXPORT_USAGE}`);
    return 2;
  }
  if (a.paths.length === 0) {
    io.stderr(`ehcp export: name at least one plan, folder or glob.\n\n${EXPORT_USAGE}`);
    return 2;
  }
  let outDir: string | null = null;
  if (a.outDir !== null) {
    if (a.outDir.trim() === '') {
      io.stderr(`ehcp export: --out-dir needs a folder.\n`);
      return 2;
    }
    outDir = path.resolve(io.cwd, a.outDir);
    try {
      fs.mkdirSync(outDir, { recursive: true });
      if (!fs.statSync(outDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      io.stderr(`ehcp export: cannot use ${displayPath(outDir, io.cwd)} as the output folder: ${describeFsError(error, 'it is not a folder that can be written.')}\n`);
      return 2;
    }
  }

  const explicit = new Set(a.paths.map((p) => path.resolve(io.cwd, p)));
  const { files, problems } = discover(a.paths, io.cwd);
  let status = 0;
  for (const p of problems) {
    io.stderr(`${p.display}: ${p.message}\n`);
    status = 2;
  }
  const kinds: ('pdf' | 'html')[] = [];
  if (a.pdf) kinds.push('pdf');
  if (a.html) kinds.push('html');
  const written = new Set<string>();
  const finder = new ConfigFinder(allRules.map((r) => r.meta.id));
  let exported = 0;
  let skipped = 0;

  for (const file of files) {
    const read = readPlanFile(file.absolute);
    if (!read.ok) {
      io.stderr(`${file.display}: ${read.message}\n`);
      status = 2;
      continue;
    }
    if (!isPlanText(read.text, file.absolute)) {
      if (explicit.has(file.absolute)) {
        io.stderr(`${file.display}: this is not an EHCP plan (no \`ehcp:\` key in the front matter and the name does not end in .ehcp.md); it was not exported.\n`);
        status = 2;
      } else skipped++;
      continue;
    }
    let plan: Plan;
    try {
      plan = parsePlan(read.text, { filePath: file.absolute });
    } catch (error) {
      io.stderr(`${file.display}: the plan could not be read: ${error instanceof Error ? error.message : String(error)}\n`);
      status = 2;
      continue;
    }
    let costing: CostingSummary | null = null;
    if (a.costing) {
      let config;
      try {
        config = finder.configForPlan(file.absolute);
      } catch (error) {
        io.stderr(`${file.display}: the config file is invalid: ${error instanceof Error ? error.message : String(error)}\n`);
        status = 2;
        continue;
      }
      const c = costingForExport(plan, file.absolute, config);
      if (!c.ok) {
        io.stderr(`${file.display}: the costing annex could not be made: ${c.message}\n`);
        status = 2;
        continue;
      }
      costing = c.summary;
    }
    for (const kind of kinds) {
      const dir = outDir ?? path.dirname(file.absolute);
      let target = path.join(dir, exportFileName(file.absolute, kind));
      // Two plans with the same name exported into one folder: keep both.
      for (let i = 2; written.has(target); i++) target = path.join(dir, exportFileName(file.absolute, kind).replace(/\.(pdf|html)$/, `-${i}.$1`));
      if (sameFile(target, file.absolute)) {
        io.stderr(`${file.display}: the ${kind.toUpperCase()} would overwrite the plan itself; it was not written.\n`);
        status = 2;
        continue;
      }
      const started = Date.now();
      let content: Buffer | string;
      try {
        content = kind === 'pdf' ? await exportPdf(plan, { costing }) : exportHtml(plan, { costing });
      } catch (error) {
        io.stderr(`${file.display}: the ${kind.toUpperCase()} could not be made: ${error instanceof Error ? error.message : String(error)}\n`);
        status = 2;
        continue;
      }
      try {
        writeFileAtomic(target, content);
      } catch (error) {
        io.stderr(`${file.display}: ${displayPath(target, io.cwd)} could not be written: ${describeFsError(error, 'the folder is not writable.')}\n`);
        status = 2;
        continue;
      }
      written.add(target);
      exported++;
      const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      io.stdout(`${file.display} → ${displayPath(target, io.cwd)} (${kb(bytes)}, ${Date.now() - started} ms)\n`);
    }
  }
  if (files.length === 0 && problems.length === 0) {
    io.stderr('ehcp export: no Markdown files found.\n');
    return 2;
  }
  const summary = [`${exported} file${exported === 1 ? '' : 's'} written`];
  if (skipped) summary.push(`${skipped} Markdown file${skipped === 1 ? '' : 's'} skipped (not plans)`);
  io.stdout(`${summary.join('; ')}.\n`);
  return status;
};
