/**
 * The shape shared by the provision rules that report lexicon phrases (vague wording, hedges, open
 * ranges, delegated decisions, unilateral change, money as provision, the universal offer): one finding
 * per provision item, on the first offending phrase, naming every phrase found.
 */
import type { Fix, Plan, ProvisionItem } from '../../model.js';
import type { LexiconCategory, LexiconMatch } from '../../lexicon/index.js';
import type { Rule, RuleMeta } from '../types.js';
import { explain, matchesOf, provisionItems, quoteAll, rangeAt, severityFor, viewOf, type ItemView } from './shared.js';

export interface LexiconRuleSpec {
  meta: RuleMeta;
  categories: LexiconCategory[];
  policy: 'setting' | 'any-setting';
  /** First sentence of the message; `phrases` is the quoted list. */
  headline: (phrases: string, item: ProvisionItem, plan: Plan) => string;
  fix?: (view: ItemView, matches: LexiconMatch[]) => Fix | undefined;
  /** Drops matches that are not defects in this item's context. */
  keep?: (view: ItemView, match: LexiconMatch) => boolean;
}

export function lexiconRule(spec: LexiconRuleSpec): Rule {
  return {
    meta: spec.meta,
    check(context) {
      const { plan } = context;
      for (const item of provisionItems(plan)) {
        const view = viewOf(context, item);
        const matches = matchesOf(view, ...spec.categories).filter((m) => spec.keep?.(view, m) ?? true);
        const first = matches[0];
        if (!first) continue;
        const fix = spec.fix?.(view, matches);
        context.report({
          range: rangeAt(plan, first.start, first.end),
          severity: severityFor(context, spec.meta.id, item, spec.policy),
          message: `${spec.headline(quoteAll(matches), item, plan)} ${explain(plan, matches)}`,
          ...(fix ? { fix } : {}),
          data: { phrase: first.text.trim(), entry: first.entry.id, count: matches.length },
        });
      }
    },
  };
}

/** A fix replacing the first phrase with its entry's placeholder stub ("" deletes it); none when the entry has no stub. */
export function stubFix(_view: ItemView, matches: LexiconMatch[]): Fix | undefined {
  const first = matches[0];
  if (!first || first.entry.stub === undefined) return undefined;
  const phrase = first.text.trim();
  return {
    title: first.entry.stub === '' ? `Delete "${phrase}"` : `Replace "${phrase}" with placeholders to fill in`,
    edits: [{ startOffset: first.start, endOffset: first.end, newText: first.entry.stub === '' ? '' : first.entry.stub }],
  };
}
