import type { Rule } from '../types.js';
import { costingOf, fundingOrFrontMatter } from './shared.js';

export const fundingSchemeUnknown: Rule = {
  meta: {
    id: 'funding-scheme-unknown',
    category: 'funding',
    sections: ['front-matter'],
    defaultSeverity: 'error',
    description: 'The funding scheme the plan names exists and is valid: a bundled or configured scheme id, or a readable scheme file.',
    basis: 'Contract section 8: costing and the level check need the council\'s scheme; a misspelt id or a broken scheme file would otherwise silently switch the checks off.',
    fixable: false,
  },
  check({ plan, config, report }) {
    const schemeField = plan.meta.fundingScheme;
    if (!schemeField) {
      if (plan.meta.fundingLevel) {
        report({
          range: fundingOrFrontMatter(plan),
          message: `The plan declares funding level ${plan.meta.fundingLevel.value} but not the scheme it belongs to. Add \`scheme:\` under \`funding\` (a scheme id such as \`example-incremental\`, or a path to the council's scheme file).`,
        });
      }
      return;
    }
    const outcome = costingOf(plan, config);
    if (outcome.status !== 'scheme-error') return;
    report({
      range: schemeField.valueRange,
      message: `${outcome.problem} Until it is found, the provision cannot be costed and the funding level cannot be checked.`,
      data: { scheme: outcome.ref },
    });
  },
};
