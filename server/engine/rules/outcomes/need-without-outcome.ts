/**
 * need-without-outcome: an area of need in Section B with no outcome under the same area in Section E.
 * Areas are matched by the recognised area (communication and interaction...), else by the heading text.
 * When Section E is not grouped by the areas of need at all (no sub-headings, or grouped another way such as
 * by preparing-for-adulthood pathway), an outcome named by the need's provision in F counts.
 * Basis: the golden thread (needs → outcomes → provision): SEND Code of Practice 9.61-9.69 and the DfE
 * template's B-E-F grouping by area. Guidance.
 */
import type { Rule } from '../types.js';
import { areaKey, buildThread } from '../../thread.js';

export const needWithoutOutcome: Rule = {
  meta: {
    id: 'need-without-outcome',
    category: 'golden-thread',
    sections: ['B', 'E'],
    defaultSeverity: 'warning',
    description: 'Every area of need in Section B should have at least one outcome under the same area in Section E.',
    basis: 'SEND Code of Practice 9.61-9.69 (golden thread from needs to outcomes)',
    fixable: false,
  },
  check(context) {
    const { plan } = context;
    const sectionsE = plan.sectionsFor('E');
    if (sectionsE.length === 0) return; // a missing Section E is reported once by section-missing
    const needs = buildThread(plan).needs;
    // Is E grouped by the same areas as B? When it is grouped some other way (by preparing-for-adulthood
    // pathway, say) or not at all, an outcome named by the need's provision in F links the need instead.
    const needKeys = new Set(needs.map((n) => n.key));
    const eGroupedByNeed = sectionsE.some((s) => s.areas.some((a) => needKeys.has(areaKey(a))));
    for (const need of needs) {
      if (need.outcomes.length > 0) continue;
      if (!eGroupedByNeed && need.linkedOutcomes.length > 0) continue;
      context.report({
        range: need.need.heading.range,
        message:
          `"${need.need.name}" is a need in Section B but Section E has no outcome for it. ` +
          `Add an outcome under a "${need.need.name}" sub-heading in Section E saying what difference the provision should make for this need.`,
        data: { area: need.key },
      });
    }
  },
};
