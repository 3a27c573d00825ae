import { lexiconRule } from './lexicon-rule.js';

export const provisionDelegatedDiscretion = lexiconRule({
  meta: {
    id: 'provision-delegated-discretion',
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'The plan decides the provision itself and does not leave it to the school, the SENCO or a professional ("as determined by the school", "at the discretion of").',
    basis: 'C v SENT and LB Greenwich [1999] ELR 5 (the local authority cannot delegate its decision to the school); DM v Cornwall CC [2022] UKUT 230 (AAC); s42 Children and Families Act 2014.',
    fixable: false,
  },
  categories: ['delegated-discretion'],
  policy: 'any-setting',
  headline: (phrases, item) => `Section ${item.section} provision leaves the decision to someone else: ${phrases}.`,
});
