/** What the law requires of each section: shown on hover over a section heading. */
import type { SectionLetter } from '../../engine/index.js';

export const SECTION_LAW: Record<SectionLetter, string> = {
  A: 'The views, interests and aspirations of the child and their parents, or of the young person. Make clear who is speaking; aspirations belong here, not in Section E. Nothing written here is enforceable provision. Basis: SEND Regulations 2014 reg 12(1)(a); Code of Practice 9.69.',
  B: 'Every special educational need identified in the assessment, grouped by area of need, with strengths and current attainment. Each need must have matching provision in Section F. Basis: reg 12(1)(b); R v Secretary of State ex p E [1992]; Code of Practice 9.69. Appealable to the Tribunal.',
  C: 'Health care needs that relate to the special educational needs. If there are none, say so explicitly. Basis: reg 12(1)(c); Code of Practice 9.69.',
  D: 'Social care needs that relate to the special educational needs or disability. If there are none, say so explicitly. Basis: reg 12(1)(d); Code of Practice 9.69.',
  E: 'The outcomes sought: SMART (specific, measurable, achievable, relevant, time-bound), personal to the child, not from a service point of view, and not aspirations. From Year 9, include outcomes for preparing for adulthood. Basis: reg 12(1)(e), 12(3); Code of Practice 9.64-9.66.',
  F: 'The special educational provision: detailed, specific and normally quantified (what, who with what training, ratio, how often, how long), for each and every need in B. It is the enforceable core of the plan: the council must secure it. Basis: reg 12(1)(f); Children and Families Act 2014 s42; Code of Practice 9.69; L v Clarke & Somerset [1998]. Appealable to the Tribunal.',
  G: 'Health care provision reasonably required by the learning difficulties or disabilities, agreed by the health commissioner (ICB), as specific as Section F. Therapy that educates or trains belongs in F. Basis: reg 12(1)(g), 12(2); Children and Families Act 2014 s21(5), s42(3).',
  H1: 'Social care provision that must be made under section 2 of the Chronically Sick and Disabled Persons Act 1970 (for under-18s): practical help at home, travel, adaptations, recreation. Basis: reg 12(1)(h)(i).',
  H2: 'Any other social care provision reasonably required, including adult social care for those 18 and over. Basis: reg 12(1)(h)(ii).',
  I: 'The name and type of the school or other institution (type only where none is named). A draft plan must leave this blank. Basis: reg 12(1)(i); Children and Families Act 2014 s38(5); R(M) v East Sussex [2009]. Appealable to the Tribunal.',
  J: 'Where provision is secured by a direct payment: the needs and outcomes it meets and the arrangements; otherwise details of any personal budget, or that none was requested. Basis: reg 12(1)(j); s49 Children and Families Act 2014; Code of Practice 9.95-9.124.',
  K: 'The advice and information gathered during the assessment, listed and attached: parents or young person, educational, medical, psychological (educational psychologist), social care, and from Year 9 preparing for adulthood. Basis: reg 6(1); Code of Practice 9.62.',
};
