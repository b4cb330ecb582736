export type { CatalogEntry, DocumentedIn, OntapErrorCode } from "./catalog-entry.js";
export { catalog, type DocumentedErrorCodes, type KnownCode } from "./generated/catalog.js";
export { isOntapError } from "./is-ontap-error.js";
export { lookupError, registerErrorNames } from "./lookup-error.js";
export {
  OntapApiError,
  type ErrorOperation,
  type OntapApiErrorOptions,
} from "./ontap-api-error.js";
export { readErrorBody, type ErrorArgument, type ErrorDetails } from "./read-error-body.js";
