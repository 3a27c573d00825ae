/**
 * timescale-review-overdue: more than 12 months since the last review (or, with none, since the final plan
 * was issued), as of the lint date. For a child under 5, an info once more than 6 months have passed.
 * "12 months" is the same day a year later; from 29 February it is 28 February (overdue from 1 March).
 * Basis: s44(1) Children and Families Act 2014 (review within 12 months of the plan being made and then
 * within 12 months of each review); SEND Code of Practice 9.166; 9.178 (for children under 5, the LA should consider reviewing every
 * 3-6 months: guidance).
 */
import type { Rule } from '../types.js';
import type { Severity } from '../../model.js';
import { addMonths, addYears, daysBetween, formatDate } from './dates.js';

function milder(a: Severity, b: Severity): Severity {
  const order: Severity[] = ['info', 'warning', 'error'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))] ?? 'info';
}

export const timescaleReviewOverdue: Rule = {
  meta: {
    id: 'timescale-review-overdue',
    category: 'timescales',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: 'A plan must be reviewed at least every 12 months (for under-5s, guidance suggests every 3-6 months).',
    basis: 's44 CFA 2014; SEND Code of Practice 9.166 and 9.178 (under-5s, guidance)',
    fixable: false,
  },
  check(context) {
    const { meta } = context.plan;
    const status = meta.status?.value;
    if (status === 'draft' || status === 'ceased') return;
    const base = meta.dates.lastReview ?? meta.dates.finalIssued;
    if (!base) return;
    const what = meta.dates.lastReview ? 'last review' : 'final plan';
    const asOf = context.asOf;
    const due = addMonths(base.date, 12);
    if (asOf.getTime() > due.getTime()) {
      const over = daysBetween(due, asOf);
      context.report({
        range: base.range,
        message:
          `The review is overdue: the ${what} was on ${formatDate(base.date)}, so the next review was due by ${formatDate(due)}; ` +
          `as of ${formatDate(asOf)} that is ${over} day${over === 1 ? '' : 's'} late. A plan must be reviewed at least every 12 months: hold the review and record it in dates.lastReview.`,
        data: { over, due: due.toISOString().slice(0, 10) },
      });
      return;
    }
    const dob = meta.dateOfBirth?.date;
    if (!dob || asOf.getTime() >= addYears(dob, 5).getTime()) return;
    const sixMonths = addMonths(base.date, 6);
    if (asOf.getTime() <= sixMonths.getTime()) return;
    const over = daysBetween(sixMonths, asOf);
    context.report({
      range: base.range,
      severity: milder(context.severity, 'info'),
      message:
        `The child is under 5 and the ${what} was on ${formatDate(base.date)}, more than 6 months ago as of ${formatDate(asOf)} ` +
        `(${over} day${over === 1 ? '' : 's'} past ${formatDate(sixMonths)}). For children under 5 the Code of Practice (9.178) advises considering a review every 3 to 6 months.`,
      data: { over, due: sixMonths.toISOString().slice(0, 10), underFive: true },
    });
  },
};
