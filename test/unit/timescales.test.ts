/** Calendar arithmetic behind the statutory-timescale rules (UTC days, leap years, boundaries). */
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  addYears,
  ageInYears,
  daysBetween,
  daysInMonth,
  formatDate,
  isLeapYear,
  utcDate,
} from '../../server/engine/rules/outcomes/dates.js';
import { transferDeadline, transferKind } from '../../server/engine/rules/outcomes/timescale-phase-transfer.js';
import type { PlanMeta } from '../../server/engine/model.js';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date): string => date.toISOString().slice(0, 10);
const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

describe('timescale date arithmetic', () => {
  it('counts whole UTC days between dates', () => {
    assert.equal(daysBetween(d('2026-01-12'), d('2026-02-23')), 42);
    assert.equal(daysBetween(d('2026-01-12'), d('2026-02-24')), 43);
    assert.equal(daysBetween(d('2026-01-12'), d('2026-06-01')), 140);
    assert.equal(daysBetween(d('2026-01-12'), d('2026-06-02')), 141);
    assert.equal(daysBetween(d('2026-05-01'), d('2026-05-16')), 15);
    assert.equal(daysBetween(d('2026-05-01'), d('2026-05-15')), 14);
    assert.equal(daysBetween(d('2026-05-20'), d('2026-05-10')), -10);
  });

  it('is not shifted by clock changes or times of day', () => {
    // British Summer Time starts on 29 March 2026; UTC arithmetic ignores it
    assert.equal(daysBetween(d('2026-03-28'), d('2026-03-30')), 2);
    assert.equal(daysBetween(new Date('2026-03-28T23:30:00Z'), new Date('2026-03-30T00:30:00Z')), 2);
  });

  it('counts 29 February in leap years', () => {
    assert.equal(daysBetween(d('2028-02-01'), d('2028-03-01')), 29);
    assert.equal(daysBetween(d('2027-02-01'), d('2027-03-01')), 28);
    assert.equal(daysBetween(d('2028-01-01'), d('2029-01-01')), 366);
    assert.equal(iso(addDays(d('2028-02-28'), 1)), '2028-02-29');
    assert.equal(iso(addDays(d('2027-02-28'), 1)), '2027-03-01');
  });

  it('knows which years are leap years', () => {
    assert.equal(isLeapYear(2028), true);
    assert.equal(isLeapYear(2027), false);
    assert.equal(isLeapYear(2100), false);
    assert.equal(isLeapYear(2000), true);
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(2029, 2), 28);
  });

  it('adds months to the same day, or the last day of a shorter month', () => {
    assert.equal(iso(addMonths(d('2025-10-31'), 12)), '2026-10-31');
    assert.equal(iso(addMonths(d('2028-02-29'), 12)), '2029-02-28');
    assert.equal(iso(addMonths(d('2028-02-29'), 48)), '2032-02-29');
    assert.equal(iso(addMonths(d('2026-08-31'), 6)), '2027-02-28');
    assert.equal(iso(addMonths(d('2027-08-31'), 6)), '2028-02-29');
    assert.equal(iso(addMonths(d('2026-03-31'), 1)), '2026-04-30');
    assert.equal(iso(addMonths(d('2027-03-31'), -5)), '2026-10-31');
    assert.equal(iso(addMonths(d('2027-01-15'), -12)), '2026-01-15');
    assert.equal(iso(addYears(d('2024-02-29'), 1)), '2025-02-28');
  });

  it('works out age, with 29 February birthdays on 28 February', () => {
    assert.equal(ageInYears(d('2021-11-02'), d('2026-11-01')), 4);
    assert.equal(ageInYears(d('2021-11-01'), d('2026-11-01')), 5);
    assert.equal(ageInYears(d('2020-02-29'), d('2025-02-27')), 4);
    assert.equal(ageInYears(d('2020-02-29'), d('2025-02-28')), 5);
  });

  it('writes dates the British way', () => {
    assert.equal(formatDate(utcDate(2027, 2, 15)), '15 February 2027');
    assert.equal(formatDate(d('2026-09-03')), '3 September 2026');
  });
});

describe('phase-transfer deadlines (reg 18)', () => {
  const meta = (yearGroup?: number, phase?: PlanMeta['phase'] extends infer T ? T : never): PlanMeta => ({
    dates: {},
    ...(yearGroup !== undefined ? { yearGroup: { value: yearGroup, keyRange: range, valueRange: range } } : {}),
    ...(phase ? { phase } : {}),
  });

  it('is 15 February of the year of a move between phases', () => {
    assert.equal(transferKind(meta(6)), 'phase');
    assert.equal(iso(transferDeadline(d('2027-09-01'), 'phase')), '2027-02-15');
  });

  it('is 31 March for a move from secondary school (Year 11) to post-16', () => {
    assert.equal(transferKind(meta(11)), 'secondary-to-post-16');
    assert.equal(transferKind(meta(undefined, { value: 'secondary', keyRange: range, valueRange: range })), 'secondary-to-post-16');
    assert.equal(iso(transferDeadline(d('2027-09-06'), 'secondary-to-post-16')), '2027-03-31');
  });

  it('is 5 months before a move between post-16 institutions', () => {
    assert.equal(transferKind(meta(12)), 'post-16');
    assert.equal(iso(transferDeadline(d('2027-09-06'), 'post-16')), '2027-04-06');
    assert.equal(iso(transferDeadline(d('2027-07-31'), 'post-16')), '2027-02-28');
  });
});
