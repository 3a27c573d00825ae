/** Outcome ids as a navigable index: where each is defined and which provision items name it. */
import type { Plan, ProvisionItem, Range } from '../../engine/index.js';

export interface OutcomeOccurrence {
  id: string;
  range: Range;
  kind: 'definition' | 'reference';
}

export function occurrences(plan: Plan): OutcomeOccurrence[] {
  return [
    ...plan.outcomes.map((o) => ({ id: o.id, range: o.idRange, kind: 'definition' as const })),
    ...plan.provision.flatMap((item) => item.outcomeRefs.map((ref) => ({ id: ref.id, range: ref.range, kind: 'reference' as const }))),
  ];
}

/** The outcome id under an offset, at its definition or in a provision item's reference. */
export function outcomeIdAt(plan: Plan, offset: number): string | null {
  const hit = occurrences(plan).find((o) => offset >= o.range.start.offset && offset <= o.range.end.offset);
  return hit?.id ?? null;
}

export function servingItems(plan: Plan, id: string): ProvisionItem[] {
  return plan.provision.filter((item) => item.outcomeRefs.some((ref) => ref.id === id));
}
