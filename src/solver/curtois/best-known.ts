// Best-known objective values (upper bounds) of Instances 1–24, from the benchmark README's table
// (schedulingbenchmarks.org as transcribed there; 15, 23 and 24 rest on one source only).
export const CURTOIS_BEST_KNOWN: Readonly<Record<number, number>> = {
  1: 607, 2: 828, 3: 1001, 4: 1716, 5: 1143, 6: 1950, 7: 1056, 8: 1300, 9: 439, 10: 4631, 11: 3443, 12: 4040,
  13: 1348, 14: 1278, 15: 3828, 16: 3225, 17: 5746, 18: 4459, 19: 3149, 20: 4769, 21: 21133, 22: 30241, 23: 17285, 24: 40439,
};

/** The instance number in a file name such as `Instance7.txt`, or null. */
export function instanceNumberOf(fileName: string): number | null {
  const match = /Instance(\d+)\.txt$/i.exec(fileName);
  return match ? Number(match[1]) : null;
}

/** Gap to the best-known value in percent, rounded to two decimals. */
export function gapPercent(objective: number, bestKnown: number): number {
  return Math.round(((objective - bestKnown) / bestKnown) * 10000) / 100;
}
