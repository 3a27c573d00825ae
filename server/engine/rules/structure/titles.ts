import type { SectionLetter } from '../../model.js';

export const SECTION_TITLES: Record<SectionLetter, string> = {
  A: 'Views, interests and aspirations',
  B: 'Special educational needs',
  C: 'Health needs related to SEN',
  D: 'Social care needs',
  E: 'Outcomes',
  F: 'Special educational provision',
  G: 'Health provision',
  H1: 'Social care provision under the Chronically Sick and Disabled Persons Act 1970',
  H2: 'Other social care provision',
  I: 'Placement',
  J: 'Personal budget',
  K: 'Advice and information',
};

/** What an explicit "none" says for the sections that may have none. */
export const NONE_TEXT: Partial<Record<SectionLetter, string>> = {
  C: 'No health needs related to special educational needs have been identified.',
  D: 'No social care needs have been identified.',
  G: 'No health care provision is required.',
  H1: 'No social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 is required.',
  H2: 'No other social care provision is required.',
  J: 'No personal budget has been requested.',
};
