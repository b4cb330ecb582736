// `@ontap-rest/codegen`: the generators behind `@ontap-rest/types`, `@ontap-rest/errors`,
// `@ontap-rest/openapi` and the client's version table, for downstream teams to run on specs
// of their own.
export { generateAll, type GenerateAllOptions, type GenerateAllResult } from "./generate-all.js";
export {
  buildTypes,
  generateTypes,
  type BuildTypesOptions,
  type GenerateTypesOptions,
  type TypesFiles,
} from "./types/generate-types.js";
export {
  buildErrors,
  generateErrors,
  type BuildErrorsOptions,
  type ErrorsFiles,
  type GenerateErrorsOptions,
  type GenerateErrorsResult,
} from "./errors/generate-errors.js";
export {
  buildIntroducedModule,
  generateIntroduced,
  type BuildIntroducedOptions,
  type GenerateIntroducedResult,
  type IntroducedModule,
} from "./introduced/generate-introduced.js";
export { generateOpenapi, type GenerateOpenapiOptions } from "./openapi/generate-openapi.js";
export { listDocsets, specPath } from "./lib/docsets.js";
