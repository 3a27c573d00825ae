import type { Rule } from '../types.js';
import { costingOf, SECTION_NAMES, severityFor } from './shared.js';

export const costUnreadableQuantity: Rule = {
  meta: {
    id: 'cost-unreadable-quantity',
    category: 'funding',
    sections: ['F'],
    defaultSeverity: 'warning',
    description: 'The quantities of a costable Section F row (how often, how long, ratio, weeks, or its Cost cell) are firm figures that can be read.',
    basis: 'SEND Code of Practice 9.69 (provision normally quantified: hours, frequency, level of support) and L v Clarke and Somerset CC [1998]: a range or "up to" leaves the amount undecided, so it cannot be costed either.',
    fixable: false,
  },
  check({ plan, config, severity, report }) {
    const outcome = costingOf(plan, config);
    if (outcome.status !== 'costed') return;
    for (const row of outcome.costing.rows) {
      if (row.section !== 'F') continue; // only Section F sets the funding level (see cost-uncosted-row)
      const kind = row.problem?.kind;
      if (kind !== 'unreadable-quantity' && kind !== 'unreadable-cost') continue;
      const where = `${SECTION_NAMES[row.section]} row ${row.index}${row.area ? ` (${row.area})` : ''}`;
      const put =
        kind === 'unreadable-cost'
          ? 'Write one amount in pounds in the Cost cell, a year or one-off (for example "£1,200 a year" or "£450 one-off").'
          : 'Write one firm figure for how often, how long and the ratio (for example "3 x 30 minutes a week", "1:1"); "at least" is fine, a range or "up to" is not.';
      report({
        range: row.range,
        severity: severityFor(row.section, severity, 'warning'),
        message: `The ${kind === 'unreadable-cost' ? 'cost' : 'amount of provision'} in ${where} cannot be read for costing: ${row.problem!.reason}. It adds nothing to the costed total until it is. ${put}`,
        data: { section: row.section, index: row.index, problem: kind },
      });
    }
  },
};
