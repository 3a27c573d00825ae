import { lexiconRule } from './lexicon-rule.js';

export const provisionFundingAsProvision = lexiconRule({
  meta: {
    id: 'provision-funding-as-provision',
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Provision is described as what the child receives, not as money, a funding band or funded hours ("Band 3", "£6,000 to support", "15 funded hours").',
    basis: 'R v Cumbria CC ex p P [1994] ELR 337 (a sum of money or a funding band is not specified provision); SEND Code of Practice 9.69.',
    fixable: false,
  },
  categories: ['funding'],
  policy: 'any-setting',
  headline: (phrases, item) => `Money written into Section ${item.section} provision: ${phrases}.`,
});
