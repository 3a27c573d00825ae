import type { Rule } from '../types.js';

function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)));
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

export const timescaleNextReviewLate: Rule = {
  meta: {
    id: 'timescale-next-review-late',
    category: 'timescales',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: 'The next review is planned within 12 months of the last review or the final plan (6 months for a child under 5, as guidance suggests).',
    basis: 'Children and Families Act 2014 s44 and Code of Practice 9.166 (a plan must be reviewed at least every 12 months); Code of Practice 9.178 (guidance: for under-5s, consider reviews every 3 to 6 months).',
    fixable: false,
  },
  check({ plan, asOf, report }) {
    const { dates, dateOfBirth } = plan.meta;
    const next = dates.nextReview;
    const from = [dates.lastReview, dates.finalIssued].filter((d) => d !== undefined).sort((a, b) => b!.date.getTime() - a!.date.getTime())[0];
    if (!next || !from) return;
    const limit = addMonths(from.date, 12);
    if (next.date > limit) {
      report({
        range: next.range,
        message: `The next review (${next.text}) is more than 12 months after ${from === dates.lastReview ? 'the last review' : 'the final plan'} (${from.text}); it must be held by ${iso(limit)}. Bring the review date forward.`,
      });
      return;
    }
    // Judged on the as-of date, like the other date rules: a child who is under 5 now.
    const underFive = dateOfBirth && addMonths(dateOfBirth.date, 60) > asOf;
    const sixMonths = addMonths(from.date, 6);
    if (underFive && next.date > sixMonths) {
      report({
        range: next.range,
        severity: 'info',
        message: `The child is under 5, and guidance suggests reviewing every 3 to 6 months; the next review (${next.text}) is more than 6 months after ${from.text}. Consider a review by ${iso(sixMonths)}.`,
      });
    }
  },
};
