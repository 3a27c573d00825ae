import type { Rule } from '../types.js';
import { weeksBasis } from '../../costing/cost.js';
import { costingOf, SECTION_NAMES } from './shared.js';

export const costMixedWeeks: Rule = {
  meta: {
    id: 'cost-mixed-weeks',
    category: 'funding',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'info',
    description: 'The weekly rows of a plan are costed over the same number of weeks a year (for example all 38, or all 39).',
    basis: 'Costed provision maps annualise weekly provision over one basis (38, 39 or 52 weeks); mixing bases makes the annual totals hard to compare and is often a slip. The scheme sets the default (contract section 8).',
    fixable: false,
  },
  check({ plan, config, report }) {
    const outcome = costingOf(plan, config);
    if (outcome.status !== 'costed') return;
    const basis = weeksBasis(outcome.costing);
    if (!basis || !basis.first) return;
    const row = basis.first;
    report({
      range: row.range,
      message: `${SECTION_NAMES[row.section]} row ${row.index} is costed over ${row.weeks} weeks a year, but most weekly rows in this plan use ${basis.mode} weeks (the plan mixes ${basis.distinct.join(', ')}). Check the Weeks: if this row really runs ${row.weeks} weeks a year, keep it; otherwise use ${basis.mode} so the annual costs are on the same basis.`,
      data: { section: row.section, index: row.index, weeks: row.weeks, mode: basis.mode },
    });
  },
};
