/**
 * The embedded typeface: Atkinson Hyperlegible (SIL Open Font License), shipped from npm by
 * `@expo-google-fonts/atkinson-hyperlegible` as TrueType files. Nothing is downloaded at run time.
 *
 * Where the files are looked for, in order: `EHCP_FONT_DIR` (a folder holding the four .ttf files), a
 * `fonts/` folder next to the running bundle (the build may copy them there), and the npm package
 * resolved from this module or from the working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const FONT_PACKAGE = '@expo-google-fonts/atkinson-hyperlegible';
export const FONT_FAMILY = 'Atkinson Hyperlegible';

export const FONT_FILES: Record<FontStyle, string> = {
  regular: '400Regular/AtkinsonHyperlegible_400Regular.ttf',
  italic: '400Regular_Italic/AtkinsonHyperlegible_400Regular_Italic.ttf',
  bold: '700Bold/AtkinsonHyperlegible_700Bold.ttf',
  boldItalic: '700Bold_Italic/AtkinsonHyperlegible_700Bold_Italic.ttf',
};

export type FontSet = Record<FontStyle, Buffer>;

let cache: FontSet | null = null;

function packageDirs(): string[] {
  const dirs: string[] = [];
  const tryResolve = (base: string): void => {
    try {
      const req = createRequire(base);
      dirs.push(dirname(req.resolve(`${FONT_PACKAGE}/package.json`)));
    } catch {
      /* not resolvable from here */
    }
  };
  let here: string | null;
  try {
    here = import.meta.url || null;
  } catch {
    here = null;
  }
  if (here) tryResolve(here);
  if (typeof __filename === 'string') tryResolve(__filename);
  tryResolve(join(process.cwd(), 'package.json'));
  return dirs;
}

function flatDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.EHCP_FONT_DIR) dirs.push(process.env.EHCP_FONT_DIR);
  if (typeof __dirname === 'string') dirs.push(join(__dirname, 'fonts'), join(__dirname, '..', 'fonts'));
  if (process.argv[1]) dirs.push(join(dirname(process.argv[1]), 'fonts'));
  return dirs;
}

/** Reads the four font files once; throws a plain message when they cannot be found. */
export function loadFonts(): FontSet {
  if (cache) return cache;
  const styles = Object.keys(FONT_FILES) as FontStyle[];
  const tryFlat = (dir: string): FontSet | null => {
    const paths = styles.map((s) => join(dir, FONT_FILES[s].split('/')[1] ?? ''));
    if (!paths.every((p) => existsSync(p))) return null;
    return Object.fromEntries(styles.map((s, i) => [s, readFileSync(paths[i] as string)])) as FontSet;
  };
  const tryPackage = (dir: string): FontSet | null => {
    const paths = styles.map((s) => join(dir, FONT_FILES[s]));
    if (!paths.every((p) => existsSync(p))) return null;
    return Object.fromEntries(styles.map((s, i) => [s, readFileSync(paths[i] as string)])) as FontSet;
  };
  for (const d of flatDirs()) {
    const f = tryFlat(d);
    if (f) return (cache = f);
  }
  for (const d of packageDirs()) {
    const f = tryPackage(d);
    if (f) return (cache = f);
  }
  throw new Error(
    `The export font (${FONT_FAMILY}) was not found. Reinstall the toolkit, or set EHCP_FONT_DIR to a folder holding the Atkinson Hyperlegible .ttf files.`,
  );
}
