import { lexiconRule } from './lexicon-rule.js';

export const provisionOpenRange = lexiconRule({
  meta: {
    id: 'provision-open-range',
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Amounts of provision are fixed, not ceilings, ranges or approximations ("up to 10 sessions", "2–3 times a week", "approximately 30 minutes").',
    basis: 'SEND Code of Practice 9.69 (provision normally quantified); L v Clarke and Somerset CC [1998] ELR 129 (no room for doubt); East Sussex CC v TW [2016] UKUT 528 (AAC).',
    fixable: false,
  },
  categories: ['open-range'],
  policy: 'setting',
  headline: (phrases, item) => `Section ${item.section} provision gives a ceiling or a range instead of an amount: ${phrases}.`,
});
