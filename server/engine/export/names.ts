/** Output file names for exports (shared by the CLI and the language server so both write the same name). */
import path from 'node:path';

/**
 * `sam.ehcp.md` → `sam.pdf`, `plan.md` → `plan.pdf`, anything else → its name with the new extension.
 * Never returns the source's own name.
 */
export function exportFileName(sourcePath: string, kind: 'pdf' | 'html'): string {
  const base = path.basename(sourcePath);
  const stem = base.replace(/\.ehcp\.md$/i, '').replace(/\.(md|markdown)$/i, '') || base;
  let name = `${stem}.${kind}`;
  if (name.toLowerCase() === base.toLowerCase()) name = `${stem}.export.${kind}`;
  return name;
}
