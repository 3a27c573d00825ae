/** The costing and funding-level rules (issue 4). */
import type { Rule } from '../types.js';
import { costUncostedRow } from './cost-uncosted-row.js';
import { costUnreadableQuantity } from './cost-unreadable-quantity.js';
import { costMixedWeeks } from './cost-mixed-weeks.js';
import { fundingLevelMismatch } from './funding-level-mismatch.js';
import { fundingBeyondScheme } from './funding-beyond-scheme.js';
import { fundingLevelMissing } from './funding-level-missing.js';
import { fundingSchemeUnknown } from './funding-scheme-unknown.js';

export const fundingRules: Rule[] = [
  fundingSchemeUnknown,
  fundingLevelMissing,
  fundingLevelMismatch,
  fundingBeyondScheme,
  costUncostedRow,
  costUnreadableQuantity,
  costMixedWeeks,
];
