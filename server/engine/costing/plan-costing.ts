/**
 * The costing of one parsed plan under the scheme it names, computed once and shared by the funding rules,
 * the editor features and the exporters.
 */
import type { Plan } from '../model.js';
import type { ResolvedConfig } from '../config/types.js';
import { costPlan, type Costing } from './cost.js';
import { findScheme, type FundingScheme } from './schemes.js';

export type PlanCosting =
  /** The plan names no scheme (`funding.scheme` is absent): nothing is costed. */
  | { status: 'no-scheme' }
  /** The scheme named cannot be found or is invalid; `problem` says why, in plain words. */
  | { status: 'scheme-error'; ref: string; problem: string }
  | { status: 'costed'; scheme: FundingScheme; costing: Costing };

/** The plan's file path when the parser recorded one (it is needed for a relative scheme path). */
export function planFilePath(plan: Plan): string | null {
  return plan.filePath ? plan.filePath : null;
}

const cache = new WeakMap<Plan, Map<Pick<ResolvedConfig, 'fundingSchemePaths'>, PlanCosting>>();

export interface PlanCostingOptions {
  /** Overrides the plan's file path (the CLI knows it even when the model does not). */
  planPath?: string | null;
  /** Costs under this scheme instead of the one the plan names. */
  scheme?: FundingScheme;
}

export function planCosting(plan: Plan, config: Pick<ResolvedConfig, 'fundingSchemePaths'>, options: PlanCostingOptions = {}): PlanCosting {
  if (options.scheme) return { status: 'costed', scheme: options.scheme, costing: costPlan(plan, options.scheme) };
  const useCache = options.planPath === undefined;
  let perConfig = cache.get(plan);
  const cached = useCache ? perConfig?.get(config) : undefined;
  if (cached) return cached;
  let outcome: PlanCosting;
  const ref = plan.meta.fundingScheme?.value;
  if (ref === undefined) outcome = { status: 'no-scheme' };
  else {
    const load = findScheme(ref, { planPath: options.planPath ?? planFilePath(plan), config });
    outcome = load.ok ? { status: 'costed', scheme: load.scheme, costing: costPlan(plan, load.scheme) } : { status: 'scheme-error', ref, problem: load.problem };
  }
  if (useCache) {
    if (!perConfig) {
      perConfig = new Map();
      cache.set(plan, perConfig);
    }
    perConfig.set(config, outcome);
  }
  return outcome;
}
