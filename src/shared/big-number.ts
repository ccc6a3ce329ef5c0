// The BIG number's check digit (domain.md §2.1): 11 digits, digit 1 = check digit, digit 2 = 9,
// digits 3–11 = d1…d9; s = 9 + 6·d1 + 3·d2 + 7·d3 + 9·d4 + 10·d5 + 5·d6 + 8·d7 + 4·d8 + 2·d9;
// c = 11 − (s mod 11), with 11 → 0 and 10 → 1.
const WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

export function bigCheckDigit(body: readonly number[]): number {
  const s = 9 + WEIGHTS.reduce((sum, weight, i) => sum + weight * (body[i] ?? 0), 0);
  const c = 11 - (s % 11);
  return c === 11 ? 0 : c === 10 ? 1 : c;
}

export function isValidBigNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value) || value[1] !== '9') return false;
  const digits = Array.from({ length: 11 }, (_, i) => Number(value.charAt(i)));
  return bigCheckDigit(digits.slice(2)) === digits[0];
}

/** A valid BIG number from nine body digits (used by the demo region and tests). */
export function makeBigNumber(body: readonly number[]): string {
  return `${bigCheckDigit(body)}9${body.join('')}`;
}
