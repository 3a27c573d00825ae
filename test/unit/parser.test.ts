/**
 * The tolerant parser (parsePlan): every form the format contract (docs: /work/shared/ehcp-format.md)
 * tolerates, exact source ranges for a few elements, odd inputs (CRLF, BOM, empty, junk, 2 MB) and a
 * deterministic fuzz run. parsePlan must never throw.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isPlanText, parsePlan } from '../../server/engine/index.js';
import type { Plan, Range } from '../../server/engine/index.js';
import { areaIdFor, matchSectionHeading } from '../../server/engine/parse/sections.js';
import { fieldForHeader } from '../../server/engine/parse/provision.js';
import { findOutcomeIds } from '../../server/engine/parse/prose.js';
import { pfaPathwayFor } from '../../server/engine/parse/outcomes.js';
import { adviceKinds } from '../../server/engine/parse/advice.js';
import { isSuppressed } from '../../server/engine/parse/suppressions.js';

// ---------------------------------------------------------------------------------------------------
// A small but complete fictional plan, built from parts so each test can swap one section.

const FRONT = `---
ehcp: 1
status: final
localAuthority: Example Borough Council
child:
  name: Sam Taylor
  preferredName: Sam
  dateOfBirth: 2015-09-03
  yearGroup: 6
setting:
  type: mainstream
  phase: primary
dates:
  requestReceived: 2026-01-12
  finalIssued: 2026-05-29
  nextReview: 2027-05-10
funding:
  scheme: example-incremental
  level: L3
personalBudget: false
---
`;

const BODY: Record<string, string> = {
  A: `### About me
I like Lego, swimming and my dog, Pepper.

### Parents' views
Sam's dad says: "We want Sam to have friends at school."`,
  B: `### Communication and interaction
Sam has a developmental language disorder.

### Cognition and learning
Sam reads at about the level expected at the end of Year 3.`,
  C: 'No health needs related to special educational needs have been identified.',
  D: 'No social care needs have been identified.',
  E: `### Communication and interaction
- **E1** By July 2027, Sam will start a conversation with a classmate on 3 days a week.
- **E2** By July 2027, Sam will follow a three-step instruction in 4 out of 5 lessons.

### Cognition and learning
- **E3** By July 2027, Sam will read a Year 4 book aloud with 95% accuracy.`,
  F: `### Communication and interaction
| Provision | Outcomes | Who | Ratio | How often | How long |
|---|---|---|---|---|---|
| Speech and language therapy on conversation skills | E1 | Qualified speech and language therapist | 1:1 | weekly | 45 minutes |
| Practice of the therapy targets | E1, E2 | Teaching assistant trained by the therapist | 1:1 | daily | 15 minutes |

### Cognition and learning
| Provision | Outcomes | Who | Ratio | How often | How long |
|---|---|---|---|---|---|
| Precision Teaching of Year 4 reading words | E3 | Teaching assistant trained in Precision Teaching | 1:1 | daily | 10 minutes |`,
  G: 'No health care provision is required.',
  H1: 'None.',
  H2: 'None.',
  I: `Name: Example Primary School
Type: Mainstream primary school (community)`,
  J: 'No personal budget has been requested.',
  K: `| Advice | From | Date |
|---|---|---|
| Parent and child views | Parents | 2026-02-01 |
| Educational advice | Head teacher, Example Primary School | 2026-03-02 |
| Medical advice | Community paediatrician | 2026-03-10 |
| Psychological advice | Educational psychologist | 2026-03-15 |
| Social care advice | Children with disabilities team | 2026-03-12 |`,
};

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'];

function planText(options: { front?: string; body?: Record<string, string | null>; heading?: (letter: string) => string } = {}): string {
  const body = { ...BODY, ...(options.body ?? {}) };
  const heading = options.heading ?? ((letter: string) => `## Section ${letter}`);
  const parts = [options.front ?? FRONT, '# Education, Health and Care Plan: Sam Taylor\n'];
  for (const letter of LETTERS) {
    const content = body[letter];
    if (content === null) continue;
    parts.push(`${heading(letter)}\n\n${content}\n`);
  }
  return parts.join('\n');
}

/** 1-based line and column of the first occurrence of `needle` (after `from`). */
function at(text: string, needle: string, from = 0): { line: number; column: number; offset: number } {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `"${needle}" not found`);
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset };
}

function lc(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function sliceOf(plan: Plan, range: Range): string {
  return plan.text.slice(range.start.offset, range.end.offset);
}

/** Checks every range the model exposes is well formed and inside the text (used by the fuzz run). */
function assertRangesSane(plan: Plan): void {
  const length = plan.text.length;
  const check = (range: Range | undefined, what: string): void => {
    if (!range) return;
    assert.ok(range.start.offset >= 0 && range.start.offset <= range.end.offset && range.end.offset <= length, `${what}: bad range ${JSON.stringify(range)}`);
    assert.ok(range.start.line >= 1 && range.start.column >= 1, `${what}: bad position`);
  };
  for (const s of plan.sections) {
    check(s.range, 'section');
    check(s.heading.range, 'section heading');
    for (const a of s.areas) check(a.range, 'area');
  }
  for (const o of plan.outcomes) {
    check(o.range, 'outcome');
    check(o.idRange, 'outcome id');
    check(o.textRange, 'outcome text');
    check(o.pfa?.range, 'pfa tag');
  }
  for (const p of plan.provision) {
    check(p.range, 'provision');
    for (const span of Object.values(p.fields)) check(span?.range, 'provision field');
    for (const ref of p.outcomeRefs) check(ref.range, 'outcome ref');
  }
  for (const a of plan.advice) check(a.range, 'advice');
  check(plan.placement?.name?.range, 'placement name');
  check(plan.placement?.type?.range, 'placement type');
  for (const s of plan.suppressions) check(s.range, 'suppression');
  for (const f of plan.parseFindings) check(f.range, 'parse finding');
}

// ---------------------------------------------------------------------------------------------------

describe('parser', () => {
  describe('which files are plans', () => {
    it('front matter with the ehcp key makes a plan', () => {
      const plan = parsePlan(planText());
      assert.equal(plan.planBy, 'front-matter');
      assert.ok(isPlanText(planText()));
    });

    it('a name ending .ehcp.md makes a plan without front matter', () => {
      const text = '# Notes\n\n## Section A\n\nHello.\n';
      assert.equal(parsePlan(text).planBy, null);
      assert.equal(parsePlan(text, { filePath: 'caseload/sam.ehcp.md' }).planBy, 'file-name');
      assert.equal(parsePlan(text, { filePath: 'caseload/SAM.EHCP.MD' }).planBy, 'file-name');
    });

    it('other Markdown, including front matter without ehcp, is not a plan', () => {
      assert.equal(parsePlan('---\ntitle: Meeting notes\n---\n\n# Notes\n').planBy, null);
      assert.equal(parsePlan('# README\n\nehcp: 1\n').planBy, null);
      assert.equal(isPlanText('# README\n'), false);
    });
  });

  describe('section headings (contract section 3)', () => {
    const forms: [string, string, string, string][] = [
      // text, letter, title, form
      ['Section B: Special educational needs', 'B', 'Special educational needs', 'canonical'],
      ['Section B. Special educational needs', 'B', 'Special educational needs', 'canonical'],
      ['Section B – Special educational needs', 'B', 'Special educational needs', 'canonical'],
      ['Section B', 'B', '', 'bare'],
      ['Section H1', 'H1', '', 'bare'],
      ['B. Special educational needs', 'B', 'Special educational needs', 'dotted'],
      ['B: Special educational needs', 'B', 'Special educational needs', 'colon'],
      ['B – Special educational needs', 'B', 'Special educational needs', 'dash'],
      ['B - Special educational needs', 'B', 'Special educational needs', 'dash'],
      ['B — Special educational needs', 'B', 'Special educational needs', 'dash'],
      ['H1. Social care provision (CSDPA 1970)', 'H1', 'Social care provision (CSDPA 1970)', 'dotted'],
      ['H2: Other social care provision', 'H2', 'Other social care provision', 'colon'],
      ['H 1 – Social care provision', 'H1', 'Social care provision', 'dash'],
      ['Section H2: Other social care provision', 'H2', 'Other social care provision', 'canonical'],
      ['section k: advice and information', 'K', 'advice and information', 'canonical'],
      ['Section H: Social care provision', 'H', 'Social care provision', 'canonical'],
      ['H. Social care', 'H', 'Social care', 'dotted'],
    ];
    for (const [text, letter, title, form] of forms) {
      it(`reads "${text}" as ${letter} (${form})`, () => {
        assert.deepEqual(matchSectionHeading(text), { letter, title, form });
      });
    }

    for (const text of ['Health', 'Hobbies and interests', 'A day in the life of Sam', 'Bibliography', 'E1 By July 2027', 'Sections', 'Section L: Annex', 'Summary']) {
      it(`does not read "${text}" as a section`, () => {
        assert.equal(matchSectionHeading(text), null);
      });
    }

    const styles: [string, (letter: string) => string][] = [
      ['## Section X: Title', (l) => `## Section ${l}: Title of ${l}`],
      ['## X. Title', (l) => `## ${l}. Title of ${l}`],
      ['## X: Title', (l) => `## ${l}: Title of ${l}`],
      ['## X – Title', (l) => `## ${l} – Title of ${l}`],
      ['## Section X', (l) => `## Section ${l}`],
      ['# Section X: Title (level 1)', (l) => `# Section ${l}: Title of ${l}`],
      ['# X. Title (level 1)', (l) => `# ${l}. Title of ${l}`],
    ];
    for (const [name, heading] of styles) {
      it(`finds all twelve sections written as "${name}"`, () => {
        const plan = parsePlan(planText({ heading }));
        assert.deepEqual(plan.sections.map((s) => s.letter), LETTERS);
        assert.ok(plan.sections.every((s) => !s.empty), 'no section should be empty');
        assert.equal(plan.outcomes.length, 3);
        assert.equal(plan.provision.length, 3);
        assert.equal(plan.advice.length, 5);
        assert.equal(plan.placement?.name?.text, 'Example Primary School');
      });
    }

    it('gives each heading and section its exact range', () => {
      const text = planText();
      const plan = parsePlan(text);
      const c = plan.sectionsFor('C')[0]!;
      const d = plan.sectionsFor('D')[0]!;
      const start = at(text, '## Section C');
      assert.equal(c.heading.range.start.line, start.line);
      assert.equal(lc(c.heading.range), `${start.line}:1-${start.line}:13`);
      assert.equal(c.heading.depth, 2);
      assert.equal(c.heading.text, 'Section C');
      // The section runs from its heading to the next section's heading.
      assert.equal(c.range.start.offset, start.offset);
      assert.equal(c.range.end.offset, d.heading.range.start.offset);
      assert.equal(sliceOf(plan, c.range), '## Section C\n\nNo health needs related to special educational needs have been identified.\n\n');
    });

    it('keeps sections in document order, whatever their order', () => {
      const text = planText().replace(/## Section K[\s\S]*$/, '');
      const shuffled = `${FRONT}\n## Section K\n\n${BODY.K}\n\n${text.slice(FRONT.length)}`;
      const plan = parsePlan(shuffled);
      assert.equal(plan.sections[0]!.letter, 'K');
      assert.equal(plan.advice.length, 5);
    });

    it('a level-3 "### Section K" is a sub-heading, not a section', () => {
      const plan = parsePlan(planText({ heading: (l) => (l === 'K' ? '### Section K' : `## Section ${l}`) }));
      assert.equal(plan.sectionsFor('K').length, 0);
      assert.equal(plan.sectionsFor('J').length, 1);
    });

    it('a level-2 heading that is not a section ends the current section', () => {
      const text = planText({ body: { K: `${BODY.K}\n\n## Appendix: glossary\n\nSaLT: speech and language therapist.` } });
      const plan = parsePlan(text);
      const k = plan.sectionsFor('K')[0]!;
      assert.equal(k.range.end.offset, text.indexOf('## Appendix'));
    });

    it('records a lone H as letter H, and H1/H2 as their own letters', () => {
      const lone = parsePlan(planText({ body: { H1: null, H2: null, H: 'None.' } }).replace('## Section J', '## Section H: Social care\n\nNone.\n\n## Section J'));
      assert.equal(lone.sectionsFor('H').length, 1);
      assert.equal(lone.sectionsFor('H1').length, 0);
      const split = parsePlan(planText());
      assert.equal(split.sectionsFor('H').length, 0);
      assert.equal(split.sectionsFor('H1').length, 1);
      assert.equal(split.sectionsFor('H2').length, 1);
    });

    it('keeps every heading of a repeated letter', () => {
      const plan = parsePlan(`${planText()}\n## E: Outcomes again\n\n- **E4** By July 2027, Sam will swim 25 metres.\n`);
      assert.equal(plan.sectionsFor('E').length, 2);
      assert.deepEqual(plan.outcomes.map((o) => o.id), ['E1', 'E2', 'E3', 'E4']);
    });
  });

  describe('empty sections and explicit "none"', () => {
    const nones = [
      'None.',
      'None',
      'N/A',
      'Not applicable.',
      'Nil.',
      'No health needs have been identified.',
      'No health needs related to special educational needs have been identified.',
      'There are no health needs related to Sam’s special educational needs.',
      'No personal budget has been requested.',
      'A personal budget has not been requested.',
      'Sam does not need any health care provision.',
      'No social care provision is required.',
    ];
    for (const none of nones) {
      it(`"${none}" is an explicit none`, () => {
        const c = parsePlan(planText({ body: { C: none } })).sectionsFor('C')[0]!;
        assert.equal(c.empty, false);
        assert.equal(c.explicitNone, true);
      });
    }

    it('real content is not an explicit none', () => {
      const c = parsePlan(planText({ body: { C: 'Sam has asthma and uses an inhaler before PE.' } })).sectionsFor('C')[0]!;
      assert.equal(c.explicitNone, false);
    });

    it('a need followed by "no other needs" is not only a none statement', () => {
      // The model: explicitNone is true when the section holds ONLY a statement that there is nothing.
      const c = parsePlan(planText({ body: { C: 'Sam has epilepsy and takes medication twice a day. No other health needs have been identified.' } })).sectionsFor('C')[0]!;
      assert.equal(c.explicitNone, false);
    });

    it('an empty section, or one with only comments, is empty', () => {
      const plan = parsePlan(planText({ body: { C: '', G: '<!-- ask the paediatrician -->' } }));
      assert.equal(plan.sectionsFor('C')[0]!.empty, true);
      assert.equal(plan.sectionsFor('G')[0]!.empty, true);
      assert.equal(plan.sectionsFor('G')[0]!.blocks.length, 1);
      assert.equal(plan.sectionsFor('G')[0]!.contentBlocks.length, 0);
      assert.equal(plan.sectionsFor('G')[0]!.explicitNone, false);
    });
  });

  describe('areas of need (contract section 4)', () => {
    const variants: [string, string | null][] = [
      ['Communication and interaction', 'communication-and-interaction'],
      ['Communication & interaction', 'communication-and-interaction'],
      ['C&I', 'communication-and-interaction'],
      ['Cognition and learning', 'cognition-and-learning'],
      ['Cognition & Learning', 'cognition-and-learning'],
      ['Social, emotional and mental health', 'social-emotional-and-mental-health'],
      ['Social emotional and mental health', 'social-emotional-and-mental-health'],
      ['Social, emotional and mental health difficulties', 'social-emotional-and-mental-health'],
      ['SEMH', 'social-emotional-and-mental-health'],
      ['Sensory and/or physical', 'sensory-and-physical'],
      ['Sensory and / or physical needs', 'sensory-and-physical'],
      ['Sensory and physical', 'sensory-and-physical'],
      ['Physical and sensory', 'sensory-and-physical'],
      ['Preparing for adulthood', 'preparing-for-adulthood'],
      ['Area of need: Cognition and learning', 'cognition-and-learning'],
      ['1. Communication and interaction', 'communication-and-interaction'],
      ['Reading and writing', null],
      ['Physical', null],
      ['Behaviour', null],
    ];
    for (const [heading, id] of variants) {
      it(`"${heading}" → ${id ?? 'unrecognised'}`, () => {
        assert.equal(areaIdFor(heading, []), id);
      });
    }

    it('recognises a configured local area', () => {
      assert.equal(areaIdFor('Independence and self-care', []), null);
      assert.equal(areaIdFor('Independence and self-care', ['Independence and self-care']), 'local:independence-and-self-care');
      assert.equal(areaIdFor('independence and self-care: dressing', ['Independence and self-care']), 'local:independence-and-self-care');
      const plan = parsePlan(planText({ body: { B: `${BODY.B}\n\n### Independence and self-care\nSam needs help to dress.` } }), {
        config: { areasOfNeed: ['Independence and self-care'] },
      });
      assert.deepEqual(plan.sectionsFor('B')[0]!.areas.map((a) => a.id), [
        'communication-and-interaction',
        'cognition-and-learning',
        'local:independence-and-self-care',
      ]);
    });

    it('gives areas their headings and ranges, skips general headings and nests deeper headings', () => {
      const B = `### Summary
Sam's needs are set out below.

### Communication and interaction
#### Understanding
Sam loses track of long instructions.

### Cognition and learning
Sam reads at about Year 3 level.`;
      const text = planText({ body: { B } });
      const plan = parsePlan(text);
      const areas = plan.sectionsFor('B')[0]!.areas;
      assert.deepEqual(areas.map((a) => [a.name, a.id, a.depth, a.section]), [
        ['Communication and interaction', 'communication-and-interaction', 3, 'B'],
        ['Cognition and learning', 'cognition-and-learning', 3, 'B'],
      ]);
      const ci = at(text, '### Communication and interaction');
      assert.equal(lc(areas[0]!.heading.range), `${ci.line}:1-${ci.line}:34`);
      assert.equal(areas[0]!.range.end.offset, text.indexOf('### Cognition and learning'));
      assert.equal(areas[1]!.range.end.offset, plan.sectionsFor('B')[0]!.range.end.offset);
    });

    it('ties outcomes and provision to their area', () => {
      const plan = parsePlan(planText());
      assert.deepEqual(plan.outcomes.map((o) => o.area?.id), ['communication-and-interaction', 'communication-and-interaction', 'cognition-and-learning']);
      assert.deepEqual(plan.provision.map((p) => p.area?.id), ['communication-and-interaction', 'communication-and-interaction', 'cognition-and-learning']);
    });
  });

  describe('outcomes (contract section 5)', () => {
    const E = `### Communication and interaction
- **E1** By July 2027, one.
- E2: By July 2027, two.
- E3. By July 2027, three.
- **E4:** By July 2027, four.
- **E 5** By July 2027, five.

**E6.** By July 2027, six.

#### E7: By July 2027, seven.

#### E8
By July 2027, eight.

- Not an outcome: a note.`;

    it('reads every outcome form', () => {
      const plan = parsePlan(planText({ body: { E } }));
      assert.deepEqual(
        plan.outcomes.map((o) => [o.id, o.number, o.form, o.text]),
        [
          ['E1', 1, 'list-item', 'By July 2027, one.'],
          ['E2', 2, 'list-item', 'By July 2027, two.'],
          ['E3', 3, 'list-item', 'By July 2027, three.'],
          ['E4', 4, 'list-item', 'By July 2027, four.'],
          ['E5', 5, 'list-item', 'By July 2027, five.'],
          ['E6', 6, 'list-item', 'By July 2027, six.'],
          ['E7', 7, 'heading', 'By July 2027, seven.'],
          ['E8', 8, 'heading', 'By July 2027, eight.'],
        ],
      );
      assert.ok(plan.outcomes.every((o) => o.area?.id === 'communication-and-interaction'));
    });

    it('gives the id, text and whole outcome exact ranges', () => {
      const text = planText();
      const plan = parsePlan(text);
      const e1 = plan.outcomes[0]!;
      const p = at(text, '**E1**');
      assert.equal(lc(e1.idRange), `${p.line}:5-${p.line}:7`);
      assert.equal(sliceOf(plan, e1.idRange), 'E1');
      assert.equal(e1.range.start.line, p.line);
      assert.equal(e1.range.start.column, 3);
      assert.equal(sliceOf(plan, e1.textRange), 'By July 2027, Sam will start a conversation with a classmate on 3 days a week.');
      const heading = parsePlan(planText({ body: { E } }));
      const e7 = heading.outcomes.find((o) => o.id === 'E7')!;
      assert.equal(sliceOf(heading, e7.idRange), 'E7');
      assert.equal(e7.idRange.start.column, 6);
      const e8 = heading.outcomes.find((o) => o.id === 'E8')!;
      assert.equal(sliceOf(heading, e8.textRange), 'By July 2027, eight.');
    });

    it('reads the PfA tag and its pathway', () => {
      const tags: [string, string | null][] = [
        ['(PfA: Employment)', 'Employment'],
        ['(PfA: Education and employment)', 'Employment'],
        ['(PfA - Independent living)', 'Independent living'],
        ['(PfA: Community participation)', 'Community participation'],
        ['(PfA: Friends, relationships and community)', 'Community participation'],
        ['(PfA: Good health)', 'Health'],
        ['(pfa: health)', 'Health'],
        ['(PfA: Something else)', null],
      ];
      const E2 = tags.map(([tag], i) => `- **E${i + 1}** By July 2027, Sam will do thing ${i + 1}. ${tag}`).join('\n');
      const text = planText({ body: { E: `### Preparing for adulthood\n${E2}` } });
      const plan = parsePlan(text);
      assert.deepEqual(plan.outcomes.map((o) => o.pfa?.pathway ?? null), tags.map(([, p]) => p));
      const first = plan.outcomes[0]!.pfa!;
      assert.equal(first.raw, 'Employment');
      assert.equal(sliceOf(plan, first.range), '(PfA: Employment)');
      assert.equal(pfaPathwayFor('independence'), 'Independent living');
    });

    it('an outcome with only its id (while it is being written) has an empty text range, never an inverted one', () => {
      for (const E of ['- **E4**', '- **E4** ', '- E4: ', '- **E4**  \n\n- **E5** By July 2027, five.']) {
        const plan = parsePlan(planText({ body: { E } }));
        const e4 = plan.outcomes[0]!;
        assert.equal(e4.id, 'E4');
        assert.equal(e4.text, '');
        assert.ok(e4.textRange.start.offset <= e4.textRange.end.offset, `${JSON.stringify(E)}: text range ${lc(e4.textRange)} ends before it starts`);
      }
    });

    it('an outcome without a tag has no PfA', () => {
      assert.ok(parsePlan(planText()).outcomes.every((o) => o.pfa === null));
    });

    it('a titled "#### E2: Travel" heading takes its text, and PfA tag, from the paragraph under it', () => {
      const text = planText({ body: { E: '### Preparing for adulthood\n#### E2: Travel\nBy July 2027, Sam will travel to college by bus on his own. (PfA: Independent living)' } });
      const plan = parsePlan(text);
      const e2 = plan.outcomes[0]!;
      assert.equal(e2.id, 'E2');
      assert.match(e2.text, /travel to college by bus/);
      assert.equal(e2.pfa?.pathway, 'Independent living');
    });
  });

  describe('provision (contract section 6)', () => {
    const synonyms: [string, string | null][] = [
      ['Provision', 'provision'],
      ['Support', 'provision'],
      ['What', 'provision'],
      ['Special educational provision', 'provision'],
      ['Outcomes', 'outcomes'],
      ['Outcome', 'outcomes'],
      ['For', 'outcomes'],
      ['Outcome(s)', 'outcomes'],
      ['Who', 'who'],
      ['Delivered by', 'who'],
      ['Provider', 'who'],
      ['Staff', 'who'],
      ['Ratio', 'ratio'],
      ['Group', 'ratio'],
      ['Group size', 'ratio'],
      ['Staff:pupil', 'ratio'],
      ['Staff : pupil ratio', 'ratio'],
      ['How often', 'frequency'],
      ['Frequency', 'frequency'],
      ['How long', 'duration'],
      ['Duration', 'duration'],
      ['Time', 'duration'],
      ['Weeks', 'weeks'],
      ['Weeks a year', 'weeks'],
      ['Cost', 'cost'],
      ['Advice', 'advice'],
      ['HOW OFTEN', 'frequency'],
      ['**Who**', 'who'],
      ['Notes', null],
    ];
    for (const [header, field] of synonyms) {
      it(`header "${header}" → ${field ?? 'no field'}`, () => {
        assert.equal(fieldForHeader(header), field);
      });
    }

    it('reads a table with synonym headers, cell by cell, with exact ranges', () => {
      const F = `### Communication and interaction
| Support | For | Delivered by | Group size | Frequency | Duration | Weeks | Cost | Advice |
|---|---|---|---|---|---|---|---|---|
| Lego therapy | E1–E3 | Teaching assistant | 1:3 | weekly | 45 minutes | 39 | £450 one-off | EP report |`;
      const text = planText({ body: { F } });
      const plan = parsePlan(text);
      assert.equal(plan.provision.length, 1);
      const row = plan.provision[0]!;
      const line = at(text, '| Lego therapy').line;
      assert.equal(row.form, 'table-row');
      assert.equal(row.section, 'F');
      assert.equal(row.index, 1);
      assert.equal(row.range.start.line, line);
      const want: Record<string, [string, number, number]> = {
        provision: ['Lego therapy', 3, 15],
        outcomes: ['E1–E3', 18, 23],
        who: ['Teaching assistant', 26, 44],
        ratio: ['1:3', 47, 50],
        frequency: ['weekly', 53, 59],
        duration: ['45 minutes', 62, 72],
        weeks: ['39', 75, 77],
        cost: ['£450 one-off', 80, 92],
        advice: ['EP report', 95, 104],
      };
      for (const [field, [value, from, to]] of Object.entries(want)) {
        const span = row.fields[field as keyof typeof row.fields]!;
        assert.equal(span.text, value, field);
        assert.equal(lc(span.range), `${line}:${from}-${line}:${to}`, field);
        assert.equal(sliceOf(plan, span.range), value, field);
      }
      assert.deepEqual(row.outcomeRefs.map((r) => r.id), ['E1', 'E2', 'E3']);
      assert.equal(row.cells.length, 9);
      assert.deepEqual(row.cells.map((c) => c.field), ['provision', 'outcomes', 'who', 'ratio', 'frequency', 'duration', 'weeks', 'cost', 'advice']);
    });

    it('reads the standard table in F and numbers the rows per section', () => {
      const plan = parsePlan(planText());
      assert.deepEqual(plan.provision.map((p) => [p.section, p.index, p.fields.who?.text, p.outcomeRefs.map((r) => r.id).join(',')]), [
        ['F', 1, 'Qualified speech and language therapist', 'E1'],
        ['F', 2, 'Teaching assistant trained by the therapist', 'E1,E2'],
        ['F', 3, 'Teaching assistant trained in Precision Teaching', 'E3'],
      ]);
    });

    it('leaves an empty cell as an empty span inside its pipes', () => {
      const F = `| Provision | Outcomes | Who | Ratio | How often | How long |
|---|---|---|---|---|---|
| Social skills group |  | Teaching assistant | 1:4 | weekly |  |`;
      const plan = parsePlan(planText({ body: { F } }));
      const row = plan.provision[0]!;
      assert.equal(row.fields.outcomes?.text, '');
      assert.equal(row.fields.duration?.text, '');
      assert.deepEqual(row.outcomeRefs, []);
      assert.equal(row.fields.duration!.range.start.offset, row.fields.duration!.range.end.offset);
    });

    it('ignores a table with no provision-like columns', () => {
      const F = `| Date | Event |\n|---|---|\n| 2026-03-01 | Review meeting |`;
      assert.equal(parsePlan(planText({ body: { F } })).provision.length, 0);
    });

    it('reads provision in G, H1 and H2, and maps a lone H to H2', () => {
      const row = '| Provision | Outcomes | Who | Ratio | How often | How long |\n|---|---|---|---|---|---|\n| Physiotherapy programme | E1 | Physiotherapist | 1:1 | weekly | 30 minutes |';
      const plan = parsePlan(planText({ body: { G: row, H1: row, H2: row } }));
      assert.deepEqual(plan.provision.map((p) => p.section), ['F', 'F', 'F', 'G', 'H1', 'H2']);
      const lone = parsePlan(planText({ body: { H1: null, H2: null } }).replace('## Section I', `## Section H\n\n${row}\n\n## Section I`));
      assert.deepEqual(lone.provision.map((p) => p.section), ['F', 'F', 'F', 'H2']);
    });

    it('reads a prose bullet: who, ratio, how often, how long and the outcomes', () => {
      const bullet = 'Sam will receive 3 x 30 minutes per week of speech and language therapy on narrative, 1:1 from a qualified speech and language therapist (E1, E2).';
      const text = planText({ body: { F: `### Communication and interaction\n- ${bullet}` } });
      const plan = parsePlan(text);
      const item = plan.provision[0]!;
      const line = at(text, bullet).line;
      assert.equal(item.form, 'bullet');
      assert.equal(item.area?.id, 'communication-and-interaction');
      assert.equal(lc(item.range), `${line}:3-${line}:${3 + bullet.length}`);
      assert.equal(item.fields.provision?.text, bullet);
      assert.equal(item.fields.frequency?.text, '3 x 30 minutes per week');
      assert.equal(lc(item.fields.frequency!.range), `${line}:20-${line}:43`);
      assert.equal(item.fields.duration?.text, '3 x 30 minutes');
      assert.equal(item.fields.ratio?.text, '1:1');
      assert.equal(lc(item.fields.ratio!.range), `${line}:89-${line}:92`);
      assert.equal(item.fields.who?.text, 'qualified speech and language therapist');
      assert.equal(item.fields.outcomes?.text, '(E1, E2)');
      assert.deepEqual(item.outcomeRefs.map((r) => [r.id, sliceOf(plan, r.range)]), [['E1', 'E1'], ['E2', 'E2']]);
    });

    it('reads "Outcomes: E3" at the end of a bullet, and a group size', () => {
      const bullet = 'Sam will receive Precision Teaching daily for 10 minutes in a group of 3 pupils from a teaching assistant. Outcomes: E3';
      const plan = parsePlan(planText({ body: { F: `### Cognition and learning\n- ${bullet}` } }));
      const item = plan.provision[0]!;
      assert.equal(item.fields.outcomes?.text, 'Outcomes: E3');
      assert.deepEqual(item.outcomeRefs.map((r) => r.id), ['E3']);
      assert.equal(item.fields.frequency?.text, 'daily');
      assert.equal(item.fields.duration?.text, '10 minutes');
      assert.equal(item.fields.ratio?.text, 'in a group of 3 pupils');
      assert.match(item.fields.who?.text ?? '', /^teaching assistant/);
    });

    it('only reads outcome ids from the outcome list of a bullet', () => {
      const plan = parsePlan(planText({ body: { F: '- Sam will practise the E2 spelling list with a teaching assistant, 1:1, daily for 10 minutes (E3).' } }));
      assert.deepEqual(plan.provision[0]!.outcomeRefs.map((r) => r.id), ['E3']);
    });

    it('expands outcome id ranges', () => {
      const ids = (s: string): string[] => findOutcomeIds(s).map((r) => r.id);
      assert.deepEqual(ids('E1–E3'), ['E1', 'E2', 'E3']);
      assert.deepEqual(ids('E1-E3'), ['E1', 'E2', 'E3']);
      assert.deepEqual(ids('E1 to E3'), ['E1', 'E2', 'E3']);
      assert.deepEqual(ids('E2 - 4'), ['E2', 'E3', 'E4']);
      assert.deepEqual(ids('E1, E3 and E5'), ['E1', 'E3', 'E5']);
      assert.deepEqual(ids('e1, E 2'), ['E1', 'E2']);
      assert.deepEqual(ids('E3–E1'), ['E3']);
      assert.deepEqual(ids('STEP1, E10'), ['E10']);
      const bullet = parsePlan(planText({ body: { F: '- Sam will receive a daily 10-minute check-in, 1:1, from a teaching assistant (E1–E3).' } }));
      assert.deepEqual(bullet.provision[0]!.outcomeRefs.map((r) => r.id), ['E1', 'E2', 'E3']);
    });
  });

  describe('Section I: placement', () => {
    const forms: [string, string][] = [
      ['plain', 'Name: Example Primary School\nType: Mainstream primary school'],
      ['bulleted', '- Name: Example Primary School\n- Type: Mainstream primary school'],
      ['bold', '**Name:** Example Primary School\n\n**Type:** Mainstream primary school'],
      ['bold label and colon outside', '**Name**: Example Primary School\n\n**Type**: Mainstream primary school'],
      ['long labels', 'Name of school: Example Primary School\n\nType of setting: Mainstream primary school'],
      ['key-value table', '| | |\n|---|---|\n| Name | Example Primary School |\n| Type | Mainstream primary school |'],
    ];
    for (const [name, I] of forms) {
      it(`reads Name and Type lines (${name})`, () => {
        const text = planText({ body: { I } });
        const plan = parsePlan(text);
        assert.equal(plan.placement?.name?.text, 'Example Primary School');
        assert.equal(plan.placement?.type?.text, 'Mainstream primary school');
        assert.equal(sliceOf(plan, plan.placement!.name!.range).replace(/[*_]/g, ''), 'Example Primary School');
        assert.deepEqual(plan.placement?.otherText, []);
        assert.equal(plan.placement?.statesNotNamed, false);
      });
    }

    it('gives the Name value its exact range', () => {
      const text = planText();
      const plan = parsePlan(text);
      const p = at(text, 'Name: Example Primary School');
      assert.equal(lc(plan.placement!.name!.range), `${p.line}:7-${p.line}:29`);
    });

    it('notices the draft wording and keeps other text', () => {
      const plan = parsePlan(planText({ body: { I: 'Not named in a draft plan.\n\nSam’s parents have asked for Example Primary School.' } }));
      assert.equal(plan.placement?.statesNotNamed, true);
      assert.equal(plan.placement?.name, null);
      assert.deepEqual(plan.placement?.otherText.map((s) => s.text), ['Sam’s parents have asked for Example Primary School.']);
    });

    it('"Name: Not named in a draft plan." is the draft wording, not a school name', () => {
      const plan = parsePlan(planText({ body: { I: 'Name: Not named in a draft plan.\nType: Not named in a draft plan.' } }));
      assert.equal(plan.placement?.statesNotNamed, true);
      assert.equal(plan.placement?.name, null);
      assert.equal(plan.placement?.type, null);
    });

    it('has no placement without Section I, and an empty one for an empty Section I', () => {
      assert.equal(parsePlan(planText({ body: { I: null } })).placement, null);
      assert.deepEqual(parsePlan(planText({ body: { I: '' } })).placement, { name: null, type: null, otherText: [], statesNotNamed: false });
    });
  });

  describe('Section K: advice', () => {
    it('reads the table and the kind of each row', () => {
      const K = `| Advice | From | Date |
|---|---|---|
| Parent and child views | Parents | 2026-02-01 |
| Report | Educational psychologist | 2026-03-15 |
| Careers guidance (preparing for adulthood) | Careers adviser | 2026-03-20 |
| Educational advice | Head teacher | 2026-03-02 |
| Health | Community paediatrician | 2026-03-10 |
| Social care assessment | Social worker | 2026-03-12 |
| Speech and language therapy report | Speech and language therapist | 2026-03-12 |`;
      const text = planText({ body: { K } });
      const plan = parsePlan(text);
      assert.deepEqual(plan.advice.map((a) => a.kinds), [['parent'], ['psychological'], ['preparing-for-adulthood'], ['educational'], ['medical'], ['social-care'], ['other']]);
      const row = plan.advice[1]!;
      assert.equal(row.advice.text, 'Report');
      assert.equal(row.from?.text, 'Educational psychologist');
      assert.equal(row.date?.text, '2026-03-15');
      assert.equal(row.range.start.line, at(text, '| Report |').line);
    });

    it('reads the standard five kinds from the default table', () => {
      assert.deepEqual(parsePlan(planText()).advice.map((a) => a.kinds), [['parent'], ['educational'], ['medical'], ['psychological'], ['social-care']]);
    });

    it('does not count an educational psychologist as educational advice', () => {
      assert.deepEqual(adviceKinds('Educational psychologist report', ''), ['psychological']);
      assert.deepEqual(adviceKinds('Educational advice', 'Educational psychologist'), ['educational']);
      assert.deepEqual(adviceKinds('Report', 'EP'), ['psychological']);
    });

    it('reads a list too, with its date', () => {
      const K = "- Parents' views, 2026-02-01\n- Medical advice from the community paediatrician, 2026-03-10";
      const plan = parsePlan(planText({ body: { K } }));
      assert.deepEqual(plan.advice.map((a) => [a.kinds, a.date?.text]), [[['parent'], '2026-02-01'], [['medical'], '2026-03-10']]);
    });
  });

  describe('suppression comments (contract section 9)', () => {
    const text = [
      '# Plan', //                                                                      1
      '<!-- ehcp-disable-next-line provision-hedge -- agreed at tribunal -->', //       2
      'Sam should have support.', //                                                    3
      '<!-- ehcp-disable provision-hedge, outcome-count -- legacy wording -->', //      4
      'line 5', //                                                                      5
      '<!-- ehcp-enable provision-hedge -->', //                                        6
      '| a | b | <!-- ehcp-disable-line cost-uncosted-row -- costed separately -->', // 7
      '<!-- ehcp-disable-next-line provision-hedge -->', //                             8
      '<!-- ehcp-disable -- every rule, for the annex -->', //                          9
      'end', //                                                                         10
    ].join('\n');
    const sups = parsePlan(text).suppressions;

    it('finds each comment with its kind, rules, reason and range', () => {
      assert.deepEqual(
        sups.map((s) => [s.kind, s.rules, s.reason, s.range.start.line]),
        [
          ['disable-next-line', ['provision-hedge'], 'agreed at tribunal', 2],
          ['disable', ['provision-hedge', 'outcome-count'], 'legacy wording', 4],
          ['enable', ['provision-hedge'], null, 6],
          ['disable-next-line', ['cost-uncosted-row'], 'costed separately', 7],
          ['disable-next-line', ['provision-hedge'], null, 8],
          ['disable', [], 'every rule, for the annex', 9],
        ],
      );
      assert.equal(lc(sups[0]!.range), '2:1-2:70');
      assert.equal(sups[3]!.range.start.column, 11);
    });

    it('covers the right lines', () => {
      const [nextLine, block, , disableLine, bare, all] = sups;
      assert.deepEqual([nextLine!.fromLine, nextLine!.toLine], [3, 3]);
      assert.equal(block!.fromLine, 4);
      assert.deepEqual([disableLine!.fromLine, disableLine!.toLine], [7, 7]);
      assert.deepEqual([bare!.fromLine, bare!.toLine], [9, 9]);
      assert.deepEqual([all!.fromLine, all!.toLine], [9, 10]);
      assert.equal(isSuppressed(sups, 'provision-hedge', 3), true);
      assert.equal(isSuppressed(sups, 'provision-hedge', 5), true);
      assert.equal(isSuppressed(sups, 'provision-hedge', 7), false); // re-enabled at line 6
      assert.equal(isSuppressed(sups, 'outcome-count', 5), true);
      assert.equal(isSuppressed(sups, 'cost-uncosted-row', 7), true);
      assert.equal(isSuppressed(sups, 'cost-uncosted-row', 8), false);
      assert.equal(isSuppressed(sups, 'section-empty', 5), false);
      assert.equal(isSuppressed(sups, 'section-empty', 10), true); // the all-rules block
    });

    it('an enable of one rule does not end the block for the other rules it disabled', () => {
      // Line 4 disables provision-hedge and outcome-count; line 6 enables provision-hedge only.
      assert.equal(isSuppressed(sups, 'outcome-count', 7), true);
    });
  });

  describe('front matter', () => {
    it('reads the typed values with their ranges', () => {
      const text = planText();
      const plan = parsePlan(text);
      assert.equal(plan.meta.status?.value, 'final');
      assert.equal(lc(plan.meta.status!.keyRange), '3:1-3:7');
      assert.equal(lc(plan.meta.status!.valueRange), '3:9-3:14');
      assert.equal(plan.meta.yearGroup?.value, 6);
      assert.equal(plan.meta.settingType?.value, 'mainstream');
      assert.equal(plan.meta.phase?.value, 'primary');
      assert.equal(plan.meta.childName?.value, 'Sam Taylor');
      assert.equal(plan.meta.preferredName?.value, 'Sam');
      assert.equal(plan.meta.dates.finalIssued?.text, '2026-05-29');
      assert.equal(plan.meta.dates.finalIssued?.date.toISOString(), '2026-05-29T00:00:00.000Z');
      assert.equal(lc(plan.meta.dates.finalIssued!.range), `${at(text, '2026-05-29').line}:16-${at(text, '2026-05-29').line}:26`);
      assert.equal(plan.meta.fundingScheme?.value, 'example-incremental');
      assert.equal(plan.meta.fundingLevel?.value, 'L3');
      assert.equal(plan.meta.personalBudget?.value, false);
      assert.equal(plan.frontMatter?.syntaxError, false);
      assert.equal(lc(plan.frontMatter!.range), '1:1-21:4');
      assert.deepEqual(plan.parseFindings, []);
    });

    it('leaves invalid values out of the typed view', () => {
      const front = FRONT.replace('status: final', 'status: finished').replace('yearGroup: 6', 'yearGroup: six').replace('2026-05-29', '2026-02-30');
      const plan = parsePlan(planText({ front }));
      assert.equal(plan.meta.status, undefined);
      assert.equal(plan.meta.yearGroup, undefined);
      assert.equal(plan.meta.dates.finalIssued, undefined);
      assert.equal(plan.meta.dates.nextReview?.text, '2027-05-10');
      assert.equal(plan.planBy, 'front-matter');
    });

    it('reads a status written with a capital or a common synonym, which front-matter-valid still reports', () => {
      for (const [written, read] of [['Final', 'final'], ['finalised', 'final'], ['issued', 'final'], ['Amendment proposed', 'amendment-proposed']] as const) {
        const plan = parsePlan(planText({ front: FRONT.replace('status: final', `status: ${written}`) }));
        assert.equal(plan.meta.status?.value, read, written);
      }
    });

    it('turns a YAML syntax error into one finding at its line', () => {
      const front = FRONT.replace('status: final', 'status: final: yes');
      const plan = parsePlan(planText({ front }));
      assert.equal(plan.frontMatter?.syntaxError, true);
      assert.equal(plan.parseFindings.length, 1);
      assert.equal(plan.parseFindings[0]!.ruleId, 'front-matter-valid');
      assert.equal(plan.parseFindings[0]!.range.start.line, 3);
      assert.equal(plan.sections.length, 12, 'the body is still read');
      assert.equal(plan.planBy, 'front-matter');
    });

    it('reports a tab-indented key on its line', () => {
      const front = FRONT.replace('  phase: primary', '\tphase: primary');
      const plan = parsePlan(planText({ front }));
      assert.deepEqual(plan.parseFindings.map((f) => [f.ruleId, f.range.start.line]), [['front-matter-valid', 12]]);
    });

    it('reports an unclosed quote on the line where it opens', () => {
      const front = FRONT.replace('localAuthority: Example Borough Council', 'localAuthority: "Example Borough Council');
      const plan = parsePlan(planText({ front }));
      assert.equal(plan.parseFindings.length, 1);
      assert.equal(plan.parseFindings[0]!.range.start.line, 4);
    });

    it('does not report the same YAML problem twice', () => {
      const front = FRONT.replace('  preferredName: Sam', '    preferredName: Sam');
      const findings = parsePlan(planText({ front })).parseFindings;
      const keys = findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`);
      assert.ok(findings.length >= 1);
      assert.equal(new Set(keys).size, keys.length, `duplicate findings: ${keys.join(' / ')}`);
    });

    it('does not throw on an alias to a missing anchor, and reports it', () => {
      const front = FRONT.replace('status: final', 'status: *final');
      let plan: Plan | undefined;
      assert.doesNotThrow(() => {
        plan = parsePlan(planText({ front }));
      });
      assert.ok(plan!.parseFindings.some((f) => f.ruleId === 'front-matter-valid' && f.range.start.line === 3));
    });

    it('does not throw on an alias bomb', () => {
      const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
      assert.doesNotThrow(() => parsePlan(`---\nehcp: 1\n${bomb}---\n\n## Section A\n\nHello.\n`));
    });

    it('reports front matter that is never closed, and still finds the sections', () => {
      const text = planText({ front: FRONT.replace(/---\n$/, '') });
      const plan = parsePlan(text);
      assert.equal(plan.frontMatter, null);
      assert.deepEqual(plan.parseFindings.map((f) => [f.ruleId, lc(f.range)]), [['front-matter-valid', '1:1-1:4']]);
      assert.equal(plan.planBy, 'front-matter');
      assert.equal(plan.sections.length, 12);
    });
  });

  describe('odd inputs', () => {
    it('CRLF line endings: the same lines and columns as LF', () => {
      const lf = planText({ body: { F: `${BODY.F}\n\n- Sam will receive a daily 10-minute check-in, 1:1, from a teaching assistant (E1).` } });
      const crlf = lf.replace(/\n/g, '\r\n');
      const a = parsePlan(lf);
      const b = parsePlan(crlf);
      const positions = (plan: Plan): string[] => [
        ...plan.sections.map((s) => `section ${s.letter} ${lc(s.heading.range)}`),
        ...plan.sections.flatMap((s) => s.areas.map((x) => `area ${x.name} ${lc(x.heading.range)}`)),
        ...plan.outcomes.map((o) => `outcome ${o.id} ${lc(o.idRange)} ${lc(o.textRange)}`),
        ...plan.provision.flatMap((p) => [`provision ${lc(p.range)}`, ...Object.entries(p.fields).map(([k, v]) => `  ${k} ${lc(v!.range)}`)]),
        ...plan.advice.map((r) => `advice ${lc(r.range)}`),
        `meta status ${lc(plan.meta.status!.valueRange)}`,
        `meta finalIssued ${lc(plan.meta.dates.finalIssued!.range)}`,
      ];
      assert.deepEqual(positions(b), positions(a));
      assert.equal(b.outcomes.length, 3);
      assert.equal(sliceOf(b, b.outcomes[0]!.idRange), 'E1');
      assert.equal(sliceOf(b, b.provision[0]!.fields.who!.range), 'Qualified speech and language therapist');
    });

    it('CRLF line endings: Section I values keep their ranges', () => {
      const crlf = planText().replace(/\n/g, '\r\n');
      const plan = parsePlan(crlf);
      assert.equal(plan.placement?.name?.text, 'Example Primary School');
      assert.equal(sliceOf(plan, plan.placement!.name!.range), 'Example Primary School');
      assert.equal(sliceOf(plan, plan.placement!.type!.range), 'Mainstream primary school (community)');
    });

    it('CRLF line endings: suppression lines', () => {
      const plan = parsePlan('# P\r\n<!-- ehcp-disable-next-line section-empty -- ok -->\r\nline 3\r\n');
      assert.deepEqual(plan.suppressions.map((s) => [s.fromLine, s.toLine, s.reason]), [[3, 3, 'ok']]);
    });

    it('a UTF-8 byte order mark is removed and the front matter still read', () => {
      const plan = parsePlan(`\uFEFF${planText()}`);
      assert.equal(plan.text.charCodeAt(0), 0x2d);
      assert.equal(plan.planBy, 'front-matter');
      assert.equal(plan.meta.status?.value, 'final');
      assert.equal(plan.sections.length, 12);
      assert.ok(isPlanText(`\uFEFF${planText()}`));
    });

    it('an empty file', () => {
      const plan = parsePlan('');
      assert.equal(plan.planBy, null);
      assert.equal(plan.frontMatter, null);
      assert.deepEqual(plan.sections, []);
      assert.deepEqual(plan.parseFindings, []);
      assert.deepEqual(plan.positionAt(0), { line: 1, column: 1, offset: 0 });
    });

    it('a file of only front matter', () => {
      const plan = parsePlan(FRONT);
      assert.equal(plan.planBy, 'front-matter');
      assert.deepEqual(plan.sections, []);
      assert.equal(plan.placement, null);
      assert.equal(plan.meta.status?.value, 'final');
      const noNewline = parsePlan(FRONT.trimEnd());
      assert.equal(noNewline.planBy, 'front-matter');
    });

    it('binary-looking junk', () => {
      let junk = '';
      for (let i = 0; i < 4096; i++) junk += String.fromCharCode((i * 7919 + 13) % 0xffff);
      for (const text of [junk, `\u0000\u0001\u0002---\n${junk}`, `---\nehcp: 1\n---\n${junk}`, '\uD800\uDC00\uD800', '\r\r\r\n\n\r']) {
        let plan: Plan | undefined;
        assert.doesNotThrow(() => {
          plan = parsePlan(text);
        });
        assertRangesSane(plan!);
      }
    });

    it('a 2 MB plan parses without throwing', function () {
      this.timeout(60000);
      const outcomes: string[] = [];
      const rows: string[] = [];
      for (let i = 1; i <= 900; i++) outcomes.push(`- **E${i}** By July 2027, Sam will read ${i} words aloud with 95% accuracy in 4 out of 5 checks.`);
      for (let i = 1; i <= 2000; i++) {
        rows.push(`| Precision Teaching of reading list ${i} | E${(i % 900) + 1} | Teaching assistant trained in Precision Teaching | 1:1 | daily | 10 minutes |`);
      }
      const filler = 'Sam enjoys reading about dinosaurs and talks about them at length with adults he knows well. '.repeat(8);
      const paragraphs = Array.from({ length: 2400 }, (_, i) => `Paragraph ${i}. ${filler}`).join('\n\n');
      const text = planText({
        body: {
          A: `${BODY.A}\n\n${paragraphs}`,
          E: `### Cognition and learning\n${outcomes.join('\n')}`,
          F: `### Cognition and learning\n| Provision | Outcomes | Who | Ratio | How often | How long |\n|---|---|---|---|---|---|\n${rows.join('\n')}`,
        },
      });
      assert.ok(text.length >= 2 * 1024 * 1024, `only ${text.length} characters`);
      const plan = parsePlan(text);
      assert.equal(plan.sections.length, 12);
      assert.equal(plan.outcomes.length, 900);
      assert.equal(plan.provision.length, 2000);
      const last = plan.provision[1999]!;
      assert.equal(last.fields.outcomes?.text, 'E201');
      assert.equal(sliceOf(plan, last.fields.outcomes!.range), 'E201');
      assertRangesSane(plan);
    });
  });

  describe('fuzz', () => {
    /** mulberry32: a small deterministic generator, so a failure can be replayed. */
    function random(seed: number): () => number {
      let a = seed >>> 0;
      return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }

    const TOKENS = [
      '\n', '\r\n', '\r', '\t', ' ', '|', '||', '---', '\n---\n', '#', '## ', '### ', '#### ', '- ', '* ', '1. ', '**', '__', ':', '.', '–', '—',
      '(', ')', '[', ']', '<!--', '-->', '<!-- ehcp-disable-next-line ', '<!-- ehcp-enable -->', ' -- ', '```', '`', '>', '\\', '&', '*', '!',
      'E1', 'E', '99', 'Section ', 'H', 'H1', '(PfA: ', 'Name:', 'Type:', '| --- |', '|---|---|', '\uFEFF', '\u0000', '\uD800', '\uDFFF', '😀',
      'ehcp: 1', 'status: ', 'yearGroup: 9', '  ', '"', "'", '{', '}', '%', '@', '&a', '*a', '? ', '\n\n',
    ];

    function mutate(text: string, next: () => number): string {
      let out = text;
      const count = 1 + Math.floor(next() * 6);
      for (let m = 0; m < count; m++) {
        const pos = Math.floor(next() * (out.length + 1));
        const len = Math.floor(next() * 40);
        switch (Math.floor(next() * 6)) {
          case 0: // delete
            out = out.slice(0, pos) + out.slice(pos + len);
            break;
          case 1: // duplicate
            out = out.slice(0, pos) + out.slice(pos, pos + len) + out.slice(pos);
            break;
          case 2: // insert a token
            out = out.slice(0, pos) + TOKENS[Math.floor(next() * TOKENS.length)]! + out.slice(pos);
            break;
          case 3: // replace one code unit with any code unit
            out = out.slice(0, pos) + String.fromCharCode(Math.floor(next() * 0x10000)) + out.slice(pos + 1);
            break;
          case 4: {
            // move a slice elsewhere
            const piece = out.slice(pos, pos + len * 4);
            const rest = out.slice(0, pos) + out.slice(pos + len * 4);
            const to = Math.floor(next() * (rest.length + 1));
            out = rest.slice(0, to) + piece + rest.slice(to);
            break;
          }
          default: // truncate
            out = out.slice(0, Math.max(pos, Math.floor(out.length * 0.5)));
        }
      }
      return out;
    }

    const YAML_TOKENS = ['*a', '&a ', '<<: *a\n', '!!binary ', '!!int ', '!foo ', '%YAML 1.1\n', '? ', '- ', '[', ']', '{', '}', '"', "'", '|\n', '>\n', '\t', '  ', ': ', '#', '\n', '---\n', '...\n', '&b ', '*b'];

    it('never throws on 200 random mutations of the front matter (seed 7)', function () {
      this.timeout(120000);
      const next = random(7);
      const end = FRONT.length - 4; // keep the closing fence
      for (let i = 0; i < 200; i++) {
        let yaml = FRONT.slice(4, end);
        for (let m = 0; m < 1 + Math.floor(next() * 4); m++) {
          const pos = Math.floor(next() * (yaml.length + 1));
          const roll = next();
          if (roll < 0.25) yaml = yaml.slice(0, pos) + yaml.slice(pos + Math.floor(next() * 12));
          else if (roll < 0.4) {
            // put an anchor or alias where a value starts
            const colon = yaml.indexOf(': ', pos);
            const eol = yaml.indexOf('\n', colon);
            if (colon >= 0 && eol > colon) yaml = next() < 0.5 ? `${yaml.slice(0, colon + 2)}*a${yaml.slice(eol)}` : `${yaml.slice(0, colon + 2)}&a ${yaml.slice(colon + 2)}`;
          } else yaml = yaml.slice(0, pos) + YAML_TOKENS[Math.floor(next() * YAML_TOKENS.length)]! + yaml.slice(pos);
        }
        const text = `---\n${yaml}---\n\n## Section A\n\nHello.\n`;
        try {
          parsePlan(text);
        } catch (error) {
          assert.fail(`mutation ${i} threw ${String(error)}\n--- front matter ---\n${yaml}`);
        }
      }
    });

    const seeds: [string, string, number][] = [['built-in plan', planText(), 300]];
    for (const [file, count] of [['test/corpus/04-zofia-y10-vi-pfa.ehcp.md', 300], ['test/corpus/02-maya-primary-prose.ehcp.md', 150]] as const) {
      const full = path.resolve(file);
      if (fs.existsSync(full)) seeds.push([file, fs.readFileSync(full, 'utf8'), count]);
    }

    for (const [name, source, count] of seeds) {
      // Each mutation is parsed once; the two tests below read the outcome.
      let results: { text: string; plan: Plan | null; error: unknown }[] | undefined;
      const run = (): NonNullable<typeof results> => {
        if (results) return results;
        const next = random(20261122);
        results = Array.from({ length: count }, () => {
          const text = mutate(source, next);
          try {
            return { text, plan: parsePlan(text), error: null };
          } catch (error) {
            return { text, plan: null, error };
          }
        });
        return results;
      };

      it(`never throws on ${count} random mutations of ${name} (seed 20261122)`, function () {
        this.timeout(120000);
        run().forEach(({ text, error }, i) => {
          if (error) assert.fail(`mutation ${i} threw ${String(error)}\n--- input (first 600 chars) ---\n${JSON.stringify(text.slice(0, 600))}`);
        });
      });

      it(`keeps every range inside the text on those mutations of ${name}`, function () {
        this.timeout(120000);
        run().forEach(({ plan }, i) => {
          if (!plan) return; // reported by the test above
          try {
            assertRangesSane(plan);
          } catch (error) {
            assert.fail(`mutation ${i}: ${(error as Error).message}`);
          }
        });
      });
    }
  });
});
