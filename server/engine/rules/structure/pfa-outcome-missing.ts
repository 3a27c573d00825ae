import type { Rule } from '../types.js';
import { sectionOrFile } from '../util.js';

export const pfaOutcomeMissing: Rule = {
  meta: {
    id: 'pfa-outcome-missing',
    category: 'structure',
    sections: ['E'],
    defaultSeverity: 'error',
    description: 'From Year 9, at least one outcome is tagged with a preparing-for-adulthood pathway, e.g. (PfA: Employment).',
    basis: 'SEND Regulations 2014 reg 12(3): from Year 9 the plan must include provision to help prepare for adulthood and independent living; Code of Practice 8.9-8.12 and 9.63; reviews from Year 9 must consider it (regs 20(6), 21(6)).',
    fixable: false,
  },
  check({ plan, report }) {
    const year = plan.meta.yearGroup?.value;
    if (year === undefined || year < 9) return;
    if (plan.sectionsFor('E').length === 0) return;
    if (plan.outcomes.some((o) => o.pfa !== null || o.area?.id === 'preparing-for-adulthood')) return;
    report({
      range: sectionOrFile(plan, 'E'),
      message: `This young person is in Year ${year}, so the plan must prepare for adulthood. Add at least one outcome tagged with its pathway, e.g. "(PfA: Employment)", "(PfA: Independent living)", "(PfA: Community participation)" or "(PfA: Health)".`,
    });
  },
};
