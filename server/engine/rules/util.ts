/** Small helpers the rules share: where to report things that have no single node of their own. */
import type { Plan, Range, Section, SectionLetter } from '../model.js';

/** The first line of the file: for findings about the plan as a whole. */
export function fileRange(plan: Plan): Range {
  const firstBreak = plan.text.search(/\r?\n|$/);
  return { start: plan.positionAt(0), end: plan.positionAt(Math.max(0, firstBreak)) };
}

/** The heading of the first section with this letter, or the file's first line. */
export function sectionOrFile(plan: Plan, letter: SectionLetter): Range {
  return firstSection(plan, letter)?.heading.range ?? fileRange(plan);
}

export function firstSection(plan: Plan, letter: SectionLetter | 'H'): Section | undefined {
  return plan.sectionsFor(letter)[0];
}

/** The range of the whole front-matter block's opening fence, or the file's first line. */
export function frontMatterRange(plan: Plan): Range {
  if (!plan.frontMatter) return fileRange(plan);
  const start = plan.frontMatter.range.start.offset;
  return { start: plan.positionAt(start), end: plan.positionAt(start + 3) };
}

/**
 * How messages refer to the child: never by name. Findings travel into QA reports, SARIF dashboards and
 * issue trackers, and a plan's personal data must not travel with them.
 */
export function nameOf(plan: Plan): string {
  const year = plan.meta.yearGroup?.value;
  return year !== undefined && year >= 12 ? 'the young person' : 'the child';
}

/** The source text of a section's content (comments and markers left out), blocks joined by a space. */
export function sectionSource(plan: Pick<Plan, 'text'>, section: Section): string {
  return section.contentBlocks.map((b) => (b.position ? plan.text.slice(b.position.start.offset ?? 0, b.position.end.offset ?? 0) : '')).join(' ');
}
