import type { Kind, Usage } from "./types.js";

const SEVERITY: Record<Kind, number> = { fix: 0, feature: 1, breaking: 2 };

/**
 * The kind of a change whose effect depends on who sends the data: the most severe of the
 * directions the schema is used in. A component used by requests and responses alike takes
 * the stricter answer, so a bump is never understated.
 */
export function byUsage(usage: Usage, inRequest: Kind, inResponse: Kind): Kind {
  const kinds = [usage.request ? inRequest : undefined, usage.response ? inResponse : undefined];
  return kinds
    .filter((k): k is Kind => k !== undefined)
    .reduce<Kind>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), "fix");
}

export function mostSevere(kinds: Iterable<Kind>): Kind | undefined {
  let worst: Kind | undefined;
  for (const k of kinds) if (worst === undefined || SEVERITY[k] > SEVERITY[worst]) worst = k;
  return worst;
}
