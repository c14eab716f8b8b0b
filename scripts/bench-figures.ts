/** The median and the worst (highest) of a bench's timings, leaving out those not taken (NaN). */
export function medianAndWorst(values: readonly number[]): { median: number; worst: number } | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const worst = sorted.at(-1);
  return median === undefined || worst === undefined ? undefined : { median, worst };
}
