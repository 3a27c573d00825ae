import type { Outcome } from '../../model.js';
import type { Rule } from '../types.js';

export const outcomeIdDuplicate: Rule = {
  meta: {
    id: 'outcome-id-duplicate',
    category: 'structure',
    sections: ['E'],
    defaultSeverity: 'error',
    description: 'Each outcome id (E1, E2, ...) is used once.',
    basis: 'The EHCP Markdown format, section 5: provision names the outcomes it serves by id, so a repeated id makes the golden thread ambiguous (Code of Practice 9.69: it must be clear how provision supports outcomes).',
    fixable: false,
  },
  check({ plan, report }) {
    const seen = new Map<string, Outcome>();
    for (const outcome of plan.outcomes) {
      const first = seen.get(outcome.id);
      if (!first) {
        seen.set(outcome.id, outcome);
        continue;
      }
      report({
        range: outcome.idRange,
        message: `Outcome id ${outcome.id} is already used at line ${first.idRange.start.line}. Give this outcome its own number and update the provision that refers to it.`,
      });
    }
  },
};
