// What the alias generators need to know about each operation of a spec, read from the
// parsed OpenAPI document (not from openapi-typescript's output, whose AST is not meant to be
// queried): its method, path, operationId, summary, and which bodies are application/json.

/** The methods of an OpenAPI path item, in the order openapi-typescript writes them. */
export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The only media type the aliases look at: ONTAP's REST API speaks JSON. */
export const JSON_MEDIA_TYPE = "application/json";

/** A 2xx status, or OpenAPI's `2XX` range. */
const SUCCESS_STATUS = /^(2\d\d|2XX)$/;

export interface SpecOperation {
  method: HttpMethod;
  path: string;
  operationId: string | undefined;
  summary: string | undefined;
  /** The operation has an application/json request body. */
  jsonRequestBody: boolean;
  /** The 2xx statuses (as written in the spec) whose response has an application/json body. */
  jsonSuccessStatuses: string[];
}

/** Every operation of `document`, in document order (paths, then methods as in HTTP_METHODS). */
export function readOperations(document: unknown): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const paths = record(record(document)?.["paths"]) ?? {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = record(resolve(document, rawItem));
    if (item === undefined) continue;
    for (const method of HTTP_METHODS) {
      const operation = record(item[method]);
      if (operation === undefined) continue;
      const responses = record(operation["responses"]) ?? {};
      operations.push({
        method,
        path,
        operationId: text(operation["operationId"]),
        summary: text(operation["summary"]),
        jsonRequestBody: hasJsonContent(document, operation["requestBody"]),
        jsonSuccessStatuses: Object.keys(responses).filter(
          (status) => SUCCESS_STATUS.test(status) && hasJsonContent(document, responses[status]),
        ),
      });
    }
  }
  return operations;
}

// A request body or response object (or a $ref to one) with application/json content.
function hasJsonContent(document: unknown, value: unknown): boolean {
  const content = record(record(resolve(document, value))?.["content"]);
  return content !== undefined && record(content[JSON_MEDIA_TYPE]) !== undefined;
}

// Follows local `$ref`s (`#/components/responses/x`), the only kind a bundled spec has.
function resolve(document: unknown, value: unknown, seen = new Set<string>()): unknown {
  const ref = record(value)?.["$ref"];
  if (typeof ref !== "string") return value;
  if (!ref.startsWith("#/") || seen.has(ref)) return undefined;
  seen.add(ref);
  let target: unknown = document;
  for (const part of ref.slice(2).split("/")) {
    target = record(target)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return resolve(document, target, seen);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
