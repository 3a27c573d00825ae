/** Rules that compare sections with each other or with the front matter (beyond the B → E → F thread). */
import type { Rule } from '../types.js';
import { provisionWithoutNeed } from './provision-without-need.js';
import { healthNeedsWithoutProvision } from './health-needs-without-provision.js';
import { socialCareNeedsWithoutProvision } from './social-care-needs-without-provision.js';
import { h1Over18 } from './h1-over-18.js';
import { therapyInHealthSection } from './therapy-in-health-section.js';
import { personalBudgetInconsistent } from './personal-budget-inconsistent.js';
import { adviceDateMissing } from './advice-date-missing.js';
import { timescaleNextReviewLate } from './timescale-next-review-late.js';

export const crossSectionRules: Rule[] = [
  provisionWithoutNeed,
  healthNeedsWithoutProvision,
  socialCareNeedsWithoutProvision,
  h1Over18,
  therapyInHealthSection,
  personalBudgetInconsistent,
  adviceDateMissing,
  timescaleNextReviewLate,
];
