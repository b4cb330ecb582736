// ONTAP releases as the pages write them in "Introduced In": `9.8`, `9.10`, `9.9.1`.
//
// Compared as numbers (`9.9` before `9.10`), a missing part counting as 0 (`9.10` is
// `9.10.0`): the client compares them with a cluster's `version` the same way.

/** A release: up to three dot-separated numbers (generation, major, minor). */
export const RELEASE = /^\d+(\.\d+){0,2}$/;

/**
 * ONTAP's REST API first shipped in 9.6: an operation introduced then (or earlier, as some
 * pages say of what the CLI had before) is on every cluster that answers the API at all, so
 * checking a cluster's version for it would only cost a request (and the job poller, whose
 * endpoints are all 9.6, would pay it). The tables leave such operations out; the client
 * reads the version only for operations in its table.
 */
export const REST_API_SINCE = "9.6";

/** `a` before `b`: negative; equal: 0; after: positive. Both must match `RELEASE`. */
export function compareReleases(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
