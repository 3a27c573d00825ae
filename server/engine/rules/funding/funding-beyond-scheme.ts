import type { Rule } from '../types.js';
import { costingOf, describeTopUp, formatPence, fundingOrFrontMatter, uncostedNote } from './shared.js';

export const fundingBeyondScheme: Rule = {
  meta: {
    id: 'funding-beyond-scheme',
    category: 'funding',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: 'The costed top-up is within the scheme: not above the top of its highest level.',
    basis: 'The council\'s funding scheme (contract section 8). Above its top level no level pays for the provision, so the funding must be agreed outside the scheme; the provision itself still has to be secured in full (Children and Families Act 2014 s42).',
    fixable: false,
  },
  check({ plan, config, report }) {
    const outcome = costingOf(plan, config);
    if (outcome.status !== 'costed' || outcome.costing.levelStatus !== 'beyond') return;
    const { costing, scheme } = outcome;
    const top = costing.topLevel;
    const range = plan.meta.fundingLevel?.valueRange ?? plan.meta.fundingScheme?.valueRange ?? fundingOrFrontMatter(plan);
    report({
      range,
      message: `${describeTopUp(costing)} a year, above the top of the scheme \`${scheme.id}\` (${top.id}, up to ${formatPence(top.maxPence)}). No level of the scheme covers it: agree the funding outside the scheme (for example at the council's exceptional-needs panel) and record it. The provision must still be secured in full.${uncostedNote(costing)}`,
      data: { topUpPence: costing.topUpPence, topLevel: top.id, topMaxPence: top.maxPence, scheme: scheme.id },
    });
  },
};
