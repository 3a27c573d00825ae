import type { Fix } from '../../model.js';
import type { Rule } from '../types.js';
import {
  explain,
  fillEmptyCell,
  judgeDeliverer,
  missingRange,
  provisionItems,
  quoteAll,
  rangeAt,
  severityFor,
  viewOf,
  zoneText,
  zonesFor,
} from './shared.js';

const ID = 'provision-missing-deliverer';

export const provisionMissingDeliverer: Rule = {
  meta: {
    id: ID,
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Each item of provision names who delivers it by role, such as "teaching assistant trained in Colourful Semantics" or "speech and language therapist" (not "staff", "a key adult" or "the school").',
    basis: 'SEND Code of Practice 9.69 (provision specified including the level of expertise); EC v North East Lincolnshire [2015] UKUT 648 (AAC) (who, what, when, how long); LB Redbridge v HO [2020] UKUT 323 (AAC).',
    fixable: true,
  },
  check(context) {
    const { plan } = context;
    for (const item of provisionItems(plan)) {
      const view = viewOf(context, item);
      if (view.nonSession) continue;
      const { zones, fromCells } = zonesFor(view, ['who']);
      const text = zoneText(zones);
      // A named role is enough to know who delivers (a teaching assistant, a speech and language therapist);
      // naming the training is better practice, which the doc page shows, but its absence is not a defect.
      const verdict = judgeDeliverer(text, true);
      if (verdict.ok) continue;

      const inZone = (start: number): boolean => zones.some((z) => start >= z.start && start < z.start + z.text.length);
      const vague = view.matches.filter((m) => m.entry.category === 'deliverer' && inZone(m.start));
      const first = vague[0];
      const cell = view.cells.who;
      let fix: Fix | undefined = fillEmptyCell(view, 'who', '[role and training]', 'Fill the Who cell with a placeholder');
      if (!fix && first?.entry.stub !== undefined) {
        fix = { title: `Replace "${first.text.trim()}" with a placeholder to fill in`, edits: [{ startOffset: first.start, endOffset: first.end, newText: first.entry.stub }] };
      }
      let message: string;
      if (first) {
        message = `Section ${item.section} provision does not say who delivers it: ${quoteAll(vague)}. ${explain(plan, vague, 1)}`;
      } else if (verdict.kind === 'untrained-role') {
        message = `Section ${item.section} provision names a role ("${verdict.role ?? ''}") but not the person's training or qualification. Add it, e.g. "[role] trained in [named programme]" or "supervised by [qualified role]", so the level of expertise is clear.`;
      } else {
        const where = item.form === 'table-row' ? (fromCells ? (cell?.empty ? ' The Who cell is empty.' : ' The Who cell names no role.') : ' The row has no Who cell.') : '';
        message = `Section ${item.section} provision does not say who delivers it.${where} Name the role and their training or qualification, e.g. "[role] trained in [approach]" or "qualified [profession]".`;
      }
      context.report({
        range: first ? rangeAt(plan, first.start, first.end) : missingRange(view, 'who'),
        severity: severityFor(context, ID, item, 'setting'),
        message,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
