// The orders the catalog is sorted in. Code-unit comparisons, never the locale, so the order
// is the same on every machine.

/**
 * Doc sets in release order: numeric parts compare as numbers (`9.9.1` before `9.10.1`),
 * names that are not versions (`latest`) come after every version, so a code's first
 * description is that of the oldest doc set that documents it.
 */
export function compareDocsets(a: string, b: string): number {
  const pa = a.split(".");
  const pb = b.split(".");
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return compareDigits(x, y);
    if (nx !== ny) return nx ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Two strings of decimal digits as numbers, without the precision limits of `Number`; equal
 * numbers written differently (`07`, `7`) still get a fixed order.
 */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  if (x !== y) return x < y ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
