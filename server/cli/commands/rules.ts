/** `ehcp rules [ID]`: the rule list, or one rule's doc page. */
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../io.js';
import { allRules, ruleById } from '../../engine/index.js';
import { docsDir } from '../../engine/package-root.js';
import { closest } from '../../engine/schema/explain.js';

export const rulesCommand: CliCommand = async (args, io) => {
  const wantJson = args.includes('--format=json') || (args.includes('--format') && args[args.indexOf('--format') + 1] === 'json');
  const ids = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--format');
  if (ids.length === 0) {
    if (wantJson) {
      io.stdout(`${JSON.stringify(allRules.map((r) => r.meta), null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...allRules.map((r) => r.meta.id.length));
    for (const rule of allRules) {
      const { id, defaultSeverity, sections, description } = rule.meta;
      io.stdout(`${id.padEnd(width)}  ${defaultSeverity.padEnd(7)}  ${(sections.join(',') || '-').padEnd(14)}  ${description}\n`);
    }
    io.stdout(`\n${allRules.length} rules. \`ehcp rules ID\` shows one rule's explanation with examples.\n`);
    return 0;
  }
  let status = 0;
  for (const id of ids) {
    const rule = ruleById(id);
    if (!rule) {
      const suggestion = closest(id, allRules.map((r) => r.meta.id));
      io.stderr(`ehcp rules: there is no rule "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ' Run `ehcp rules` to list the rules.'}\n`);
      status = 2;
      continue;
    }
    const doc = path.join(docsDir(), 'rules', `${id}.md`);
    try {
      io.stdout(fs.readFileSync(doc, 'utf8'));
    } catch {
      io.stdout(`# ${id}\n\n${rule.meta.description}\n\nBasis: ${rule.meta.basis}\n`);
    }
  }
  return status;
};
