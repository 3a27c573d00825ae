import type { Rule } from '../types.js';

/** Therapies that usually educate or train, and so are special educational provision (s21(5)). */
const EDUCATING_THERAPY = /\b(speech and language therap(?:y|ist)|speech(?: and language)? therapy|occupational therap(?:y|ist)|physiotherap(?:y|ist)|communication therapy)\b/i;
/** The abbreviations, matched in capitals only ("salt" and "ot" are also ordinary words). */
const THERAPY_ABBREVIATION = /\b(SaLT|SALT|SLT|OT)\b/;
/** Purposes that make therapy health care rather than education: swallowing, breathing, medical care. */
const MEDICAL_PURPOSE = /\b(dysphagia|swallow\w*|eating and drinking|feeding|chest|respiratory|airway|cystic fibrosis|splint\w*|orthotic\w*|casting|botulinum|post-?operative|surgery|medication|wheelchair|seating assessment|hydrotherapy)\b/i;

export const therapyInHealthSection: Rule = {
  meta: {
    id: 'therapy-in-health-section',
    category: 'provision',
    sections: ['G'],
    defaultSeverity: 'warning',
    description: 'Speech and language therapy, occupational therapy or physiotherapy that educates or trains the child is written in Section F, not G.',
    basis: 'Children and Families Act 2014 s21(5): health care provision that educates or trains is special educational provision; R v Lancashire CC ex p M (1989) on speech therapy; Code of Practice 9.69-9.73. In F the council must secure it (s42).',
    fixable: false,
  },
  check({ plan, report }) {
    for (const item of plan.provision) {
      if (item.section !== 'G') continue;
      const text = item.fields.provision?.text ?? item.text;
      const who = item.fields.who?.text ?? '';
      const match = EDUCATING_THERAPY.exec(`${text} ${who}`) ?? THERAPY_ABBREVIATION.exec(`${text} ${who}`);
      if (!match || MEDICAL_PURPOSE.test(text)) continue;
      report({
        range: item.range,
        message: `This ${match[0]} is in Section G. Therapy that educates or trains the child (building communication, motor or daily-living skills) is special educational provision and belongs in Section F, where the council must secure it. Keep it in G only if it is purely medical, and say so.`,
      });
    }
  },
};
