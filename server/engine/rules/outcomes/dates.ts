/**
 * Calendar arithmetic for the statutory-timescale rules.
 *
 * Every date is a UTC midnight (`DateField.date`); all arithmetic is in whole UTC days, so clocks,
 * time zones and daylight saving never shift a deadline.
 *
 * "N months after" a date is the same day N months later. When that month has no such day (29 February
 * in a non-leap year, 31 March + 1 month...) the period ends on the last day of that month, the usual
 * "corresponding date" rule: 12 months after 29 February 2028 is 28 February 2029, so a review is overdue
 * from 1 March 2029.
 */

export const MS_PER_DAY = 86_400_000;

/** UTC midnight of the given calendar date (month 1-12). */
export function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** UTC midnight of the day a date falls on. */
export function startOfUtcDay(date: Date): Date {
  return utcDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfUtcDay(to).getTime() - startOfUtcDay(from).getTime()) / MS_PER_DAY);
}

export function addDays(date: Date, days: number): Date {
  const d = startOfUtcDay(date);
  return new Date(d.getTime() + days * MS_PER_DAY);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `months` months later (or earlier, when negative), clamped to the last day of the target
 * month when it is shorter (29 Feb 2028 + 12 months = 28 Feb 2029; 31 Aug + 6 months = 28/29 Feb).
 */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months; // 0-based, may overflow
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12; // 0-based
  const day = Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth + 1));
  return utcDate(targetYear, targetMonth + 1, day);
}

export function addYears(date: Date, years: number): Date {
  return addMonths(date, years * 12);
}

/** Whole years of age on `asOf` for someone born on `dateOfBirth` (birthday on 29 Feb counts on 28 Feb). */
export function ageInYears(dateOfBirth: Date, asOf: Date): number {
  let years = asOf.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  if (addYears(dateOfBirth, years).getTime() > startOfUtcDay(asOf).getTime()) years -= 1;
  return years;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "3 September 2026": the date as a caseworker would write it. */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "1 day" / "12 days". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "6 weeks (42 days)" style helper for limits expressed in weeks. */
export function weeksAndDays(days: number): string {
  return days % 7 === 0 ? `${plural(days / 7, 'week')} (${days} days)` : plural(days, 'day');
}

/** The later of two optional dates. */
export function laterOf(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
