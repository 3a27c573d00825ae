/**
 * Finding plan files on disk and reading them safely: directories recursively, globs, symlink loops
 * and permission errors survived, binary / non-UTF-8 / huge files reported and skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';

/** Larger files are skipped: a real plan is well under 1 MB; 10 MB leaves room for pasted advice. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface Candidate {
  /** As the user would recognise it: relative to the working folder when inside it. */
  display: string;
  absolute: string;
}

export interface DiscoveryProblem {
  display: string;
  message: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const GLOB_CHARS = /[*?[\]{}]/;

export function discover(args: string[], cwd: string): { files: Candidate[]; problems: DiscoveryProblem[] } {
  const files: Candidate[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  const add = (absolute: string, display = displayPath(absolute, cwd)): void => {
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch {
      real = absolute;
    }
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ absolute, display });
  };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      if (GLOB_CHARS.test(arg)) {
        const matches = globSync(arg, { cwd, absolute: true, dot: false, ignore: ['**/node_modules/**'] }).sort();
        if (matches.length === 0) problems.push({ display: arg, message: 'No files match this pattern.' });
        for (const m of matches.filter((x) => /\.md$/i.test(x))) add(m);
        continue;
      }
      problems.push({ display: arg, message: describeFsError(error, 'This path cannot be found.') });
      continue;
    }
    // Paths are shown as the user gave them (a folder's files under the folder as written).
    const given = arg.split(path.sep).join('/').replace(/\/+$/, '');
    if (stat.isDirectory()) walk(absolute, cwd, (file) => add(file, joinDisplay(given, path.relative(absolute, file))), problems, new Set());
    else add(absolute, given);
  }
  return { files, problems };
}

function walk(dir: string, cwd: string, add: (file: string) => void, problems: DiscoveryProblem[], ancestors: Set<string>): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (error) {
    problems.push({ display: displayPath(dir, cwd), message: describeFsError(error, 'This folder cannot be read.') });
    return;
  }
  if (ancestors.has(real)) return; // a symlink loop: this folder is already being walked
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ display: displayPath(dir, cwd), message: describeFsError(error, 'This folder cannot be read.') });
    return;
  }
  const inner = new Set(ancestors).add(real);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        continue; // a dangling link is not a plan
      }
    }
    if (isDir && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full, cwd, add, problems, inner);
    else if (isFile && /\.md$/i.test(entry.name)) add(full);
  }
}

function joinDisplay(given: string, relative: string): string {
  const rel = relative.split(path.sep).join('/');
  return given === '.' || given === '' ? rel : `${given}/${rel}`;
}

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

export function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'This file or folder does not exist.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied: this file or folder cannot be read.';
    case 'ELOOP':
      return 'This path is a loop of symbolic links.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    default:
      return fallback;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a file as UTF-8 text, refusing (with a clear reason) what is not a text plan. */
export function readPlanFile(absolute: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (error) {
    return { ok: false, message: describeFsError(error, 'This file cannot be read.') };
  }
  if (!stat.isFile()) return { ok: false, message: 'This is not a regular file (it may be a pipe or a device); it was skipped.' };
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, message: `This file is ${(stat.size / 1024 / 1024).toFixed(1)} MB, over the 10 MB limit for a plan; it was not checked.` };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolute);
  } catch (error) {
    return { ok: false, message: describeFsError(error, 'This file cannot be read.') };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'This file is saved as UTF-16. Save it as UTF-8 (the usual encoding for Markdown) and check it again.' };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { ok: false, message: 'This is a binary file, not a Markdown plan; it was skipped.' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, message: 'This file is not valid UTF-8 (it may be saved as Windows-1252 or Latin-1). Save it as UTF-8 and check it again.' };
  }
}

/** Writes a file atomically: a temporary file in the same folder, then a rename over the target. */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
