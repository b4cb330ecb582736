// `@ontap-rest/errors`: what the runtime needs. The full catalog, with the operations that
// document each code, is `@ontap-rest/errors/catalog`.
export type { CatalogEntry, DocumentedIn, ErrorEntry, OntapErrorCode } from "./catalog-entry.js";
export type { KnownCode } from "./generated/catalog.js";
export { isOntapError } from "./is-ontap-error.js";
export { lookupError } from "./lookup-error.js";
export {
  OntapApiError,
  type ErrorOperation,
  type OntapApiErrorOptions,
} from "./ontap-api-error.js";
export { readErrorBody, type ErrorArgument, type ErrorDetails } from "./read-error-body.js";
export { registerErrorCatalog } from "./register-error-catalog.js";
export { registerErrorNames } from "./register-error-names.js";
