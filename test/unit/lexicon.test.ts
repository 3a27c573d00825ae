/** The provision lexicon: the data loads and compiles, config changes apply, phrases match, hard negatives do not. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  LEXICON_CATEGORIES,
  builtInEntries,
  compileLexicon,
  expandPattern,
  findInSpan,
  findMatches,
  phrasePattern,
  readLexiconFile,
  type LexiconCategory,
  type LexiconFeature,
} from '../../server/engine/lexicon/index.js';

const lexicon = compileLexicon();
const ids = (text: string): string[] => findMatches(lexicon, text).map((m) => m.entry.id);
const categoriesIn = (text: string): LexiconCategory[] => findMatches(lexicon, text).map((m) => m.entry.category);

describe('lexicon', () => {
  describe('data', () => {
    it('loads every entry with a category, why and rewrite, and unique ids', () => {
      const entries = builtInEntries();
      assert.ok(entries.length >= 60, `only ${entries.length} entries`);
      assert.equal(new Set(entries.map((e) => e.id)).size, entries.length);
      for (const e of entries) {
        assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${e.id}: id is not kebab-case`);
        assert.ok((LEXICON_CATEGORIES as readonly string[]).includes(e.category), `${e.id}: category`);
        assert.ok(e.why.length > 20, `${e.id}: why is too short`);
        assert.ok(e.rewrite.length > 5, `${e.id}: rewrite is missing`);
      }
    });

    it('compiles every built-in pattern, none of which matches empty text', () => {
      assert.deepEqual(lexicon.problems, []);
      assert.equal(lexicon.entries.length, builtInEntries().length);
      for (const e of lexicon.entries) assert.equal(e.regex.test(''), false, `${e.id} matches empty text`);
    });

    it('covers every category a provision rule reads', () => {
      const used = new Set(builtInEntries().map((e) => e.category));
      for (const category of LEXICON_CATEGORIES) assert.ok(used.has(category), `no entry of category ${category}`);
    });

    it('documents every phrase in the doc page of the rule that reports it', () => {
      const docFor: Partial<Record<LexiconCategory, string>> = {
        hedge: 'provision-hedge',
        'open-range': 'provision-open-range',
        'delegated-discretion': 'provision-delegated-discretion',
        'unilateral-change': 'provision-unilateral-change',
        funding: 'provision-funding-as-provision',
        'universal-offer': 'provision-universal-offer',
      };
      for (const e of builtInEntries()) {
        const doc = fs.readFileSync(path.resolve('docs/rules', `${docFor[e.category] ?? 'provision-vague-phrase'}.md`), 'utf8');
        assert.ok(doc.includes(`\`${e.id}\``), `${e.id} is not listed in docs/rules/${docFor[e.category] ?? 'provision-vague-phrase'}.md`);
      }
    });

    it('rejects a malformed data file with a clear error', () => {
      assert.throws(() => readLexiconFile({ entries: [] }), /macros/);
      assert.throws(
        () => readLexiconFile({ macros: {}, entries: [{ id: 'x', label: 'x', category: 'nonsense', pattern: 'x', why: 'w', rewrite: 'r' }] }),
        /unknown category/,
      );
      assert.throws(
        () =>
          readLexiconFile({
            macros: {},
            entries: [
              { id: 'x', label: 'x', category: 'vague', pattern: 'x', why: 'w', rewrite: 'r' },
              { id: 'x', label: 'y', category: 'vague', pattern: 'y', why: 'w', rewrite: 'r' },
            ],
          }),
        /duplicate id/,
      );
    });
  });

  describe('patterns', () => {
    it('expands macros and lets a space match any whitespace, but not inside a character class', () => {
      assert.equal(expandPattern('up to {N}', { N: '\\d+' }), 'up\\s+to\\s+\\d+');
      assert.equal(expandPattern('[ -]x'), '[ -]x');
      assert.equal(expandPattern('a\\ b'), 'a\\ b');
    });

    it('turns a literal phrase into an escaped pattern with word boundaries', () => {
      assert.equal(phrasePattern('as per'), '\\bas per\\b');
      assert.equal(phrasePattern('e.g.'), '\\be\\.g\\.');
      assert.equal(phrasePattern('(see)'), '\\(see\\)');
    });
  });

  describe('matching', () => {
    const positives: [string, string][] = [
      ['Sam will have access to a laptop.', 'access-to'],
      ['opportunities to practise turn-taking', 'opportunities-to'],
      ['opportunities for social play', 'opportunities-for'],
      ['a movement break as required', 'as-required'],
      ['a movement break as and when needed', 'as-required'],
      ['help when needed', 'as-required'],
      ['a quiet space when he needs it', 'when-he-needs-it'],
      ['adjustments where appropriate', 'as-appropriate'],
      ['appropriate support in class', 'appropriate-support'],
      ['reading practice where possible', 'where-possible'],
      ['if practicable', 'where-possible'],
      ['subject to availability', 'subject-to-availability'],
      ['staffing permitting', 'subject-to-availability'],
      ['regular speech therapy', 'regular'],
      ['frequent movement breaks', 'frequent'],
      ['ongoing support', 'ongoing'],
      ['periodic reviews of targets', 'periodic'],
      ['a small group', 'small-group'],
      ['a small class', 'small-class'],
      ['a high adult:pupil ratio', 'high-ratio'],
      ['a high level of adult support', 'high-level-of'],
      ['strategies such as task strips', 'such-as'],
      ['visuals, e.g. a timetable', 'e-g'],
      ['for example Lego therapy', 'for-example'],
      ['phonics, spelling etc.', 'etc'],
      ['Lexia or equivalent', 'or-equivalent'],
      ['Lexia or similar', 'or-equivalent'],
      ['including but not limited to phonics', 'including-not-limited'],
      ['a key adult', 'key-adult'],
      ['trained staff', 'trained-staff'],
      ['school staff', 'school-staff'],
      ['an adult', 'an-adult'],
      ['the school will provide', 'the-school-will'],
      ['a quiet room is available', 'is-available'],
      ['can be provided', 'can-be-provided'],
      ['will be offered', 'can-be-provided'],
      ['Sam will be encouraged to use his timetable', 'encouraged-to'],
      ['staff will monitor his mood', 'monitor'],
      ['check in with the ELSA', 'check-in'],
      ['keep an eye on him', 'monitor'],
      ['under the guidance of the SaLT', 'under-guidance-of'],
      ['in consultation with the OT', 'under-guidance-of'],
      ["as per the EP's report", 'cross-reference'],
      ['in line with the speech and language therapy report', 'cross-reference'],
      ['access arrangements for tests', 'access-arrangements'],
      ['a range of strategies', 'range-of'],
      ['should receive', 'should'],
      ['Sam may need', 'may'],
      ['May need a break', 'may'],
      ['could have', 'could'],
      ['would benefit from Lego therapy', 'benefit-from'],
      ['It is recommended that Sam receives', 'recommended'],
      ['it would be helpful', 'helpful'],
      ['ideally in the morning', 'ideally'],
      ['staff will try to', 'try-to'],
      ['up to 10 sessions', 'up-to'],
      ['2–3 times a week', 'range'],
      ['20-30 minutes', 'range'],
      ['two or three sessions', 'range'],
      ['between 10 and 15 minutes', 'between'],
      ['approximately 30 minutes', 'approximately'],
      ['about 20 minutes', 'approximately'],
      ['a maximum of 6 sessions', 'maximum-of'],
      ['as determined by the SENCO', 'determined-by'],
      ['at the discretion of the class teacher', 'discretion-of'],
      ['as the school sees fit', 'school-to-decide'],
      ['frequency to be determined', 'to-be-decided'],
      ['subject to review', 'subject-to-review'],
      ['reviewed and adjusted', 'reviewed-and-adjusted'],
      ['may be reduced following review', 'may-be-reduced'],
      ['will be tapered', 'may-be-reduced'],
      ['reduced after a discussion', 'following-review'],
      ['until no longer needed', 'until-no-longer'],
      ['depending on his progress', 'depending-on-progress'],
      ['£6,000 to support literacy', 'money'],
      ['Band 3', 'band'],
      ['funding band', 'band'],
      ['Element 3', 'band'],
      ['15 funded hours', 'funded-hours'],
      ['top-up funding', 'funding-for'],
      ['quality first teaching', 'quality-first-teaching'],
      ['a differentiated curriculum', 'differentiated-curriculum'],
      ['ordinarily available provision', 'ordinarily-available'],
      ['a broad and balanced curriculum', 'broad-balanced'],
      ['good classroom practice', 'inclusive-practice'],
    ];
    for (const [text, id] of positives) {
      it(`finds ${id} in "${text}"`, () => assert.ok(ids(text).includes(id), `got ${JSON.stringify(ids(text))}`));
    }

    const hardNegatives: [string, LexiconCategory[]][] = [
      ['Sessions take place in his regular classroom with his regular class teacher in regular lessons.', ['frequency-word']],
      ['25% extra time and a separate room in all internal and external exams', ['vague']],
      ['Reviewed in May 2027 and again by May half-term.', ['hedge']],
      ['May will receive phonics daily.', ['hedge']],
      ['Should Sam become distressed, the TA will take him to the calm room.', ['hedge']],
      ['groups of up to 4 pupils; no more than 6 pupils; up to 4 in a group', ['open-range']],
      ['one to one sessions; 1-to-1 support', ['open-range']],
      ['daily from 9:00-9:30 in Years 5-6', ['open-range']],
      ['step-free access to all classrooms; a radio aid to enable access to lessons', ['vague']],
      ['In addition to quality first teaching, Sam will receive phonics.', ['universal-offer']],
      ['Cost: £450 one-off', ['funding']],
      ['blood glucose monitor checked every 2 hours', ['vague']],
      ['throughout the school day, including break and lunch times', ['example-list']],
      ['conversations with unfamiliar adults', ['deliverer']],
      ['teaching of intermittent self-catheterisation', ['frequency-word']],
      ['a programme which aims to build turn-taking', ['hedge']],
      ['a personal assistant paid through an adult social care direct payment', ['deliverer']],
      ['the farm’s regular volunteers', ['frequency-word']],
    ];
    for (const [text, forbidden] of hardNegatives) {
      it(`does not report ${forbidden.join('/')} in "${text}"`, () => {
        const found = categoriesIn(text).filter((c) => forbidden.includes(c));
        assert.deepEqual(found, [], `got ${JSON.stringify(findMatches(lexicon, text).map((m) => `${m.entry.id}:${m.text}`))}`);
      });
    }

    it('resolves overlaps across the lexicon: the longer phrase wins', () => {
      assert.deepEqual(ids('Support may be reduced following review.'), ['may-be-reduced']);
      assert.deepEqual(ids('Subject to regular review.'), ['subject-to-review']);
      // "appropriate" is not also reported as vague: the whole phrase is one delegated decision
      assert.deepEqual(categoriesIn('as deemed appropriate by the SENCO'), ['delegated-discretion']);
    });

    it('filters by category after resolving overlaps', () => {
      const hedges = findMatches(lexicon, 'This may be reduced following review.', { categories: ['hedge'] });
      assert.deepEqual(hedges, []);
    });

    it('gives exact offsets, shifted by baseOffset', () => {
      const text = 'Sam will receive help as required.';
      const [m] = findMatches(lexicon, text, { baseOffset: 100 });
      assert.ok(m);
      assert.equal(m.text, 'as required');
      assert.equal(m.start, 100 + text.indexOf('as required'));
      assert.equal(m.end, m.start + 'as required'.length);
    });

    it('skips an entry whose condition the item meets', () => {
      const has = (features: LexiconFeature[]) => (f: LexiconFeature) => features.includes(f);
      const text = 'A movement break as needed.';
      assert.deepEqual(ids(text), ['as-required']);
      assert.deepEqual(findMatches(lexicon, text, { has: has(['minimum']) }), []);
      assert.equal(findMatches(lexicon, 'staff will monitor him', { has: has(['frequency']) }).filter((m) => m.entry.id === 'monitor').length, 0);
      assert.equal(findMatches(lexicon, 'under the guidance of the SaLT', { has: has(['therapist-time']) }).length, 0);
      // unlessItemMatches reads the whole item, not just the text searched
      assert.equal(findMatches(lexicon, 'access arrangements', { itemText: 'access arrangements: a reader and 25% extra time' }).length, 0);
    });

    it('finds matches in a span with exact line and column ranges', () => {
      const span = {
        text: 'First line\nthen as required here',
        range: { start: { line: 5, column: 3, offset: 40 }, end: { line: 6, column: 22, offset: 72 } },
      };
      const [m] = findInSpan(lexicon, span);
      assert.ok(m);
      assert.deepEqual(m.range.start, { line: 6, column: 6, offset: 40 + span.text.indexOf('as required') });
      assert.deepEqual(m.range.end, { line: 6, column: 17, offset: 40 + span.text.indexOf('as required') + 11 });
    });
  });

  describe('config', () => {
    it('disables entries by id or by label, and reports names that match nothing', () => {
      const changed = compileLexicon({ disable: ['access-to', 'Regular / regularly', 'no-such-entry'] });
      assert.equal(changed.byId.has('access-to'), false);
      assert.equal(changed.byId.has('regular'), false);
      assert.equal(changed.entries.length, lexicon.entries.length - 2);
      assert.deepEqual(findMatches(changed, 'access to regular therapy'), []);
      assert.deepEqual(changed.problems.map((p) => p.entry), ['no-such-entry']);
    });

    it('adds a phrase as a vague entry with its own why and rewrite', () => {
      const changed = compileLexicon({ add: [{ phrase: 'as capacity allows', why: 'Conditional on the setting.', rewrite: '[how often] × [how long]' }] });
      const [m] = findMatches(changed, 'Sessions as  capacity allows.');
      assert.ok(m);
      assert.equal(m.entry.id, 'custom-as-capacity-allows');
      assert.equal(m.entry.category, 'vague');
      assert.equal(m.entry.source, 'config');
      assert.equal(m.entry.why, 'Conditional on the setting.');
      assert.equal(m.text, 'as  capacity allows');
    });

    it('adds a regular expression, with an optional id, category and stub', () => {
      const changed = compileLexicon({
        add: [{ phrase: 'shall\\s+endeavour', regex: true, id: 'shall-endeavour', category: 'hedge', why: 'Not a commitment.', rewrite: 'will', stub: 'will' }],
      });
      const [m] = findMatches(changed, 'The school shall endeavour to provide it.', { categories: ['hedge'] });
      assert.ok(m);
      assert.equal(m.entry.id, 'shall-endeavour');
      assert.equal(m.entry.stub, 'will');
    });

    it('leaves out a bad config entry and says why, without throwing', () => {
      const changed = compileLexicon({
        add: [
          { phrase: '(unclosed', regex: true, why: 'w', rewrite: 'r' },
          { phrase: 'x*', regex: true, why: 'w', rewrite: 'r' },
          { phrase: '   ', why: 'w', rewrite: 'r' },
          { phrase: 'as the SENCO likes', category: 'made-up', why: 'w', rewrite: 'r' },
        ],
      });
      assert.equal(changed.entries.length, lexicon.entries.length + 1);
      assert.equal(changed.problems.length, 4);
      assert.match(changed.problems.map((p) => p.message).join(' '), /empty text/);
      assert.equal(changed.byId.get('custom-as-the-senco-likes')?.category, 'vague');
    });

    it('compiles once per distinct change set', () => {
      assert.equal(compileLexicon({ add: [], disable: [] }), lexicon);
      assert.equal(compileLexicon({ disable: ['etc'] }), compileLexicon({ disable: ['etc'] }));
      assert.notEqual(compileLexicon({ disable: ['etc'] }), lexicon);
    });
  });
});
