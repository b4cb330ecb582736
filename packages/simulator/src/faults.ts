// Fault injection, per route or global, changed at runtime: what a flaky network, an
// overloaded cluster or a broken proxy does to a request.

export type FaultKind = "latency" | "status" | "reset" | "malformed";

export interface Fault {
  kind: FaultKind;
  /** Only this method (any when absent). */
  method?: string;
  /**
   * Only this route: a spec-style template (`/cluster/jobs/{uuid}`, any parameter name), a
   * path (`/cluster/jobs/<uuid>`, with or without `/api`), or a RegExp on the path. Any when absent.
   */
  path?: string | RegExp;
  /** How many requests it applies to (then it is removed); every request when absent. */
  times?: number;
  /** `latency`: added delay, on the simulator's clock unless `realTime`. */
  ms?: number;
  realTime?: boolean;
  /** `status`: the status to answer (default 503), with an ONTAP error body. */
  status?: number;
  /** `status`: a `Retry-After` header (seconds or an HTTP date). */
  retryAfter?: number | string;
  /** `malformed`: the body sent instead of the real one (default: the real one cut in half). */
  body?: string;
}

function matchPath(pattern: string | RegExp, wire: string, template: string | undefined): boolean {
  if (pattern instanceof RegExp) return pattern.test(wire);
  const bare = pattern.startsWith("/api/") ? pattern.slice(4) : pattern;
  if (bare === wire) return true;
  if (template === undefined) return false;
  const norm = (t: string) => t.replace(/\{[^}]+\}/g, "{}");
  return norm(bare) === norm(template);
}

export class Faults {
  #faults: (Fault & { id: number })[] = [];
  #next = 1;

  /** Adds a fault; returns its id (for `remove`). */
  add(fault: Fault): number {
    const id = this.#next++;
    this.#faults.push({ ...fault, id });
    return id;
  }

  remove(id: number): void {
    this.#faults = this.#faults.filter((f) => f.id !== id);
  }

  clear(): void {
    this.#faults = [];
  }

  list(): readonly Fault[] {
    return this.#faults;
  }

  /** The faults for a request (wire path without `/api`), counting each use. */
  take(method: string, wire: string, template: string | undefined): Fault[] {
    const hit = this.#faults.filter(
      (f) =>
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.path === undefined || matchPath(f.path, wire, template)),
    );
    for (const f of hit) if (f.times !== undefined) f.times--;
    this.#faults = this.#faults.filter((f) => f.times === undefined || f.times > 0);
    return hit;
  }
}
