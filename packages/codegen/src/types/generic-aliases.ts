// The generic aliases every doc set module gets, next to openapi-typescript's `paths`,
// `components` and `operations`:
//
//   Schema<N>                 a component schema by name
//   RequestBody<M, P>         the application/json request body of an operation
//   ResponseBody<M, P, S>     the application/json bodies of its responses (2xx by default)
//
// plus the building blocks they are made of (HttpMethod, SuccessStatus, PathsWithMethod,
// PathOperation, JsonBody), exported because callers writing their own helpers need them.
// They are written per doc set, over that module's own `paths` and `components`, so
// `import type { Schema } from "@ontap-rest/types/9.9.1"` needs no doc set parameter.
import ts from "typescript";
import {
  exportedTypeAlias,
  indexedAccess,
  keyLiteralType,
  propertyName,
  stringLiteralType,
  typeParameter,
  typeReference,
  unionType,
  withDocComment,
} from "../lib/ts-nodes.js";
import { HTTP_METHODS, JSON_MEDIA_TYPE } from "./spec-operations.js";

const f = ts.factory;

// RFC 9110 and the IANA registry's 2xx statuses, plus OpenAPI's `2XX` range key: the statuses a
// response can be a success with. openapi-typescript writes numeric statuses as number keys.
const SUCCESS_STATUSES = [
  "200",
  "201",
  "202",
  "203",
  "204",
  "205",
  "206",
  "207",
  "208",
  "226",
  "2XX",
];

/** The names `genericAliases` declares. */
export const GENERIC_ALIAS_NAMES = [
  "HttpMethod",
  "SuccessStatus",
  "Schema",
  "PathsWithMethod",
  "PathOperation",
  "JsonBody",
  "RequestBody",
  "ResponseBody",
] as const;

export function genericAliases(): ts.Statement[] {
  const M = typeReference("M");
  const P = typeReference("P");
  const methodParameter = typeParameter("M", typeReference("HttpMethod"));
  const pathParameter = typeParameter("P", typeReference("PathsWithMethod", [M]));
  const operation = typeReference("PathOperation", [M, P]);

  return [
    withDocComment(
      exportedTypeAlias("HttpMethod", undefined, unionType(HTTP_METHODS.map(stringLiteralType))),
      ["The methods of an OpenAPI path item."],
    ),
    withDocComment(
      exportedTypeAlias(
        "SuccessStatus",
        undefined,
        unionType(SUCCESS_STATUSES.map(keyLiteralType)),
      ),
      ["The statuses `ResponseBody` reads by default: the 2xx statuses and OpenAPI's `2XX` range."],
    ),
    // export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];
    withDocComment(
      exportedTypeAlias(
        "Schema",
        [
          typeParameter(
            "N",
            f.createTypeOperatorNode(
              ts.SyntaxKind.KeyOfKeyword,
              indexedAccess(typeReference("components"), "schemas"),
            ),
          ),
        ],
        f.createIndexedAccessTypeNode(
          indexedAccess(typeReference("components"), "schemas"),
          typeReference("N"),
        ),
      ),
      ['A component schema by name: `Schema<"name">` is `components["schemas"]["name"]`.'],
    ),
    // export type PathsWithMethod<M extends HttpMethod> =
    //   { [P in keyof paths]-?: paths[P] extends Record<M, {}> ? P : never }[keyof paths];
    // openapi-typescript declares every method on every path, the missing ones as `?: never`,
    // which an optional-free Record<M, {}> rejects.
    withDocComment(
      exportedTypeAlias(
        "PathsWithMethod",
        [methodParameter],
        f.createIndexedAccessTypeNode(
          f.createMappedTypeNode(
            undefined,
            typeParameter("P", keyOfPaths()),
            undefined,
            f.createToken(ts.SyntaxKind.MinusToken),
            f.createConditionalTypeNode(
              f.createIndexedAccessTypeNode(typeReference("paths"), P),
              typeReference("Record", [M, f.createTypeLiteralNode([])]),
              P,
              never(),
            ),
            undefined,
          ),
          keyOfPaths(),
        ),
      ),
      ["The paths that have an operation for method `M`."],
    ),
    // export type PathOperation<M, P> = paths[P] extends Record<M, infer O> ? O : never;
    withDocComment(
      exportedTypeAlias(
        "PathOperation",
        [methodParameter, pathParameter],
        f.createConditionalTypeNode(
          f.createIndexedAccessTypeNode(typeReference("paths"), P),
          typeReference("Record", [M, infer("O")]),
          typeReference("O"),
          never(),
        ),
      ),
      ["The operation for method `M` at path `P` (an entry of `operations`)."],
    ),
    // export type JsonBody<T> = T extends { content: { "application/json": infer B } } ? B : never;
    // Distributes over a union of responses; a response without a body (`content?: never`)
    // contributes nothing.
    withDocComment(
      exportedTypeAlias(
        "JsonBody",
        [typeParameter("T")],
        f.createConditionalTypeNode(
          typeReference("T"),
          typeLiteral({ content: typeLiteral({ [JSON_MEDIA_TYPE]: infer("B") }) }),
          typeReference("B"),
          never(),
        ),
      ),
      [
        `The \`${JSON_MEDIA_TYPE}\` body of a request body or response object (or of each member of a union of them); \`never\` when it has none.`,
      ],
    ),
    // export type RequestBody<M, P> =
    //   PathOperation<M, P> extends { requestBody?: infer R } ? JsonBody<NonNullable<R>> : never;
    withDocComment(
      exportedTypeAlias(
        "RequestBody",
        [methodParameter, pathParameter],
        f.createConditionalTypeNode(
          operation,
          typeLiteral({ requestBody: infer("R") }, true),
          typeReference("JsonBody", [typeReference("NonNullable", [typeReference("R")])]),
          never(),
        ),
      ),
      [
        `The \`${JSON_MEDIA_TYPE}\` request body of method \`M\` at path \`P\`: \`RequestBody<"post", "/path">\`; \`never\` when the operation takes none.`,
      ],
    ),
    // export type ResponseBody<M, P, S extends number | string = SuccessStatus> =
    //   PathOperation<M, P> extends { responses: infer R } ? JsonBody<R[S & keyof R]> : never;
    withDocComment(
      exportedTypeAlias(
        "ResponseBody",
        [
          methodParameter,
          pathParameter,
          typeParameter(
            "S",
            unionType([keyword(ts.SyntaxKind.NumberKeyword), keyword(ts.SyntaxKind.StringKeyword)]),
            typeReference("SuccessStatus"),
          ),
        ],
        f.createConditionalTypeNode(
          operation,
          typeLiteral({ responses: infer("R") }),
          typeReference("JsonBody", [
            f.createIndexedAccessTypeNode(
              typeReference("R"),
              f.createIntersectionTypeNode([
                typeReference("S"),
                f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, typeReference("R")),
              ]),
            ),
          ]),
          never(),
        ),
      ),
      [
        `The \`${JSON_MEDIA_TYPE}\` bodies of the responses of method \`M\` at path \`P\` for statuses \`S\` (default: every success status), as a union; \`never\` when none has one.`,
      ],
    ),
  ];
}

function keyOfPaths(): ts.TypeNode {
  return f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, typeReference("paths"));
}

function never(): ts.TypeNode {
  return keyword(ts.SyntaxKind.NeverKeyword);
}

function keyword(kind: ts.KeywordTypeSyntaxKind): ts.TypeNode {
  return f.createKeywordTypeNode(kind);
}

function infer(name: string): ts.TypeNode {
  return f.createInferTypeNode(typeParameter(name));
}

// `{ a: A; "b/c": B }`, every member optional when `optional`.
function typeLiteral(members: Record<string, ts.TypeNode>, optional = false): ts.TypeNode {
  return f.createTypeLiteralNode(
    Object.entries(members).map(([name, type]) =>
      f.createPropertySignature(
        undefined,
        propertyName(name),
        optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
        type,
      ),
    ),
  );
}
