/**
 * timescale-decision-late: the decision whether to carry out an EHC needs assessment was (or is being)
 * made more than 6 weeks after the request.
 * Basis: reg 5(3) SEND Regulations 2014 (the decision must be notified within 6 weeks of the request);
 * SEND Code of Practice 9.14. Exceptions: reg 5(4).
 */
import type { Rule } from '../types.js';
import { daysBetween, formatDate, plural } from './dates.js';

export const DECISION_LIMIT_DAYS = 42;

export const timescaleDecisionLate: Rule = {
  meta: {
    id: 'timescale-decision-late',
    category: 'timescales',
    sections: ['front-matter'],
    defaultSeverity: 'warning',
    description: 'The decision whether to assess must be made within 6 weeks (42 days) of the request.',
    basis: 'reg 5(3) SEND Regulations 2014; SEND Code of Practice 9.14',
    fixable: false,
  },
  check(context) {
    const { dates } = context.plan.meta;
    const request = dates.requestReceived;
    if (!request) return;
    const decision = dates.decisionToAssess;
    if (decision) {
      const days = daysBetween(request.date, decision.date);
      if (days <= DECISION_LIMIT_DAYS) return;
      context.report({
        range: decision.range,
        message:
          `The decision to assess (${formatDate(decision.date)}) was made ${days} days after the request (${formatDate(request.date)}): ` +
          `${plural(days - DECISION_LIMIT_DAYS, 'day')} over the 6-week limit (42 days). Record the reason for the delay; if a reg 5(4) exception applied, say so.`,
        data: { days, over: days - DECISION_LIMIT_DAYS },
      });
      return;
    }
    // No decision date. A draft, final or review shows a decision was made (just not recorded): nothing to judge.
    if (dates.draftIssued || dates.finalIssued || dates.lastReview) return;
    const days = daysBetween(request.date, context.asOf);
    if (days <= DECISION_LIMIT_DAYS) return;
    context.report({
      range: request.range,
      message:
        `No decision to assess is recorded and ${days} days have passed since the request (${formatDate(request.date)}) as of ${formatDate(context.asOf)}: ` +
        `${plural(days - DECISION_LIMIT_DAYS, 'day')} over the 6-week limit (42 days). Record the decision date (dates.decisionToAssess), or make the decision now.`,
      data: { days, over: days - DECISION_LIMIT_DAYS },
    });
  },
};
