// The client itself, shared by the Node and browser entries: openapi-fetch, plus what ONTAP
// needs on top (auth, base URL, `fields=a,b`, errors by status, timeouts, retries, pages,
// the version check, SVM tunneling).
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
import { svmHeaders, type Svm } from "./svm.js";
import { createTransport, settleDeadline, type FetchLike } from "./transport.js";
import type { OntapClientFor } from "./types.js";
import { rank, versionCheck } from "./version-check.js";

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
  /**
   * Per attempt, in ms: a connection that gives no answer, or stops sending one, ends the
   * call with an OntapTimeoutError. Default `DEFAULTS.timeoutMs`. A `signal` in a request's
   * init adds to it. Not with `fetch`, which brings its own.
   */
  timeoutMs?: number;
  /** Opt-in: `true` for `DEFAULTS.retry`, or the parts to change. */
  retry?: RetryOptions | boolean;
  /**
   * Instead of the client's own (Node: undici's fetch with the client's Agent; a browser:
   * `globalThis.fetch`, looked up at each request). It brings its own TLS and timeouts
   * (`timeoutMs` is the client's own fetch's).
   */
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
  /**
   * The cluster's ONTAP release (`"9.14.1"`), when you know it: the version check uses it
   * and never reads `/api/cluster`, e.g. for a user whose role may not read it.
   */
  clusterVersion?: string;
  /**
   * Told, once per client, when the client carries on in a lesser way: today, when the
   * cluster's version cannot be read and the version check is off. No secret is in a message.
   * Default: nothing is printed.
   */
  onWarning?: (message: string) => void;
  /**
   * Run every request in this SVM's context (ONTAP's SVM tunneling, `X-Dot-SVM-Name` or
   * `X-Dot-SVM-UUID`). A request's own `svm` replaces it (`null`: none).
   */
  svm?: Svm;
  /** Your tool and its version (`"my-tool/1.2"`), sent as `X-Dot-Client-App` for the audit log. */
  application?: string;
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * `platform`: the entry's own fetch, which enforces `timeoutMs` (Node: undici's, with an Agent
 * of the client's; a browser: a deadline per attempt).
 */
export function createCore<D extends DocSet, Throw extends boolean>(
  options: OntapClientOptions<D, Throw>,
  platform: (timeoutMs: number) => FetchLike,
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
  for (const [name, value] of Object.entries(svmHeaders(options.svm ?? null))) {
    if (value) headers.set(name, value);
  }
  if (options.application !== undefined) headers.set("x-dot-client-app", options.application);
  const stated = options.clusterVersion;
  if (stated !== undefined && !(typeof stated === "string" && rank(stated) >= 0)) {
    throw new TypeError('createOntapClient: `clusterVersion` is a release such as "9.14.1"');
  }
  // A fetch of your own brings its own timeouts: the client's are in the platform's fetch
  // (no signal per call on Node, where it would cost more than the rest of the client).
  if (options.fetch && options.timeoutMs !== undefined) {
    throw new TypeError("createOntapClient: `timeoutMs` is not for your own `fetch`");
  }

  const base = createClient({
    baseUrl,
    headers,
    fetch: createTransport(options.fetch ?? platform(timeoutMs), retryPolicy(options.retry)),
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
    // A request's own SVM: its headers come last (openapi-fetch merges `params.header` over
    // the client's), and a null one removes the client's.
    if (init?.svm !== undefined) {
      const { svm, params, ...rest } = init as { svm: Svm | null; params?: { header?: object } };
      init = { ...rest, params: { ...params, header: { ...params?.header, ...svmHeaders(svm) } } };
    }
    const operation = { method: method.toUpperCase(), path: template };
    // Refused: thrown, whatever throwOnError says (there is no answer to return it with), and
    // nothing is sent. Awaited only while the version is being read: an await per request
    // would cost more than the check itself.
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
      ? versionCheck(table, options.docset, send, options.onWarning, stated)
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
