/**
 * Costing and funding schemes: the public API for adapters (CLI, language server, exporters).
 * `planCosting(plan, config)` costs a parsed plan under the scheme it names (cached per plan); its
 * `costing.rows[i]` is the costing of `plan.provision[i]`. Money is integer pence; `formatPence` shows it.
 */
export { costPlan, costItem, formatPence, weeksBasis, PAYERS, PAYER_OF, PROVISION_SECTIONS } from './cost.js';
export type { Costing, CostRow, Totals, LevelRef, Payer, CostProblemKind } from './cost.js';
export { planCosting, planFilePath } from './plan-costing.js';
export type { PlanCosting, PlanCostingOptions } from './plan-costing.js';
export { findScheme, loadSchemeFile, parseSchemeText, bundledSchemes, configuredSchemes, mapToLevel, levelById } from './schemes.js';
export type { FundingScheme, SchemeLevel, SchemeRate, SchemeLoad, LevelMapping } from './schemes.js';
export { readQuantities, readQuantityText, readCostCell } from './quantities.js';
export type { Quantity, QuantityReading, QuantityInput } from './quantities.js';
export { matchRate, matchDeliverer, deliveringPart } from './rates.js';
