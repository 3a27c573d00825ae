/**
 * timescale-phase-transfer: a plan for a child moving between phases of education must be reviewed and
 * finalised (with the new school named) by 15 February of the year of the move, or 31 March for a move
 * from secondary school to a post-16 institution; for a move between post-16 institutions, at least 5
 * months before the move.
 * Basis: reg 18 SEND Regulations 2014; SEND Code of Practice 9.179.
 */
import type { Rule } from '../types.js';
import type { DateField, PlanMeta } from '../../model.js';
import { addMonths, daysBetween, formatDate, plural, utcDate } from './dates.js';

export type TransferKind = 'phase' | 'secondary-to-post-16' | 'post-16';

/** Which reg 18 deadline applies: from the year group when known, else the phase. */
export function transferKind(meta: PlanMeta): TransferKind {
  const year = meta.yearGroup?.value;
  const phase = meta.phase?.value;
  if (year !== undefined) {
    if (year === 11) return 'secondary-to-post-16';
    if (year >= 12) return 'post-16';
    return 'phase';
  }
  if (phase === 'secondary') return 'secondary-to-post-16';
  if (phase === 'post-16') return 'post-16';
  return 'phase';
}

/** The date by which the plan must be finalised for a transfer on `transfer`. */
export function transferDeadline(transfer: Date, kind: TransferKind): Date {
  const y = transfer.getUTCFullYear();
  if (kind === 'secondary-to-post-16') return utcDate(y, 3, 31);
  if (kind === 'post-16') return addMonths(transfer, -5);
  return utcDate(y, 2, 15);
}

function describe(kind: TransferKind, deadline: Date): string {
  if (kind === 'post-16') return `${formatDate(deadline)} (5 months before a move between post-16 institutions)`;
  if (kind === 'secondary-to-post-16') return `31 March ${deadline.getUTCFullYear()} (the deadline for a move from secondary school to post-16)`;
  return `15 February ${deadline.getUTCFullYear()} (the deadline for a move between phases)`;
}

export const timescalePhaseTransfer: Rule = {
  meta: {
    id: 'timescale-phase-transfer',
    category: 'timescales',
    sections: ['front-matter'],
    defaultSeverity: 'error',
    description: 'For a phase transfer the plan must be reviewed and finalised by 15 February of the year of transfer (31 March from secondary to post-16).',
    basis: 'reg 18 SEND Regulations 2014; SEND Code of Practice 9.179',
    fixable: false,
  },
  check(context) {
    const { meta } = context.plan;
    const transfer = meta.dates.phaseTransfer;
    if (!transfer) return;
    if (meta.status?.value === 'ceased') return;
    const kind = transferKind(meta);
    const deadline = transferDeadline(transfer.date, kind);
    // The review/final for this transfer: dated in the school year of the move (from 1 September of the
    // year before; 12 months before the deadline for a post-16 move) up to the move itself. An earlier
    // date is the previous annual review; a later one is a review in the new phase.
    const windowStart = kind === 'post-16' ? addMonths(deadline, -12) : utcDate(deadline.getUTCFullYear() - 1, 9, 1);
    const candidates: DateField[] = [meta.dates.finalIssued, meta.dates.lastReview].filter(
      (d): d is DateField => d !== undefined && d.date.getTime() >= windowStart.getTime() && d.date.getTime() <= transfer.date.getTime(),
    );
    const latest = candidates.sort((a, b) => b.date.getTime() - a.date.getTime())[0];
    if (latest) {
      if (latest.date.getTime() <= deadline.getTime()) return;
      const over = daysBetween(deadline, latest.date);
      const which = latest === meta.dates.lastReview ? 'reviewed' : 'finalised';
      context.report({
        range: transfer.range,
        message:
          `For the move on ${formatDate(transfer.date)} the plan had to be reviewed and finalised by ${describe(kind, deadline)}, ` +
          `but it was ${which} on ${formatDate(latest.date)}: ${over} day${over === 1 ? '' : 's'} late. ` +
          'Plan phase-transfer reviews early enough for the amended plan, naming the new school or college, to be issued by the deadline.',
        data: { over, deadline: deadline.toISOString().slice(0, 10) },
      });
      return;
    }
    if (context.asOf.getTime() <= deadline.getTime()) return;
    const over = daysBetween(deadline, context.asOf);
    const stillDraft = meta.status?.value === 'draft' && !meta.dates.finalIssued;
    context.report({
      range: transfer.range,
      message:
        `For the move on ${formatDate(transfer.date)} the plan had to be reviewed and finalised by ${describe(kind, deadline)}. ` +
        (stillDraft
          ? `As of ${formatDate(context.asOf)} it is still a draft, ${plural(over, 'day')} after the deadline. Finalise the plan, naming the school or college for the move, as soon as possible.`
          : `No review or final plan for the transfer is recorded, and as of ${formatDate(context.asOf)} the deadline passed ${plural(over, 'day')} ago. ` +
            'Record the review (dates.lastReview) and the date the amended plan was issued, or complete them now.'),
      data: { over, deadline: deadline.toISOString().slice(0, 10) },
    });
  },
};
