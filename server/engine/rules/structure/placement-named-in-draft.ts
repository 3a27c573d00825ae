import type { Rule } from '../types.js';

/** Words that name a school, an institution or a type of one. */
const NAMES_A_PLACE = /\b(school|academy|college|nursery|unit|resource base|resourced provision|mainstream|special|independent|pupil referral|alternative provision|institution)\b/i;

const DRAFT_STATUSES = new Set(['draft', 'amendment-proposed']);

export const placementNamedInDraft: Rule = {
  meta: {
    id: 'placement-named-in-draft',
    category: 'structure',
    sections: ['I'],
    defaultSeverity: 'error',
    description: 'A draft plan does not name a school or type of school in Section I.',
    basis: 'Children and Families Act 2014 s38(5): the draft sent to the family must not name a school or other institution or a type of one, so that the family can first express a preference.',
    fixable: true,
  },
  check({ plan, report }) {
    const status = plan.meta.status?.value;
    if (!status || !DRAFT_STATUSES.has(status) || !plan.placement) return;
    if (status === 'amendment-proposed') return; // an amendment may keep the current placement; only a new draft must not name one
    const named = plan.placement.name ?? plan.placement.type ?? plan.placement.otherText.find((span) => NAMES_A_PLACE.test(span.text));
    if (!named) return;
    report({
      range: named.range,
      message: 'A draft plan must not name a school or a type of school in Section I. Remove it and write "Not named in a draft plan."; the placement is named in the final plan after the family has said what they prefer.',
      fix: {
        title: 'Replace with "Not named in a draft plan."',
        edits: [{ startOffset: named.range.start.offset, endOffset: named.range.end.offset, newText: 'Not named in a draft plan.' }],
      },
    });
  },
};
