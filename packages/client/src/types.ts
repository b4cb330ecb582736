// The client's types: openapi-fetch's own, with one change. openapi-fetch types `error` as
// the documented error body; here it is the OntapApiError the client makes of every non-2xx
// answer (whatever its body), and with `throwOnError: true` it is gone from the result
// (the client throws it instead).
import type { OntapApiError } from "@ontap-rest/errors";
import type { DocSet, DocSets } from "@ontap-rest/types";
import type { FetchResponse, MaybeOptionalInit, Middleware } from "openapi-fetch";
import type { Svm } from "./svm.js";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type Media = `${string}/${string}`;

// As in openapi-typescript-helpers (openapi-fetch's own dependency, not ours).
type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredKeysOf<T> =
  RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;
/** What a request's init takes besides openapi-fetch's own. */
export interface OntapRequestOptions {
  /** Run this request in this SVM's context instead of the client's `svm`; `null`: in none. */
  svm?: Svm | null;
}

/** openapi-fetch's (unexported) InitParam: optional exactly when nothing in it is required. */
export type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & OntapRequestOptions & { [key: string]: unknown })?]
    : [Init & OntapRequestOptions & { [key: string]: unknown }];

/** The paths that have `method` (openapi-typescript writes `get?: never` for the others). */
export type PathsWithMethod<Paths, M extends HttpMethod> = {
  [P in keyof Paths]: Paths[P] extends { [K in M]: unknown } ? P : never;
}[keyof Paths];

/** The 2xx member of an openapi-fetch result (its `data` is required, the error's optional). */
type Success<R> = R extends unknown ? ({} extends Pick<R, "data" & keyof R> ? never : R) : never;

/** Any non-2xx answer. */
export interface OntapFailure {
  data?: never;
  error: OntapApiError;
  response: Response;
}

export type OntapResponse<R, Throw extends boolean> = Throw extends true
  ? Success<R>
  : Success<R> | OntapFailure;

type Op<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P][M & keyof Paths[P]] &
  Record<string | number, any>;

export type OntapMethod<Paths, M extends HttpMethod, Throw extends boolean> = <
  P extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<OntapResponse<FetchResponse<Op<Paths, P, M>, Init, Media>, Throw>>;

/** The body of a successful GET of `P`. */
type GetData<Paths, P extends keyof Paths> = NonNullable<
  Success<FetchResponse<Op<Paths, P, "get">, {}, Media>>["data"]
>;

/** The type of one record of the collection `P` (its GET's 200 `records`). */
export type RecordOf<Paths, P extends keyof Paths> =
  GetData<Paths, P> extends { records?: (infer R)[] } ? R : never;

/** The paths whose GET answers a collection: the ones `paginate` accepts. */
export type CollectionPath<Paths> = {
  [P in PathsWithMethod<Paths, "get">]: [RecordOf<Paths, P>] extends [never] ? never : P;
}[PathsWithMethod<Paths, "get">];

export interface OntapClient<Paths, Throw extends boolean = false> {
  GET: OntapMethod<Paths, "get", Throw>;
  PUT: OntapMethod<Paths, "put", Throw>;
  POST: OntapMethod<Paths, "post", Throw>;
  DELETE: OntapMethod<Paths, "delete", Throw>;
  OPTIONS: OntapMethod<Paths, "options", Throw>;
  HEAD: OntapMethod<Paths, "head", Throw>;
  PATCH: OntapMethod<Paths, "patch", Throw>;
  TRACE: OntapMethod<Paths, "trace", Throw>;
  request<
    M extends HttpMethod,
    P extends PathsWithMethod<Paths, M>,
    Init extends MaybeOptionalInit<Paths[P], M & keyof Paths[P]>,
  >(
    method: M,
    url: P,
    ...init: InitParam<Init>
  ): Promise<OntapResponse<FetchResponse<Op<Paths, P, M>, Init, Media>, Throw>>;
  /**
   * Every record of a collection, page after page (`_links.next.href`), typed by the GET's
   * 200 response. `init` is the first page's (later pages follow the link, which carries
   * the query); a page that fails throws its OntapApiError. Ends at the last page, at a
   * link already followed, or after `DEFAULTS.maxPages` pages.
   */
  paginate<P extends CollectionPath<Paths>>(
    path: P,
    ...init: InitParam<MaybeOptionalInit<Paths[P], "get" & keyof Paths[P]>>
  ): AsyncGenerator<RecordOf<Paths, P>, void, undefined>;
  /** openapi-fetch middleware. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
  /** The resolved base URL, e.g. `https://cluster1.example.com/api`. */
  readonly baseUrl: string;
}

/** The client of one doc set. */
export type OntapClientFor<D extends DocSet, Throw extends boolean = false> = OntapClient<
  DocSets[D]["paths"],
  Throw
>;
