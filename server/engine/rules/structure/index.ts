import type { Rule } from '../types.js';
import { frontMatterValid } from './front-matter-valid.js';
import { frontMatterIncomplete } from './front-matter-incomplete.js';
import { sectionMissing } from './section-missing.js';
import { sectionDuplicate } from './section-duplicate.js';
import { sectionHNotSplit } from './section-h-not-split.js';
import { sectionEmpty } from './section-empty.js';
import { placementNamedInDraft } from './placement-named-in-draft.js';
import { placementMissingInFinal } from './placement-missing-in-final.js';
import { adviceMissing } from './advice-missing.js';
import { pfaOutcomeMissing } from './pfa-outcome-missing.js';
import { areaOfNeedUnrecognised } from './area-of-need-unrecognised.js';
import { outcomeIdDuplicate } from './outcome-id-duplicate.js';
import { suppressionReasonMissing } from './suppression-reason-missing.js';

export const structureRules: Rule[] = [
  frontMatterValid,
  frontMatterIncomplete,
  sectionMissing,
  sectionDuplicate,
  sectionHNotSplit,
  sectionEmpty,
  placementNamedInDraft,
  placementMissingInFinal,
  adviceMissing,
  pfaOutcomeMissing,
  areaOfNeedUnrecognised,
  outcomeIdDuplicate,
  suppressionReasonMissing,
];
