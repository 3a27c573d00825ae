import type { Rule } from '../types.js';
import { DURATION, anyMatch, fillEmptyCell, missingRange, provisionItems, severityFor, viewOf, zoneText, zonesFor } from './shared.js';

const ID = 'provision-missing-duration';

export const provisionMissingDuration: Rule = {
  meta: {
    id: ID,
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Each item of provision says how long it lasts (minutes or hours a session, or hours a week).',
    basis: 'SEND Code of Practice 9.69 (provision normally quantified, e.g. in terms of hours); L v Clarke and Somerset CC [1998] ELR 129 (specifying hours normally needed); EC v North East Lincolnshire [2015] UKUT 648 (AAC).',
    fixable: true,
  },
  check(context) {
    const { plan } = context;
    for (const item of provisionItems(plan)) {
      const view = viewOf(context, item);
      if (view.noDuration) continue;
      const { zones } = zonesFor(view, ['duration', 'frequency']);
      if (anyMatch(DURATION, zoneText(zones)) || (item.form !== 'table-row' && item.fields.duration)) continue;
      const cell = view.cells.duration;
      const where =
        item.form === 'table-row' && cell
          ? cell.empty
            ? 'The How long cell is empty.'
            : `The How long cell says "${cell.text.trim()}", which is not a length of time.`
          : item.form === 'table-row'
            ? 'The row has no How long cell.'
            : 'The bullet does not say how long each session lasts.';
      const fix = fillEmptyCell(view, 'duration', '[how long]', 'Fill the How long cell with a placeholder');
      context.report({
        range: missingRange(view, 'duration'),
        severity: severityFor(context, ID, item, 'setting'),
        message: `Section ${item.section} provision does not say how long it lasts. ${where} State the length of each session (e.g. "30 minutes") or a weekly total ("5 hours a week"); without it the amount of provision is not fixed.`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
