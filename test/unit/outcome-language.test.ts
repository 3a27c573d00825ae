/** How the outcome rules read the wording of an outcome (time anchors, measures, provision, aspirations). */
import assert from 'node:assert/strict';
import {
  assessAspiration,
  assessMeasurability,
  findProvisionWording,
  findTimeAnchors,
  isTimeBound,
} from '../../server/engine/rules/outcomes/language.js';

describe('outcome wording: time anchors', () => {
  const bound = [
    'By the end of Year 6, Sam will start a conversation with a classmate.',
    'By the end of Key Stage 2 Sam will read 100 words.',
    'By the end of KS1, Leo will write a sentence.',
    'By July 2027, Sam will follow a three-step instruction.',
    'By May 2027, Sam will count to 20.',
    'By 31 July 2027, Sam will count to 20.',
    'By Easter 2027, Sam will spell 40 words.',
    'Sam will count to 20 by the end of the spring term 2027.',
    'Within 12 months, Sam will dress himself independently.',
    'In the next six months Sam will travel to school by bus.',
    'By age 19, Jordan will travel to college on his own.',
    'By the age of 16, Jordan will cook a meal.',
    'By the end of his first year at college, Jordan will order his lunch.',
    'By the end of Reception, Ava will take turns with a peer.',
    'During Year 7, Sam will use a planning frame.',
    'In Year 7, Sam will use a planning frame.',
    'By the end of the academic year, Sam will count to 100.',
    'By the end of the 2026/27 academic year, Sam will attend on 95% of days.',
    'By the time he leaves primary school, Sam will read a Year 4 book.',
    'Before transferring to secondary school, Sam will visit his new school 3 times.',
    'By his next annual review, Sam will name 10 colours.',
    'Sam will read 50 words by summer 2027.',
  ];
  for (const text of bound) it(`time-bound: ${text}`, () => assert.ok(isTimeBound(text), JSON.stringify(findTimeAnchors(text))));

  const notBound = [
    'Sam will read 50 words.',
    'Sam will follow a three-step instruction by the end of each lesson, checked each term.',
    'Sam will sit with his Year 7 peers in lessons.',
    'Sam will take part in the Lego therapy programme.',
    'Sam will sing in the Christmas play.',
    'Sam will attend on 4 days in a week.',
    'Sam will stay on task for 10 minutes in the lesson.',
    'Sam will, in the future, have friends.',
    'Sam may be able to read in class.',
  ];
  for (const text of notBound) it(`not time-bound: ${text}`, () => assert.deepEqual(findTimeAnchors(text), []));

  it('does not let a review mention in a lead-in count as a time', () => {
    assert.equal(findTimeAnchors('These outcomes will be reviewed at the annual review.', { leadOnly: true }).length, 0);
    assert.ok(findTimeAnchors('By the end of Key Stage 2, Sam will:', { leadOnly: true }).length > 0);
  });
});

describe('outcome wording: measurable', () => {
  const vague = [
    ['By the end of Year 6, Sam will improve his communication skills.', 'improve'],
    ['To develop Sam\'s social skills.', 'develop'],
    ['By July 2027, Sam will make good progress in reading.', 'make good progress'],
    ['By May 2027 Sam will understand how to keep safe online.', 'understand'],
    ['Sam will gain confidence in speaking.', 'gain confidence'],
    ['Sam will be happy at school.', 'be happy'],
    ['Sam will manage his emotions.', 'manage his emotions'],
    ['Sam will continue to develop his phonics.', 'continue to'],
    ['Sam will engage with learning in the classroom.', 'engage'],
    ['Sam will be more independent by the end of Year 6.', 'be more'],
    ['By July 2027, Sam will achieve his full potential.', 'achieve his full potential'],
    ['By the end of Year 2, Leo will make progress in maths lessons.', 'make progress'],
  ] as const;
  for (const [text, word] of vague) {
    it(`not measurable: ${text}`, () => {
      const r = assessMeasurability(text);
      assert.equal(r.measurable, false, `criterion ${r.criterion}`);
      assert.equal(r.vague?.text.toLowerCase(), word.toLowerCase());
    });
  }

  const measurable = [
    'By the end of Year 6, Sam will show he understands a three-step instruction by carrying it out in 4 out of 5 lessons.',
    'Sam will understand number bonds to 10, answering 8 out of 10 questions correctly.',
    'By July 2027, when he feels anxious, Sam will use his help card to ask an adult for a break.',
    'By July 2027, Sam will improve his conversation skills so that he starts a conversation without an adult prompt.',
    'By July 2027, Sam will stay on a writing task for 10 minutes with one visual prompt.',
    'By July 2027, Sam will dress and undress for PE independently.',
    'By the end of Year 6 Sam will develop his reading to age-related expectations.',
    'By the end of Year 11, Jordan will develop his maths to pass Entry Level 3 Functional Skills.',
    'By the end of Year 6 Sam will start a conversation at break time.',
    'Sam will read 3 times a week.',
  ];
  for (const text of measurable) it(`measurable: ${text}`, () => assert.equal(assessMeasurability(text).measurable, true));

  it('does not take the numbers of the time anchor as a measure', () => {
    assert.equal(assessMeasurability('By the end of Year 6 (July 2027), Sam will improve his reading.').measurable, false);
    assert.equal(assessMeasurability('By the end of Key Stage 2, Sam will develop his writing.').measurable, false);
  });
});

describe('outcome wording: provision written as an outcome', () => {
  const provision = [
    'Sam will receive weekly speech and language therapy.',
    'By July 2027, Sam will have access to a quiet space.',
    'The TA will support Sam to read daily.',
    'By the end of Key Stage 2, staff will ensure Sam has a visual timetable.',
    'To provide Sam with a visual timetable.',
    'To support Sam to access the curriculum.',
    'Sam will be supported by an adult to read a book.',
    'Sam will have 1:1 support in all lessons.',
    'For school to provide a consistent key adult.',
    'be given a daily check-in with his key adult.',
    "Sam's teacher will give him a word mat.",
  ];
  for (const text of provision) it(`provision: ${text}`, () => assert.ok(findProvisionWording(text), text));

  const outcome = [
    'Sam will ask an adult for help using his help card.',
    'Sam will tell a member of staff when he feels worried.',
    'Sam will start a conversation without needing to be prompted by an adult.',
    'Sam will use his visual timetable to move between activities independently.',
    'help a younger pupil read a picture book once a week.',
    'Sam will have a friend to play with at break time.',
    'Sam will read 20 words; his teacher will record this weekly.',
    'Sam will spell 40 words, and progress will be monitored termly.',
    'Sam will get dressed for PE.',
  ];
  for (const text of outcome) it(`not provision: ${text}`, () => assert.equal(findProvisionWording(text), null));
});

describe('outcome wording: aspirations', () => {
  const aspiration = [
    'Jordan wants to be a vet.',
    'Jordan will get a job when he leaves school.',
    'By the age of 25, Jordan will live independently.',
    'Jordan will go to university to study animal science.',
    'Sam will become a professional footballer.',
    'One day Sam will have his own flat.',
  ];
  for (const text of aspiration) {
    it(`aspiration: ${text}`, () => {
      const r = assessAspiration(text);
      assert.ok(r.phrase, 'no aspiration found');
      assert.equal(r.hasStep, false);
    });
  }

  const step = [
    'By the end of Year 11, Jordan will complete a one-week work experience placement at a garage, arriving on time on 4 out of 5 days, as a step towards getting a job as a mechanic.',
    'By July 2027, Jordan will cook a simple hot meal with one visual prompt once a week, as a step towards living independently.',
  ];
  for (const text of step) it(`step towards an aspiration: ${text}`, () => assert.equal(assessAspiration(text).hasStep, true));

  it('ignores outcomes with no life goal', () => {
    assert.equal(assessAspiration('By the end of Year 11, Jordan will travel independently to college by bus.').phrase, null);
    assert.equal(assessAspiration('Sam wants to be able to read his favourite comic.').phrase, null);
  });
});
