/**
 * Every rule, in a stable order. Rules are grouped by concern, each group listed in its own index file;
 * ids must be unique (checked by test/unit/registry.test.ts).
 */
import type { Rule } from './types.js';
import { structureRules } from './structure/index.js';
import { provisionRules } from './provision/index.js';
import { outcomeRules } from './outcomes/index.js';
import { fundingRules } from './funding/index.js';
import { crossSectionRules } from './cross-section/index.js';

export const allRules: readonly Rule[] = [...structureRules, ...provisionRules, ...outcomeRules, ...crossSectionRules, ...fundingRules];

const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Ids that are findings but not rules of their own (they cannot be configured). */
export const INTERNAL_ERROR_ID = 'internal-error';
