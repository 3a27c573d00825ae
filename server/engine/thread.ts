/**
 * The golden thread: needs (Section B) → outcomes (Section E) → provision (Sections F, G, H1, H2).
 *
 * Built once per plan (and cached) from the parsed model. The golden-thread rules use it, and so do the
 * language server's go-to-definition, find-references and code lenses for outcome ids: everything here is
 * keyed by the outcome id as written in the plan ("E1", upper case) and keeps source ranges.
 */
import type { Area, Outcome, OutcomeRef, Plan, ProvisionItem, ProvisionSection, Range, Section } from './model.js';

/** One place an outcome id is named by a provision item. */
export interface OutcomeReference {
  id: string;
  ref: OutcomeRef;
  item: ProvisionItem;
}

/** One area of need in Section B and what serves it in E and F. */
export interface NeedThread {
  /** The area sub-heading in Section B. */
  need: Area;
  /** The key areas are matched by: the recognised area id, else the normalised heading text. */
  key: string;
  /** Outcomes grouped under the same area in Section E. */
  outcomes: Outcome[];
  /** Area sub-headings for the same area in Section E. */
  outcomeAreas: Area[];
  /** Provision items under the same area in Section F. */
  provision: ProvisionItem[];
  /** Area sub-headings for the same area in Section F (present even when they hold only "None."). */
  provisionAreas: Area[];
  /** Outcomes named by that provision (a second link from the need to outcomes, through F). */
  linkedOutcomes: Outcome[];
  /** Provision in F that names one of the need's outcomes (a second link from the need to F, through E). */
  linkedProvision: ProvisionItem[];
}

export interface PlanThread {
  /** Every outcome by id, in document order (more than one when an id is duplicated). */
  outcomesById: ReadonlyMap<string, readonly Outcome[]>;
  /** For each outcome id (including unknown ones), the provision references that name it, in order. */
  referencesById: ReadonlyMap<string, readonly OutcomeReference[]>;
  /** Provision items that name the id of an outcome that exists, keyed by outcome id (no duplicates). */
  servingById: ReadonlyMap<string, readonly ProvisionItem[]>;
  /** References to ids that are not outcomes in this plan (one per id per item, first mention). */
  unknownReferences: readonly OutcomeReference[];
  /** Provision items that name no outcome at all. */
  provisionWithoutOutcome: readonly ProvisionItem[];
  /** Areas of need in Section B, each with its outcomes in E and provision in F. */
  needs: readonly NeedThread[];
}

const cache = new WeakMap<Plan, PlanThread>();

/** Normalises an outcome id as written ("e1", "E 1", "E01") to the model's form ("E1"). */
export function normaliseOutcomeId(id: string): string {
  const m = /^\s*([A-Za-z])\s*0*(\d+)\s*$/.exec(id);
  return m ? `${(m[1] ?? 'E').toUpperCase()}${m[2] ?? ''}` : id.trim().toUpperCase();
}

/** Heading text reduced to its words, so "Social, Emotional & Mental Health" matches "social emotional and mental health". */
export function normaliseAreaName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bsemh\b/g, 'social emotional and mental health')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(?:needs?|area|of|difficulties|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key an area is matched across sections by: its recognised id, else its normalised heading text. */
export function areaKey(area: Area): string {
  return area.id ?? `name:${normaliseAreaName(area.name)}`;
}

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset < range.end.offset;
}

/** Every area (and enclosing area) an item sits under, innermost first. */
export function enclosingAreas(section: Section, offset: number): Area[] {
  return section.areas.filter((a) => contains(a.range, offset)).sort((a, b) => b.depth - a.depth);
}

/** Headings in B that are not areas of need even though they sit where areas do. */
const NOT_A_NEED = /^(?:strengths?|summary|overview|introduction|background|history|about\b|views?\b|notes?\b|other\b|general\b|what\s+(?:is|are)\b|how\b|key\s+information|diagnos[ie]s|current\s+(?:attainment|levels?)|attainment|progress)/i;

/**
 * The areas of need in Section B: recognised areas, plus unrecognised sub-headings at the top level of the
 * section that do not read as something else ("Strengths", "Summary"...). A heading nested inside a
 * recognised area is part of that area, not a separate need.
 */
export function needAreas(plan: Plan): Area[] {
  const out: Area[] = [];
  for (const section of plan.sectionsFor('B')) {
    const areas = section.areas;
    if (areas.length === 0) continue;
    const minDepth = Math.min(...areas.map((a) => a.depth));
    for (const area of areas) {
      if (area.id !== null) {
        // a recognised area nested inside another recognised area (e.g. a PfA pathway) is covered by its parent
        if (areas.some((p) => p !== area && p.id !== null && p.depth < area.depth && contains(p.range, area.heading.range.start.offset))) continue;
        out.push(area);
        continue;
      }
      if (area.depth !== minDepth) continue;
      if (NOT_A_NEED.test(area.name.trim())) continue;
      out.push(area);
    }
  }
  return out;
}

function sectionOfItem(plan: Plan, item: ProvisionItem): Section | undefined {
  const letter: ProvisionSection | 'H' = item.section;
  const candidates = [...plan.sectionsFor(letter), ...(letter === 'H2' ? plan.sectionsFor('H') : [])];
  return candidates.find((s) => contains(s.range, item.range.start.offset));
}

/** Does this outcome / item sit under an area with this key (its own area or an enclosing one)? */
function underArea(plan: Plan, area: Area | null, offset: number, sectionLetter: 'E' | 'F', key: string): boolean {
  if (area && areaKey(area) === key) return true;
  const section = plan.sectionsFor(sectionLetter).find((s) => contains(s.range, offset));
  if (!section) return false;
  return enclosingAreas(section, offset).some((a) => areaKey(a) === key);
}

export function buildThread(plan: Plan): PlanThread {
  const cached = cache.get(plan);
  if (cached) return cached;

  const outcomesById = new Map<string, Outcome[]>();
  for (const o of plan.outcomes) {
    const id = normaliseOutcomeId(o.id);
    const list = outcomesById.get(id) ?? [];
    list.push(o);
    outcomesById.set(id, list);
  }

  const referencesById = new Map<string, OutcomeReference[]>();
  const servingById = new Map<string, ProvisionItem[]>();
  const unknownReferences: OutcomeReference[] = [];
  const provisionWithoutOutcome: ProvisionItem[] = [];
  for (const item of plan.provision) {
    if (item.outcomeRefs.length === 0) {
      provisionWithoutOutcome.push(item);
      continue;
    }
    const seen = new Set<string>();
    for (const ref of item.outcomeRefs) {
      const id = normaliseOutcomeId(ref.id);
      const r: OutcomeReference = { id, ref, item };
      const refs = referencesById.get(id) ?? [];
      refs.push(r);
      referencesById.set(id, refs);
      if (seen.has(id)) continue;
      seen.add(id);
      if (outcomesById.has(id)) {
        const serving = servingById.get(id) ?? [];
        serving.push(item);
        servingById.set(id, serving);
      } else {
        unknownReferences.push(r);
      }
    }
  }

  const eAreas = plan.sectionsFor('E').flatMap((s) => s.areas);
  const fAreas = plan.sectionsFor('F').flatMap((s) => s.areas);
  const needs: NeedThread[] = needAreas(plan).map((need) => {
    const key = areaKey(need);
    // Preparing for adulthood is also served by outcomes tagged with a pathway, wherever they sit, and by the
    // provision that names them.
    const pfa = key === 'preparing-for-adulthood';
    const outcomes = plan.outcomes.filter((o) => underArea(plan, o.area, o.range.start.offset, 'E', key) || (pfa && o.pfa !== null));
    const outcomeIds = new Set(outcomes.map((o) => normaliseOutcomeId(o.id)));
    const provision = plan.provision.filter(
      (p) =>
        p.section === 'F' &&
        (underArea(plan, p.area, p.range.start.offset, 'F', key) || (pfa && p.outcomeRefs.some((r) => outcomeIds.has(normaliseOutcomeId(r.id))))),
    );
    const linked = new Set<Outcome>();
    for (const p of provision) for (const r of p.outcomeRefs) for (const o of outcomesById.get(normaliseOutcomeId(r.id)) ?? []) linked.add(o);
    const linkedProvision = plan.provision.filter((p) => p.section === 'F' && p.outcomeRefs.some((r) => outcomeIds.has(normaliseOutcomeId(r.id))));
    return {
      need,
      key,
      outcomes,
      linkedProvision,
      outcomeAreas: eAreas.filter((a) => areaKey(a) === key),
      provision,
      provisionAreas: fAreas.filter((a) => areaKey(a) === key),
      linkedOutcomes: [...linked],
    };
  });

  const thread: PlanThread = { outcomesById, referencesById, servingById, unknownReferences, provisionWithoutOutcome, needs };
  cache.set(plan, thread);
  return thread;
}

/** The provision items that serve an outcome id (empty when none do). */
export function provisionServing(plan: Plan, outcomeId: string): readonly ProvisionItem[] {
  return buildThread(plan).servingById.get(normaliseOutcomeId(outcomeId)) ?? [];
}

/** The outcome an id names (the first, when duplicated), or undefined. */
export function outcomeById(plan: Plan, outcomeId: string): Outcome | undefined {
  return buildThread(plan).outcomesById.get(normaliseOutcomeId(outcomeId))?.[0];
}

/** What an outcome id at a text offset is: its definition in E or a reference in a provision item. */
export type OutcomeIdAt =
  | { kind: 'definition'; id: string; range: Range; outcome: Outcome }
  | { kind: 'reference'; id: string; range: Range; reference: OutcomeReference };

/** The outcome id at an offset (for go-to-definition, references and hovers), or null. */
export function outcomeIdAt(plan: Plan, offset: number): OutcomeIdAt | null {
  for (const o of plan.outcomes) {
    if (o.idRange.start.offset <= offset && offset <= o.idRange.end.offset) {
      return { kind: 'definition', id: normaliseOutcomeId(o.id), range: o.idRange, outcome: o };
    }
  }
  for (const refs of buildThread(plan).referencesById.values()) {
    for (const r of refs) {
      if (r.ref.range.start.offset <= offset && offset <= r.ref.range.end.offset) {
        return { kind: 'reference', id: r.id, range: r.ref.range, reference: r };
      }
    }
  }
  return null;
}

/** The section a provision item sits in (F, G, H1, H2, or a lone H). */
export function provisionSection(plan: Plan, item: ProvisionItem): Section | undefined {
  return sectionOfItem(plan, item);
}
