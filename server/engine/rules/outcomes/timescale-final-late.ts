/**
 * timescale-final-late: the final EHC plan was (or will be) issued more than 20 weeks after the request,
 * and no exception is recorded.
 * Basis: reg 13(2) SEND Regulations 2014 (final plan within 20 weeks of the request); reg 13(3) with
 * reg 10(4) (exceptions, recorded in `dates.exceptions`); SEND Code of Practice 9.40. A final dated after the
 * last review is an amended plan's date and is not judged against the request.
 */
import type { Rule } from '../types.js';
import { daysBetween, formatDate, plural } from './dates.js';

export const FINAL_LIMIT_DAYS = 140;

export const timescaleFinalLate: Rule = {
  meta: {
    id: 'timescale-final-late',
    category: 'timescales',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: 'The final plan must be issued within 20 weeks (140 days) of the request, unless a reg 10(4) exception applies.',
    basis: 'reg 13(2)-(3) and reg 10(4) SEND Regulations 2014',
    fixable: false,
  },
  check(context) {
    const { meta } = context.plan;
    const request = meta.dates.requestReceived;
    if (!request) return;
    if ((meta.exceptions?.value ?? []).length > 0) return;
    const final = meta.dates.finalIssued;
    // `finalIssued` records the first final plan (the contract's dates follow the assessment), so a late
    // first plan is reported whatever has happened since; a final dated after the last review is an
    // amended plan's date and is not judged against the original request.
    const review = meta.dates.lastReview;
    if (final && review && final.date.getTime() > review.date.getTime()) return;
    if (final) {
      const days = daysBetween(request.date, final.date);
      if (days <= FINAL_LIMIT_DAYS) return;
      context.report({
        range: final.range,
        message:
          `The final plan (${formatDate(final.date)}) was issued ${days} days after the request (${formatDate(request.date)}): ` +
          `${plural(days - FINAL_LIMIT_DAYS, 'day')} over the 20-week limit (140 days). If a reg 10(4) exception applied, record it in dates.exceptions.`,
        data: { days, over: days - FINAL_LIMIT_DAYS },
      });
      return;
    }
    if (meta.status?.value !== 'draft') return;
    const days = daysBetween(request.date, context.asOf);
    if (days <= FINAL_LIMIT_DAYS) return;
    context.report({
      range: request.range,
      message:
        `The plan is still a draft ${days} days after the request (${formatDate(request.date)}) as of ${formatDate(context.asOf)}: ` +
        `${plural(days - FINAL_LIMIT_DAYS, 'day')} over the 20-week limit (140 days) for the final plan. Issue the final plan as soon as possible, ` +
        'or record a reg 10(4) exception in dates.exceptions if one applies.',
      data: { days, over: days - FINAL_LIMIT_DAYS },
    });
  },
};
