import type { Section } from '../../model.js';
import { anySentenceSaysNone } from '../../parse/sections.js';
import type { Rule } from '../types.js';
import { sectionSource } from '../util.js';

/** True when a section sets something out (it is neither empty nor an explicit "none"). */
export const hasContent = (section: Section | undefined): boolean => section !== undefined && !section.empty && !section.explicitNone;
/**
 * True when a needs section (C or D) sets out needs that call for provision: it has content and does not
 * conclude that there are none ("Maya had glue ear; there are no current health needs.").
 */
export function setsOutNeeds(plan: { text: string }, section: Section | undefined): boolean {
  if (!hasContent(section)) return false;
  const text = sectionSource(plan, section!);
  return !anySentenceSaysNone(text.replace(/\s+/g, ' '));
}

/** True when a section says explicitly that there is nothing. */
export const saysNone = (section: Section | undefined): boolean => section !== undefined && section.explicitNone;

const REASON = /\b(because|as|since|managed|met by|provided by|declined|offered|reviewed|in place|under the care|through)\b|:\s*\S/i;

/** A bare "none": says there is nothing and gives no reason (an explained "none" is a decision on record). */
export function bareNone(plan: { text: string }, section: Section | undefined): boolean {
  if (!saysNone(section)) return false;
  const text = sectionSource(plan, section!);
  const sentences = text.split(/(?<=[.!?])\s+/).filter((x) => x.trim() !== '');
  return sentences.length <= 1 && !REASON.test(text.replace(/^[^:]*\b(?:section|act|1970)\b[^:]*$/i, ''));
}

export const healthNeedsWithoutProvision: Rule = {
  meta: {
    id: 'health-needs-without-provision',
    category: 'golden-thread',
    sections: ['C', 'G'],
    defaultSeverity: 'warning',
    description: 'When Section C sets out health needs, Section G does not simply say there is no health provision.',
    basis: 'SEND Regulations 2014 reg 12(1)(g): the plan specifies the health care provision reasonably required by the learning difficulties and disabilities; Code of Practice 9.69 (provision in G should be clearly linked to the needs in C).',
    fixable: false,
  },
  check({ plan, report }) {
    const c = plan.sectionsFor('C')[0];
    const g = plan.sectionsFor('G')[0];
    if (!setsOutNeeds(plan, c) || !bareNone(plan, g)) return;
    report({
      range: g!.heading.range,
      message: 'Section C sets out health needs, but Section G says no health provision is needed. Specify the health provision those needs require (service, professional, how often, how long), or explain in G why none is required.',
    });
  },
};
