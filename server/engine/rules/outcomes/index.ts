/**
 * Quality rules for outcomes (Section E), the golden thread (B → E → F/G/H) and statutory timescales.
 * Each rule lives in its own file; its doc page is docs/rules/<id>.md.
 */
import type { Rule } from '../types.js';
import { outcomeNotTimeBound } from './outcome-not-time-bound.js';
import { outcomeNotMeasurable } from './outcome-not-measurable.js';
import { outcomeIsProvision } from './outcome-is-provision.js';
import { outcomeIsAspiration } from './outcome-is-aspiration.js';
import { outcomeCount } from './outcome-count.js';
import { needWithoutOutcome } from './need-without-outcome.js';
import { needWithoutProvision } from './need-without-provision.js';
import { outcomeWithoutProvision } from './outcome-without-provision.js';
import { provisionUnknownOutcome } from './provision-unknown-outcome.js';
import { provisionWithoutOutcome } from './provision-without-outcome.js';
import { timescaleDecisionLate } from './timescale-decision-late.js';
import { timescaleFinalLate } from './timescale-final-late.js';
import { timescaleConsultationShort } from './timescale-consultation-short.js';
import { timescaleReviewOverdue } from './timescale-review-overdue.js';
import { timescalePhaseTransfer } from './timescale-phase-transfer.js';

export const outcomeRules: Rule[] = [
  outcomeNotTimeBound,
  outcomeNotMeasurable,
  outcomeIsProvision,
  outcomeIsAspiration,
  outcomeCount,
  needWithoutOutcome,
  needWithoutProvision,
  outcomeWithoutProvision,
  provisionUnknownOutcome,
  provisionWithoutOutcome,
  timescaleDecisionLate,
  timescaleFinalLate,
  timescaleConsultationShort,
  timescaleReviewOverdue,
  timescalePhaseTransfer,
];
