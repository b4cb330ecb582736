// The ways a caller holds a job: the 202 body, its `job` link, the link's href, or the uuid.
export type JobRef =
  | string
  | { uuid?: string; _links?: { self?: { href?: string } } }
  | { job?: { uuid?: string; _links?: { self?: { href?: string } } } };

// An href is `/api/cluster/jobs/<uuid>`; the uuid is its last segment, whatever the prefix.
const HREF = /\/cluster\/jobs\/([^/?#]+)\/?(?:[?#].*)?$/;

/** The job's uuid, or a TypeError naming what was given instead. */
export function jobUuid(ref: JobRef): string {
  if (typeof ref === "string") {
    const uuid = HREF.exec(ref)?.[1] ?? ref;
    // Nothing that would change the path or the watcher's `a|b` query.
    if (/^[\w.:-]+$/.test(uuid)) return uuid;
  } else if (typeof ref === "object" && ref !== null) {
    const link =
      ("job" in ref && ref.job) ||
      (ref as { uuid?: string; _links?: { self?: { href?: string } } });
    const given = link.uuid || link._links?.self?.href;
    if (typeof given === "string") return jobUuid(given);
  }
  throw new TypeError("waitForJob: no job uuid in `job`");
}
