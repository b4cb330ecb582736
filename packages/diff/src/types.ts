/** How a change affects the users of the API, and so the version bump it calls for. */
export type Kind = "breaking" | "feature" | "fix";

/** The semver bump a set of changes calls for: the most severe kind wins. */
export type Bump = "major" | "minor" | "patch" | "none";

/**
 * One change. It belongs to an operation (`"POST /security/azure-key-vaults/{uuid}/rekey-internal"`)
 * or to a component schema (`"azure_key_vault"`), never both: a change inside a component is
 * reported once, at the component, not again at every operation that uses it.
 */
export interface Change {
  kind: Kind;
  operation?: string;
  component?: string;
  /** Where in the operation or component: `query parameter fields`, `response 200 application/json: records[].uuid`. */
  where: string;
  /** What happened, in a few words: `property removed`, `enum value added`. */
  what: string;
  old?: unknown;
  new?: unknown;
}

export interface DiffResult {
  /** Sorted: operations (by path, then method), then components, each by `where` and `what`. */
  changes: Change[];
  summary: Record<Kind, number>;
  bump: Bump;
}

/** An OpenAPI document, or any part of one, as parsed: only what is read is typed. */
export type Json = Record<string, unknown>;

/** Records one change in the current scope (an operation or a component). */
export type Report = (
  kind: Kind,
  where: string,
  what: string,
  values?: { old?: unknown; new?: unknown },
) => void;

/**
 * Who sends the data a schema describes. A change that is safe in one direction breaks the
 * other: a property that becomes required breaks callers who send it (request), while a
 * property that becomes optional breaks callers who read it (response).
 */
export interface Usage {
  request: boolean;
  response: boolean;
}
