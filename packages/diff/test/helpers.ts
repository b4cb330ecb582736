import { fileURLToPath } from "node:url";

/** The repository root: the committed specs live in spec/. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

type Json = Record<string, unknown>;

/** A small OpenAPI 3.1 document: the given paths and component schemas. */
export function doc(paths: Json, schemas: Json = {}): Json {
  return { openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components: { schemas } };
}

/** An operation with a 200 response, plus whatever is given. */
export function op(extra: Json = {}): Json {
  return { responses: { "200": { description: "Ok" } }, ...extra };
}

/** `GET /a` with the given query parameter(s). */
export function withQuery(...parameters: Json[]): Json {
  return doc({ "/a": { get: op({ parameters: parameters.map((p) => ({ in: "query", ...p })) }) } });
}

/** `POST /a` whose JSON request body has the given schema. */
export function withBody(schema: Json, schemas: Json = {}): Json {
  return doc(
    { "/a": { post: op({ requestBody: { content: { "application/json": { schema } } } }) } },
    schemas,
  );
}

/** `GET /a` whose 200 JSON response has the given schema. */
export function withResponse(schema: Json, schemas: Json = {}): Json {
  return doc(
    {
      "/a": {
        get: {
          responses: { "200": { description: "Ok", content: { "application/json": { schema } } } },
        },
      },
    },
    schemas,
  );
}

/** `GET /a` whose default response documents the given ONTAP error codes. */
export function withErrors(codes: { code: string; description: string }[]): Json {
  return doc({
    "/a": {
      get: op({ responses: { default: { description: "Error", "x-ntap-error-codes": codes } } }),
    },
  });
}
