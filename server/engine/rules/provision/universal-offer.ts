import { lexiconRule } from './lexicon-rule.js';

export const provisionUniversalOffer = lexiconRule({
  meta: {
    id: 'provision-universal-offer',
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Provision sets out what is additional to or different from what every pupil gets, not the universal offer ("quality first teaching", "differentiated curriculum", "ordinarily available provision").',
    basis: 's21 Children and Families Act 2014 (special educational provision is additional to or different from what is generally made for others of the same age); SEND Code of Practice 9.69.',
    fixable: false,
  },
  categories: ['universal-offer'],
  policy: 'setting',
  headline: (phrases, item) => `The universal offer written as Section ${item.section} provision: ${phrases}.`,
});
