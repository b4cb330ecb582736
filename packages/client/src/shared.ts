// What both entries export, besides their own createOntapClient.
export { isOntapError, OntapApiError } from "@ontap-rest/errors";
export type { Auth } from "./auth.js";
export { OntapNetworkError, OntapTimeoutError, type Operation } from "./client-errors.js";
export type { OntapClientOptions } from "./create-client.js";
export { DEFAULTS } from "./defaults.js";
export { parseRetryAfter, type RetryOptions } from "./retry.js";
export type { FetchLike } from "./transport.js";
/** openapi-fetch's middleware type, for `use` and `eject`: the extension point for requests. */
export type { Middleware } from "openapi-fetch";
export type { Svm } from "./svm.js";
export { OntapVersionError } from "./version-check.js";
export type {
  CollectionPath,
  HttpMethod,
  OntapClient,
  OntapClientFor,
  OntapFailure,
  OntapRequestOptions,
  OntapResponse,
  RecordOf,
} from "./types.js";
