import type { Fix } from '../../model.js';
import type { Rule } from '../types.js';
import {
  FREQUENCY,
  anyMatch,
  explain,
  fillEmptyCell,
  matchesOf,
  missingRange,
  provisionItems,
  quoteAll,
  rangeAt,
  severityFor,
  viewOf,
  zoneText,
  zonesFor,
} from './shared.js';

const ID = 'provision-missing-frequency';

export const provisionMissingFrequency: Rule = {
  meta: {
    id: ID,
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Each item of provision says how often it happens (daily, 3 times a week, once a term, in every lesson).',
    basis: 'SEND Code of Practice 9.69 (provision normally quantified, e.g. in terms of frequency); L v Clarke and Somerset CC [1998] ELR 129; EC v North East Lincolnshire [2015] UKUT 648 (AAC).',
    fixable: true,
  },
  check(context) {
    const { plan } = context;
    for (const item of provisionItems(plan)) {
      const view = viewOf(context, item);
      if (view.nonSession) continue;
      const { zones } = zonesFor(view, ['frequency', 'duration']);
      const text = zoneText(zones);
      if (anyMatch(FREQUENCY, text) || (item.form !== 'table-row' && item.fields.frequency)) continue;

      const words = matchesOf(view, 'frequency-word');
      const first = words[0];
      const cell = view.cells.frequency;
      let fix: Fix | undefined = fillEmptyCell(view, 'frequency', '[how often]', 'Fill the How often cell with a placeholder');
      if (!fix && first?.entry.stub !== undefined) {
        fix = { title: `Replace "${first.text.trim()}" with a placeholder to fill in`, edits: [{ startOffset: first.start, endOffset: first.end, newText: first.entry.stub }] };
      }
      const where =
        item.form === 'table-row' && cell
          ? cell.empty
            ? 'The How often cell is empty.'
            : `The How often cell says "${cell.text.trim()}", which is not a frequency.`
          : item.form === 'table-row'
            ? 'The row has no How often cell.'
            : 'The bullet does not say how often.';
      const message = first
        ? `Section ${item.section} provision does not say how often it happens: ${quoteAll(words)} is not a frequency. ${explain(plan, words, 1)}`
        : `Section ${item.section} provision does not say how often it happens. ${where} State a frequency such as "daily", "3 times a week" or "once a term"; without one nobody can check the child received it.`;
      context.report({
        range: first ? rangeAt(plan, first.start, first.end) : missingRange(view, 'frequency'),
        severity: severityFor(context, ID, item, 'setting'),
        message,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
