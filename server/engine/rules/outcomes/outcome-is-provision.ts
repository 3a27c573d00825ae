/**
 * outcome-is-provision: an "outcome" that describes provision ("will receive", "will have access to",
 * "will be supported by") or is written from a service's point of view (staff, the school or a therapist as
 * the subject) instead of the difference made for the child or young person.
 * Basis: SEND Code of Practice 9.66 (an outcome is the benefit or difference made to the individual; it is
 * personal and not expressed from a service perspective). Guidance.
 */
import type { Rule } from '../types.js';
import { findProvisionWording } from './language.js';
import { childName, readOutcome } from './outcome-context.js';

export const outcomeIsProvision: Rule = {
  meta: {
    id: 'outcome-is-provision',
    category: 'outcomes',
    sections: ['E'],
    defaultSeverity: 'warning',
    description: 'An outcome must describe what the child or young person will achieve, not the support they will receive or what staff will do.',
    basis: 'SEND Code of Practice 9.66 (outcomes are personal, not from a service perspective)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    const name = childName(plan);
    for (const outcome of plan.outcomes) {
      const { text } = readOutcome(plan, outcome);
      const found = findProvisionWording(text);
      if (!found) continue;
      const what =
        found.label === 'staff as the subject' || found.label === 'a service action'
          ? `is written from a service's point of view ("${found.text}")`
          : `describes provision ("${found.text}")`;
      context.report({
        range: outcome.range,
        message:
          `Outcome ${outcome.id} ${what} rather than the difference it should make for ${name}. ` +
          `Put the support in Section F (or G, H1, H2) and write the outcome with ${name} as the subject: what ${name} will be able to do, and by when.`,
        data: { outcomeId: outcome.id, phrase: found.text },
      });
    }
  },
};
