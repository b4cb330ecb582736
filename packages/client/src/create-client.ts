// The client itself, shared by the Node and browser entries: openapi-fetch, plus what ONTAP
// needs on top (auth, base URL, `fields=a,b`, errors by status, timeouts, retries, pages,
// the version check).
import { OntapApiError } from "@ontap-rest/errors";
import type { DocSet } from "@ontap-rest/types";
import createClient from "openapi-fetch";
import { credentials, type Auth } from "./auth.js";
import { resolveBaseUrl, type Location } from "./base-url.js";
import { toClientError } from "./client-errors.js";
import { DEFAULTS } from "./defaults.js";
import { introducedIn } from "./generated/introduced.js";
import { paginator, type Send } from "./paginate.js";
import { redact, secretsIn } from "./redact.js";
import { retryPolicy, type RetryOptions } from "./retry.js";
import { createTransport, settleDeadline, type FetchLike } from "./transport.js";
import type { OntapClientFor } from "./types.js";
import { versionCheck } from "./version-check.js";

export interface OntapClientOptions<
  D extends DocSet,
  Throw extends boolean = false,
> extends Location {
  /**
   * The doc set whose types the client uses (`"9.9.1"`, `"latest"`), and whose releases the
   * version check compares with the cluster's.
   */
  docset: D;
  auth: Auth;
  /** Throw the OntapApiError of a non-2xx answer instead of returning it as `error`. */
  throwOnError?: Throw;
  /** Per attempt, in ms. Default `DEFAULTS.timeoutMs`. A `signal` in a request's init adds to it. */
  timeoutMs?: number;
  /** Opt-in: `true` for `DEFAULTS.retry`, or the parts to change. */
  retry?: RetryOptions | boolean;
  /** Default: `globalThis.fetch`, looked up at each request. */
  fetch?: FetchLike;
  /** Sent with every request. `Accept: application/json` unless given; `auth` wins over an Authorization here. */
  headers?: Record<string, string>;
  /**
   * Refuse, before sending it, an operation the doc set says was introduced in a later ONTAP
   * release than the cluster runs: an `OntapVersionError`, thrown. The cluster's version is
   * read once (`GET /api/cluster?fields=version`), on the first operation that needs it.
   * Default `DEFAULTS.versionCheck` (on); `false` never reads it and sends every operation.
   */
  versionCheck?: boolean;
  /**
   * `"METHOD /path"` → the release it was introduced in (`"POST /storage/volumes": "9.10"`):
   * the table the check uses instead of the doc set's generated one, e.g. for a doc set you
   * generated yourself (`buildIntroducedModule` of @ontap-rest/codegen). A doc set with no
   * table is not checked.
   */
  introducedIn?: Readonly<Record<string, string>>;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type Result = { data?: unknown; error?: unknown; response: Response };

export function createCore<D extends DocSet, Throw extends boolean>(
  options: OntapClientOptions<D, Throw>,
  platformFetch?: FetchLike,
): OntapClientFor<D, Throw> {
  const baseUrl = resolveBaseUrl(options);
  const { header, secrets } = credentials(options.auth);
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  if (!(timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) {
    throw new TypeError("createOntapClient: `timeoutMs` is a number of ms above 0");
  }
  // set, not a spread into the constructor: that would append `Accept` to `accept`.
  const headers = new Headers({ accept: "application/json" });
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  headers.set("authorization", header);
  const fetchImpl = platformFetch ?? options.fetch ?? ((url, init) => globalThis.fetch(url, init));

  const base = createClient({
    baseUrl,
    headers,
    fetch: createTransport(fetchImpl, timeoutMs, retryPolicy(options.retry)),
    // ONTAP's array parameters (`fields`, `order_by`) are `style: form, explode: false`.
    querySerializer: { array: { style: "form", explode: false } },
  }) as unknown as {
    request(method: string, path: string, init?: object): Promise<Result>;
    use: OntapClientFor<D, Throw>["use"];
    eject: OntapClientFor<D, Throw>["eject"];
  };

  // openapi-fetch decides "error" by whether a body came (a 500 with an empty body has
  // `error: undefined`); here every non-2xx is an OntapApiError, whatever its body.
  const send: Send = async (method, path, init, template = path) => {
    const operation = { method: method.toUpperCase(), path: template };
    // Refused, or the version unreadable: thrown, whatever throwOnError says (there is no
    // answer to return it with), and nothing is sent. Awaited only while the version is
    // being read: an await per request would cost more than the check itself.
    const reading = check?.(operation, init?.signal as AbortSignal | undefined);
    if (reading) await reading;
    let result: Result;
    try {
      result = await base.request(method, path, init);
    } catch (error) {
      throw toClientError(error, operation, timeoutMs, secrets, init?.signal as AbortSignal);
    }
    const { response } = result;
    settleDeadline(response);
    if (response.ok) return result;
    // A server may quote the request in its message: mask what the client knows is secret.
    const body = redact(result.error, [...secrets, ...secretsIn(init?.body)]);
    const error = OntapApiError.fromResponse(response.status, body, operation);
    if (options.throwOnError) throw error;
    return { error, response };
  };

  // On unless turned off, for a doc set with a table (a downstream team's own doc set has
  // none, unless given as `introducedIn`).
  const table = options.introducedIn ?? introducedIn[options.docset];
  const check =
    (options.versionCheck ?? DEFAULTS.versionCheck) && table
      ? versionCheck(table, options.docset, send)
      : undefined;

  const client: Record<string, unknown> = {
    baseUrl,
    request: send,
    paginate: paginator(send, baseUrl),
    use: base.use,
    eject: base.eject,
  };
  for (const method of METHODS) {
    client[method] = (path: string, init?: Record<string, unknown>) => send(method, path, init);
  }
  return client as unknown as OntapClientFor<D, Throw>;
}
