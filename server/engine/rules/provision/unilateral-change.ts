import { lexiconRule } from './lexicon-rule.js';

export const provisionUnilateralChange = lexiconRule({
  meta: {
    id: 'provision-unilateral-change',
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Provision cannot be changed outside a review ("subject to review", "may be reduced following review", "until no longer needed").',
    basis: 'E v Rotherham MBC [2002] ELR 266 (a plan cannot let provision be changed without review and the right of appeal); SEND Regulations 2014 regs 18-22 (reviews and amendments).',
    fixable: false,
  },
  categories: ['unilateral-change'],
  policy: 'any-setting',
  headline: (phrases, item) => `Section ${item.section} provision can be changed without a review: ${phrases}.`,
});
