/**
 * Exact non-negative fractions for costing arithmetic, so that no floating-point value is ever rounded
 * more than once. Numerators and denominators are bigint; every value is kept in lowest terms.
 */
export interface Rational {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x === 0n ? 1n : x;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = typeof n === 'number' ? BigInt(n) : n;
  let dd = typeof d === 'number' ? BigInt(d) : d;
  if (dd === 0n) throw new RangeError('zero denominator');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  return { n: nn / g, d: dd / g };
}

/** Parses a plain decimal ("1.25", "30", ".5") exactly. Returns null for anything else. */
export function parseDecimal(text: string): Rational | null {
  const m = /^(\d*)(?:\.(\d+))?$/.exec(text.trim());
  if (!m || (m[1] === '' && m[2] === undefined)) return null;
  const whole = m[1] === '' ? '0' : m[1]!;
  const frac = m[2] ?? '';
  return rat(BigInt(whole + frac), 10n ** BigInt(frac.length));
}

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const eq = (a: Rational, b: Rational): boolean => a.n === b.n && a.d === b.d;
export const isZero = (a: Rational): boolean => a.n === 0n;

/** Rounds to the nearest integer, halves upwards (away from zero for the non-negative values used here). */
export function roundHalfUp(a: Rational): bigint {
  if (a.n >= 0n) return (2n * a.n + a.d) / (2n * a.d);
  return -((2n * -a.n + a.d) / (2n * a.d));
}

/** A short decimal rendering for display only (never used in arithmetic). */
export function toDisplay(a: Rational, maxDecimals = 2): string {
  const scale = 10n ** BigInt(maxDecimals);
  const scaled = roundHalfUp(mul(a, rat(scale)));
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(maxDecimals, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export function toNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}
