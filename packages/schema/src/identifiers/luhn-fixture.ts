// Test support: builds valid identifiers independently of the code under test.

/** Appends the Luhn check digit to `body` (8 digits for a SIREN, 13 for a SIRET). */
export function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = body + String(d);
    let sum = 0;
    [...candidate].reverse().forEach((c, i) => {
      const x = i % 2 === 1 ? Number(c) * 2 : Number(c);
      sum += x > 9 ? x - 9 : x;
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}
