/** The provision quality rules (Sections F, G, H1, H2; tables and prose bullets alike). */
import type { Rule } from '../types.js';
import { provisionVaguePhrase } from './vague-phrase.js';
import { provisionHedge } from './hedge.js';
import { provisionMissingFrequency } from './missing-frequency.js';
import { provisionMissingDuration } from './missing-duration.js';
import { provisionMissingDeliverer } from './missing-deliverer.js';
import { provisionMissingGroupSize } from './missing-group-size.js';
import { provisionOpenRange } from './open-range.js';
import { provisionDelegatedDiscretion } from './delegated-discretion.js';
import { provisionUnilateralChange } from './unilateral-change.js';
import { provisionFundingAsProvision } from './funding-as-provision.js';
import { provisionUniversalOffer } from './universal-offer.js';

export const provisionRules: Rule[] = [
  provisionVaguePhrase,
  provisionHedge,
  provisionMissingFrequency,
  provisionMissingDuration,
  provisionMissingDeliverer,
  provisionMissingGroupSize,
  provisionOpenRange,
  provisionDelegatedDiscretion,
  provisionUnilateralChange,
  provisionFundingAsProvision,
  provisionUniversalOffer,
];
