// The ONTAP release the simulator pretends to run: what `GET /api/cluster` reports as its
// `version`, and which operations it has (those its doc set says were introduced in that
// release or earlier).

/**
 * The default: newer than every doc set here, so a simulator started without `release` has
 * every operation. Declared once; tests that need an older cluster say which.
 */
export const DEFAULT_RELEASE = "9.16.1";

/** ONTAP's `version` object, as `GET /api/cluster` answers it. */
export interface ClusterVersion {
  full: string;
  generation: number;
  major: number;
  minor: number;
}

/** `"9.9.1"` → ONTAP's version object; anything else is refused (a typo must not pass). */
export function clusterVersion(release: string): ClusterVersion {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(release);
  if (!match) {
    throw new TypeError(
      `startSimulator: \`release\` is an ONTAP release of three numbers, such as "9.9.1"; got ${JSON.stringify(release)}`,
    );
  }
  const [, generation, major, minor] = match.map(Number) as number[];
  return {
    // ONTAP's own form: "NetApp Release 9.9.1: <build date>".
    full: `NetApp Release ${release}: Thu Jan 01 00:00:00 UTC 2026`,
    generation: generation!,
    major: major!,
    minor: minor!,
  };
}

/**
 * The spec's `x-ntap-introduced` (`"9.10"`: missing parts are 0) is after `version`. An
 * operation without one is taken to be there: the pages say nothing, and the simulator does
 * not guess.
 */
export function introducedAfter(introduced: string | undefined, version: ClusterVersion): boolean {
  if (introduced === undefined) return false;
  const wanted = introduced.split(".").map(Number);
  const have = [version.generation, version.major, version.minor];
  for (let i = 0; i < 3; i++) {
    const difference = (wanted[i] ?? 0) - have[i]!;
    if (difference !== 0) return difference > 0;
  }
  return false;
}
