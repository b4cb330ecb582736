// Where the contract's spec comes from: one of the repo's doc sets (`@ontap-rest/openapi`), or
// any spec a team has (a downstream doc set from `ontap-rest-ingest`), as a file or a parsed
// document, so the simulator can stand in for a cluster whatever doc set a team generated.
import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { docsets, specPath, type DocSet } from "@ontap-rest/openapi";

/** An OpenAPI 3 document: what the contract reads of it. */
export interface OpenApiDocument {
  openapi: string;
  info?: { version?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

/** A spec file (`.json`, or YAML: `.yaml`, `.yml`, anything else) or a parsed document. */
export type SpecSource = string | OpenApiDocument;

export class SpecSourceError extends Error {
  override name = "SpecSourceError";
}

/**
 * The document and its doc set's name: the repo's doc set as named, a given spec's
 * `info.version` (what `ontap-rest-ingest --docset` writes there), else `"custom"`.
 */
export function readSpecSource(source: DocSet | { spec: SpecSource }): {
  docset: string;
  document: OpenApiDocument;
} {
  if (typeof source === "string") {
    if (!(docsets as readonly string[]).includes(source))
      throw new SpecSourceError(
        `SpecContract: no doc set ${JSON.stringify(source)} in @ontap-rest/openapi (${docsets.join(", ")}); give { spec: <file or document> } for another`,
      );
    // The JSON twin: JSON.parse is several times faster than any YAML parser.
    return { docset: source, document: parseFile(specPath(source, "json")) };
  }
  const document = typeof source.spec === "string" ? parseFile(source.spec) : source.spec;
  check(document, typeof source.spec === "string" ? source.spec : "the spec document");
  return { docset: document.info?.version ?? "custom", document };
}

function parseFile(file: string): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SpecSourceError(`${file}: expected a readable spec file${code ? ` (${code})` : ""}`);
  }
  let document: unknown;
  try {
    // YAML 1.2 core schema, as @ontap-rest/diff reads specs: no timestamps, no merge keys.
    document = file.endsWith(".json") ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    throw new SpecSourceError(
      `${file}: expected JSON or YAML (${(e as Error).message.split("\n")[0]})`,
    );
  }
  check(document, file);
  return document;
}

function check(document: unknown, where: string): asserts document is OpenApiDocument {
  const doc = document as Partial<OpenApiDocument> | null;
  if (
    typeof doc !== "object" ||
    doc === null ||
    typeof doc.openapi !== "string" ||
    !doc.openapi.startsWith("3.") ||
    typeof doc.paths !== "object" ||
    doc.paths === null
  )
    throw new SpecSourceError(`${where}: expected an OpenAPI 3 document with a "paths" object`);
}
