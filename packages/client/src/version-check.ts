// The version check: an operation the doc set says was introduced in a later ONTAP release
// than the cluster runs is refused before it is sent. Without it, an older cluster answers
// such a request with a 404 that reads like a wrong UUID; a refusal names the release needed.
// The cluster's version is read once per client, and only when an operation needs it. Every
// byte here ships in the client's bundle (size-limit), hence the terse code.
import { abortable } from "./abortable.js";
import type { Operation } from "./client-errors.js";
import type { Send } from "./paginate.js";

/**
 * The operation was introduced in a later ONTAP release than the cluster runs; it was not
 * sent. Recognise it with `instanceof`, or by `name` across two copies of the package.
 */
export class OntapVersionError extends Error {
  override readonly name = "OntapVersionError";
  // Set by Object.assign in the constructor (`declare`: no field initialisers to emit).
  declare readonly operation: Operation;
  /** The release the doc set says the operation was introduced in, e.g. `9.10`. */
  declare readonly introducedIn: string;
  /** What the cluster runs: `generation.major.minor`, e.g. `9.9.1`. */
  declare readonly clusterVersion: string;
  /** The client's doc set: its table, or the client's own `introducedIn`, says so. */
  declare readonly docset: string;

  constructor(operation: Operation, introducedIn: string, clusterVersion: string, docset: string) {
    super(
      `${operation.method} ${operation.path} was introduced in ONTAP ${introducedIn}; this cluster runs ${clusterVersion}`,
    );
    Object.assign(this, { operation, introducedIn, clusterVersion, docset });
  }
}

/**
 * A release as one number to compare: "9.10" → 9_010_000, "9.9.1" → 9_009_001 (a missing part
 * counts as 0; no ONTAP part comes near 1000). A part that is not digits ("x", "", " ", "0x9",
 * "1e1": `Number` would read some of them as numbers) gives NaN, which compares as later than
 * anything below (`!(a <= b)`): an operation with a bad entry in a table given as
 * `introducedIn` is refused, with a message that shows the entry, not sent unchecked.
 */
export const rank = (release: string): number =>
  release
    .split(".")
    .reduce((sum, part, i) => sum + (/^\d+$/.test(part) ? +part : NaN) * 1000 ** (2 - i), 0);

/**
 * The version in the answer to `GET /cluster?fields=version`: ONTAP's `version` (`{ full,
 * generation, major, minor }`) as `generation.major.minor`. A failed request throws its error;
 * an answer without the three integers must not pass for a version either (the check would
 * pass whatever it guessed): it turns the check off, as a failed read does.
 */
function clusterVersion({ data, error }: { data?: unknown; error?: unknown }): string {
  if (error) throw error;
  const version = (data as { version?: Record<string, unknown> } | null)?.version;
  const numbers = version && [version.generation, version.major, version.minor];
  if (!numbers?.every(Number.isInteger)) {
    throw new Error("GET /cluster answered no readable ONTAP version");
  }
  return numbers.join(".");
}

/** A check per request: nothing when it may go now, a promise while the version is read. */
export type VersionCheck = (operation: Operation, signal?: AbortSignal | null) => unknown;

/**
 * `table`: "METHOD /path" → release. `send`: the client's own, so that the read is a request
 * like any other (headers, timeout, retries, middleware); it is never checked itself, as no
 * table has a path with a query. `stated`: the release the caller gave (`clusterVersion`),
 * which is then never read. Once the version is known, a check is a lookup and a comparison,
 * with no await.
 *
 * The check never blocks what ONTAP itself would decide: when the version cannot be read (a
 * user whose role may not read `/api/cluster`, a proxy that only passes some paths, no
 * answer, an answer without a version), the check is off for this client, and `warn` is told
 * once. The operation is then sent, and ONTAP answers it.
 */
export function versionCheck(
  table: Readonly<Record<string, string>>,
  docset: string,
  send: Send,
  warn?: (message: string) => void,
  stated?: string,
): VersionCheck {
  let known = stated;
  let off = false;
  // "METHOD /path" → whether this cluster has it: parsing two releases per request would cost
  // more than the rest of the check (bench:client), and the answer never changes once known.
  // Keyed by operation, not by release: a key has a space, so it is never a property every
  // object has (a release such as "constructor" would be).
  const allowed: Record<string, boolean> = {};
  // Shared by concurrent first calls; settles once, with the version or with the check off.
  let pending: Promise<string | void> | undefined;
  return (operation, signal) => {
    // The generated tables leave out what every cluster with the REST API has (9.6: the
    // jobs endpoints, so the job poller), so those never cause the read.
    const key = `${operation.method} ${operation.path}`;
    const introduced = table[key];
    // Only absent entries: an empty one is not a release, and is refused like any other.
    if (introduced === undefined || off) return;
    const decide = (version: string | void) => {
      if (version && !(allowed[key] ??= rank(introduced) <= rank(version))) {
        throw new OntapVersionError(operation, introduced, version, docset);
      }
    };
    if (known) return decide(known);
    // The read is not tied to this request's signal: other requests may wait for it. This
    // request stops waiting when its signal aborts (an aborted one sends nothing, not even
    // the read); the read still ends within the client's timeout.
    return abortable(
      () =>
        (pending ??= send("get", "/cluster?fields=version")
          .then(clusterVersion)
          .then(
            (version) => (known = version),
            (error: Error) => {
              off = true;
              // The client's errors carry no secret (redacted), so the message may go to a log.
              try {
                warn?.(
                  `versionCheck is off: cannot read the cluster's version (${error.message}); give \`clusterVersion\``,
                );
              } catch {
                // A warning hook that throws must not fail the request.
              }
            },
          )),
      signal,
    ).then(decide);
  };
}
