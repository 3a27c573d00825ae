import type { Rule } from '../types.js';
import { levelById } from '../../costing/schemes.js';
import { costingOf, describeTopUp, formatPence, uncostedNote } from './shared.js';

export const fundingLevelMismatch: Rule = {
  meta: {
    id: 'funding-level-mismatch',
    category: 'funding',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: 'The funding level declared in the front matter is the level the costed Section F provision maps to under the plan\'s scheme.',
    basis: 'The council\'s funding scheme (contract section 8): the top-up is the costed education provision less the school contribution for the setting (DfE high needs operational guide; CB v Birmingham CC [2018] UKUT 13 (AAC) on the notional £6,000), and the level is what the top-up maps to.',
    fixable: true,
  },
  check({ plan, config, report }) {
    const declared = plan.meta.fundingLevel;
    if (!declared) return;
    const outcome = costingOf(plan, config);
    if (outcome.status !== 'costed') return;
    const { costing, scheme } = outcome;
    if (costing.levelStatus === 'unknown-setting' || costing.levelStatus === 'beyond') return;
    const note = uncostedNote(costing);
    const known = levelById(scheme, declared.value);
    const declaredText = known ? `funding level ${known.id}` : `funding level ${declared.value}, which is not a level of the scheme \`${scheme.id}\``;
    if (costing.levelStatus === 'below') {
      const bottom = scheme.levels[0]!;
      report({
        range: declared.valueRange,
        message: `The plan declares ${declaredText}, but ${describeTopUp(costing)}, below the scheme's first level ${bottom.id} (from ${formatPence(bottom.minPence)}): no level applies.${note} Remove the level, or check the provision.`,
        data: { declared: declared.value, computed: null, topUpPence: costing.topUpPence, scheme: scheme.id },
      });
      return;
    }
    const level = costing.level!;
    if (known && known.id === level.id) return;
    const fix = note
      ? undefined
      : {
          title: `Set the funding level to ${level.id}`,
          edits: [{ startOffset: declared.valueRange.start.offset, endOffset: declared.valueRange.end.offset, newText: level.id }],
        };
    report({
      range: declared.valueRange,
      message: `The plan declares ${declaredText}, but the costed provision maps to ${level.id} (${level.label}, ${formatPence(level.amountPence)}) under \`${scheme.id}\`: ${describeTopUp(costing)}.${note} Set the level to ${level.id}, or correct the provision if it is wrong.`,
      fix,
      data: { declared: declared.value, computed: level.id, topUpPence: costing.topUpPence, totalPence: costing.totals.bySection.F.annualPence, scheme: scheme.id },
    });
  },
};
