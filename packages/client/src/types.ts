// The client's types: openapi-fetch's own, with two changes. openapi-fetch types `error` as
// the documented error body; here it is the OntapApiError the client makes of every non-2xx
// answer (whatever its body), and with `throwOnError: true` it is gone from the result
// (the client throws it instead). And a call's init is typed so that its cost does not grow
// with the number of operations of the doc set (see InitOf).
import type { OntapApiError } from "@ontap-rest/errors";
import type { DocSet, DocSets } from "@ontap-rest/types";
import type { FetchOptions, FetchResponse, Middleware, ParseAs } from "openapi-fetch";
import type { Svm } from "./svm.js";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type Media = `${string}/${string}`;

// As in openapi-typescript-helpers (openapi-fetch's own dependency, not ours).
type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];
type RequiredKeysOf<T> =
  RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;
type FilterKeys<Obj, Matchers> = Obj[keyof Obj & Matchers];

/**
 * openapi-fetch's `FetchOptions<T>` (`params`, `body`, `parseAs`…) for operation `T`, read
 * through `infer`. While a call is being inferred, `T` is still generic (the path is not
 * fixed yet) and TypeScript types the init argument by the constraint of its type. Through
 * openapi-fetch's `MaybeOptionalInit` that constraint is its `ParamsOption<T>` (a distributive
 * conditional type) over every operation of the method: with 1,500 operations, thousands of
 * `FetchOptions` and `Pick`s, 0.2 to 0.55 s of a user's type check for a program's first call
 * of each method (BENCHMARKS.md, scale). Behind `[T] extends [infer O]` the constraint is
 * `FetchOptions<unknown>`; once the path is inferred, `T` is one operation and this is
 * exactly `FetchOptions<T>`. (`parseAs` is a type parameter of its own, see ParseAsOption.)
 */
type InitOf<T> = [T] extends [infer O] ? FetchOptions<O> : never;

/** openapi-fetch's `MaybeOptionalInit`: the init of `M` on path item `Item`, `undefined` when nothing in it is required. */
type OperationInit<Item, M extends HttpMethod> =
  RequiredKeysOf<InitOf<FilterKeys<Item, M>>> extends never
    ? InitOf<FilterKeys<Item, M>> | undefined
    : InitOf<FilterKeys<Item, M>>;

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

/** The paths of each method, computed from `paths`. */
export type PathsByMethodOf<Paths> = { [M in HttpMethod]: PathsWithMethod<Paths, M> };

/**
 * The paths of each method of a doc set: the list its types module writes (`PathsByMethod`,
 * `DocSets[D]["pathsByMethod"]`), read rather than computed from `paths` (on 1,500
 * operations the computation was some 20,000 instantiations of every program's type check);
 * computed for a doc set whose module predates the list.
 */
export type ByMethodOf<E extends { paths: unknown }> = E extends {
  pathsByMethod: infer B extends Record<HttpMethod, keyof E["paths"]>;
}
  ? B
  : PathsByMethodOf<E["paths"]>;

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

/**
 * How the response body is read (openapi-fetch's `parseAs`), inferred apart from the rest of
 * the init so that it is kept however the rest is typed (see InitOf); `"json"` when not given.
 */
type ParseAsOption<A extends ParseAs> = { parseAs?: A };

export type OntapMethod<
  Paths,
  M extends HttpMethod,
  Throw extends boolean,
  Allowed extends keyof Paths = PathsWithMethod<Paths, M>,
> = <P extends Allowed, A extends ParseAs = "json">(
  url: P,
  ...init: InitParam<OperationInit<Paths[P], M> & ParseAsOption<A>>
) => Promise<OntapResponse<FetchResponse<Op<Paths, P, M>, { parseAs: A }, Media>, Throw>>;

/** The body of a successful GET of `P`. */
type GetData<Paths, P extends keyof Paths> = NonNullable<
  Success<FetchResponse<Op<Paths, P, "get">, {}, Media>>["data"]
>;

/** The type of one record of the collection `P` (its GET's 200 `records`). */
export type RecordOf<Paths, P extends keyof Paths> =
  GetData<Paths, P> extends { records?: (infer R)[] } ? R : never;

/** The paths whose GET answers a collection: the ones `paginate` accepts. */
export type CollectionPath<Paths, Gets extends keyof Paths = PathsWithMethod<Paths, "get">> = {
  [P in Gets]: [RecordOf<Paths, P>] extends [never] ? never : P;
}[Gets];

/**
 * `ByMethod`: the paths of each method (see ByMethodOf); computed from `Paths` when not given.
 */
export interface OntapClient<
  Paths,
  Throw extends boolean = false,
  ByMethod extends Record<HttpMethod, keyof Paths> = PathsByMethodOf<Paths>,
> {
  GET: OntapMethod<Paths, "get", Throw, ByMethod["get"]>;
  PUT: OntapMethod<Paths, "put", Throw, ByMethod["put"]>;
  POST: OntapMethod<Paths, "post", Throw, ByMethod["post"]>;
  DELETE: OntapMethod<Paths, "delete", Throw, ByMethod["delete"]>;
  OPTIONS: OntapMethod<Paths, "options", Throw, ByMethod["options"]>;
  HEAD: OntapMethod<Paths, "head", Throw, ByMethod["head"]>;
  PATCH: OntapMethod<Paths, "patch", Throw, ByMethod["patch"]>;
  TRACE: OntapMethod<Paths, "trace", Throw, ByMethod["trace"]>;
  request<M extends HttpMethod, P extends ByMethod[M], A extends ParseAs = "json">(
    method: M,
    url: P,
    ...init: InitParam<OperationInit<Paths[P], M> & ParseAsOption<A>>
  ): Promise<OntapResponse<FetchResponse<Op<Paths, P, M>, { parseAs: A }, Media>, Throw>>;
  /**
   * Every record of a collection, page after page (`_links.next.href`), typed by the GET's
   * 200 response. `init` is the first page's (later pages follow the link, which carries
   * the query); a page that fails throws its OntapApiError. Ends at the last page, at a
   * link already followed, or after `DEFAULTS.maxPages` pages.
   */
  paginate<P extends CollectionPath<Paths, ByMethod["get"]>>(
    path: P,
    ...init: InitParam<OperationInit<Paths[P], "get">>
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
  Throw,
  ByMethodOf<DocSets[D]>
>;
