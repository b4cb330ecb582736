// `@ontap-rest/errors/catalog`: everything the pages say about each code, including every
// operation that documents it. Kept out of the main entry point, which carries only what the
// runtime needs (code → description and name): this module grows with every doc set.
export { catalog, type DocumentedErrorCodes, type KnownCode } from "./generated/catalog.js";
