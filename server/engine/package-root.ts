/** Where the package's own files (docs, templates, schemas) are, whether run from source or from dist/. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = path.dirname(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'schemas'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const docsDir = (): string => path.join(packageRoot(), 'docs');
export const templatesDir = (): string => path.join(packageRoot(), 'templates');
