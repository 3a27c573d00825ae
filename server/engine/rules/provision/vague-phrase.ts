import { lexiconRule, stubFix } from './lexicon-rule.js';
import { judgeDeliverer, zoneText, zonesFor, type ItemView } from './shared.js';
import type { LexiconMatch } from '../../lexicon/index.js';

/**
 * "A named adult in lessons who re-explains each task" is a description when the Who cell (or the sentence)
 * names the role; deliverer words are vague only where they stand in for the role.
 */
function keepDelivererWord(view: ItemView, match: LexiconMatch): boolean {
  if (match.entry.category !== 'deliverer') return true;
  const { zones, fromCells } = zonesFor(view, ['who']);
  const inWho = fromCells && zones.some((z) => match.start >= z.start && match.start < z.start + z.text.length);
  return inWho || !judgeDeliverer(zoneText(zones), true).ok;
}

export const provisionVaguePhrase = lexiconRule({
  meta: {
    id: 'provision-vague-phrase',
    category: 'provision',
    sections: ['F', 'G', 'H1', 'H2'],
    defaultSeverity: 'error',
    description: 'Provision does not use wording that leaves room for doubt ("access to", "as required", "where possible", "such as", "is available", "monitor"...).',
    basis: 'SEND Code of Practice 9.69 (provision detailed and specific); L v Clarke and Somerset CC [1998] ELR 129 (no room for doubt); Worcestershire CC v SE [2020] UKUT 217 (AAC) ("support", "opportunities" and the like are unlikely to be enough).',
    fixable: true,
  },
  categories: ['vague', 'example-list', 'generic-noun', 'frequency-word', 'group-size', 'deliverer'],
  policy: 'setting',
  headline: (phrases, item) => `Vague wording in Section ${item.section} provision: ${phrases}.`,
  fix: stubFix,
  keep: keepDelivererWord,
});
