/** Code lenses: costing on Section F, rows serving each outcome, and days to the next statutory deadline. */
import type { CodeLens } from 'vscode-languageserver';
import type { Plan } from '../../engine/index.js';
import { formatPence } from '../protocol.js';
import type { Analysis } from '../analysis.js';
import { toLspRange } from '../convert.js';
import { servingItems } from './outcome-index.js';

const DAY = 86_400_000;

export function codeLenses(analysis: Analysis, asOf: Date): CodeLens[] {
  const plan = analysis.result.plan;
  const lenses: CodeLens[] = [];
  const lens = (range: CodeLens['range'], title: string, command = ''): CodeLens => ({ range, command: { title, command } });
  const sectionF = plan.sectionsFor('F')[0];
  if (sectionF) lenses.push(lens(toLspRange(sectionF.heading.range), costingTitle(analysis), 'ehcp.showCosting'));
  for (const outcome of plan.outcomes) {
    const n = servingItems(plan, outcome.id).length;
    lenses.push(lens(toLspRange(outcome.idRange), n === 0 ? 'No provision serves this outcome' : `Served by ${n} provision item${n === 1 ? '' : 's'}`));
  }
  const deadline = nextDeadline(plan, asOf);
  if (deadline && plan.frontMatter) {
    const start = plan.frontMatter.range.start;
    const range = toLspRange({ start, end: start });
    lenses.push(lens(range, deadline));
  }
  return lenses;
}

function costingTitle(analysis: Analysis): string {
  const costing = analysis.costing();
  if (costing.status === 'no-scheme') return 'Costing: no funding scheme named in the front matter';
  if (costing.status === 'scheme-error') return `Costing: ${costing.problem}`;
  const c = costing.costing;
  const total = formatPence(c.totals.bySection.F.annualPence);
  const topUp = c.topUpPence === null ? 'top-up unknown (no setting type)' : `top-up ${formatPence(c.topUpPence)}`;
  const level = c.levelStatus === 'beyond' ? 'beyond the scheme' : c.level ? `level ${c.level.id}` : 'no level';
  const declared = c.declaredLevel ? ` (declared ${c.declaredLevel})` : ' (none declared)';
  const uncosted = c.uncostedCount ? ` · ${c.uncostedCount} uncosted` : '';
  return `Section F costs ${total} a year · ${topUp} · ${level}${declared}${uncosted}`;
}

/** The next statutory date that matters for this plan, as "N days to ..." or "... N days ago". */
export function nextDeadline(plan: Plan, asOf: Date): string | null {
  const d = plan.meta.dates;
  const days = (date: Date): number => Math.round((date.getTime() - asOf.getTime()) / DAY);
  const say = (label: string, date: Date): string => {
    const n = days(date);
    const iso = date.toISOString().slice(0, 10);
    return n >= 0 ? `${n} day${n === 1 ? '' : 's'} to ${label} (${iso})` : `${label} was due ${-n} day${n === -1 ? '' : 's'} ago (${iso})`;
  };
  if (!d.finalIssued && d.requestReceived) return say('the 20-week deadline for the final plan', new Date(d.requestReceived.date.getTime() + 140 * DAY));
  const last = [d.lastReview?.date, d.finalIssued?.date].filter((x): x is Date => x !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
  if (last) {
    const due = new Date(Date.UTC(last.getUTCFullYear() + 1, last.getUTCMonth(), last.getUTCDate()));
    return say('the annual review', due);
  }
  return null;
}
