/**
 * timescale-consultation-short: the final plan was issued less than 15 days after the draft, so the
 * parent or young person did not have the full period to comment and ask for a school.
 * Basis: reg 13(1) SEND Regulations 2014 (at least 15 days to make representations on the draft); for an
 * amended plan reg 22(2)(c).
 */
import type { Rule } from '../types.js';
import { daysBetween, formatDate } from './dates.js';

export const CONSULTATION_MIN_DAYS = 15;

export const timescaleConsultationShort: Rule = {
  meta: {
    id: 'timescale-consultation-short',
    category: 'timescales',
    sections: ['front-matter'],
    defaultSeverity: 'error',
    description: 'The final plan must not be issued until at least 15 days after the draft was sent.',
    basis: 'reg 13(1) SEND Regulations 2014 (reg 22(2)(c) for amendments)',
    fixable: false,
  },
  check(context) {
    const { dates } = context.plan.meta;
    const draft = dates.draftIssued;
    const final = dates.finalIssued;
    if (!draft || !final) return;
    const days = daysBetween(draft.date, final.date);
    if (days >= CONSULTATION_MIN_DAYS) return;
    const message =
      days < 0
        ? `The final plan (${formatDate(final.date)}) is dated before the draft (${formatDate(draft.date)}). Check both dates: ` +
          'the final can only be issued at least 15 days after the draft was sent.'
        : `The final plan (${formatDate(final.date)}) was issued ${days} day${days === 1 ? '' : 's'} after the draft (${formatDate(draft.date)}): ` +
          `${CONSULTATION_MIN_DAYS - days} day${CONSULTATION_MIN_DAYS - days === 1 ? '' : 's'} short of the 15 days the parent or young person must have to comment. ` +
          'Unless they agreed to finalise early, the consultation has to run its full 15 days.';
    context.report({ range: final.range, message, data: { days, short: CONSULTATION_MIN_DAYS - days } });
  },
};
