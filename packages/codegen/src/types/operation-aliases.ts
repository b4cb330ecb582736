// Named aliases per operation, from its operationId in PascalCase (`post_security_azure_key_vaults`
// → `PostSecurityAzureKeyVaults`):
//
//   <Op>Parameters    its query and path parameters           (every operation)
//   <Op>RequestBody   its application/json request body       (when it takes one)
//   <Op>Response      the union of its 2xx application/json bodies (when it has one)
//
// Each is an indexed access into `operations` naming exactly the statuses that have a body,
// rather than `ResponseBody<M, P>`: the alias then never contains `never` or `undefined`, and
// an editor shows where it comes from. Operations without an operationId get no aliases
// (`RequestBody<M, P>` and `ResponseBody<M, P>` still reach them).
import ts from "typescript";
import {
  exportedTypeAlias,
  indexedAccess,
  stringLiteralType,
  typeReference,
  unionType,
  withDocComment,
} from "../lib/ts-nodes.js";
import { pascalCase } from "./pascal-case.js";
import { JSON_MEDIA_TYPE, type SpecOperation } from "./spec-operations.js";

export interface OperationAlias {
  name: string;
  operationId: string;
  declaration: ts.TypeAliasDeclaration;
}

/** The aliases of every operation that has an operationId, in the order of `operations`. */
export function operationAliases(operations: readonly SpecOperation[]): OperationAlias[] {
  const aliases: OperationAlias[] = [];
  for (const operation of operations) {
    const { operationId } = operation;
    if (operationId === undefined) continue;
    const base = pascalCase(operationId);
    if (base === undefined) {
      throw new Error(
        `${operation.method.toUpperCase()} ${operation.path}: operationId ${JSON.stringify(operationId)} gives no type name`,
      );
    }
    const add = (suffix: string, type: ts.TypeNode, what: string): void => {
      const name = `${base}${suffix}`;
      const declaration = withDocComment(exportedTypeAlias(name, undefined, type), [
        `\`${operation.method.toUpperCase()} ${operation.path}\` (\`${operationId}\`): ${what}.`,
        ...(operation.summary === undefined ? [] : ["", operation.summary]),
      ]);
      aliases.push({ name, operationId, declaration });
    };
    const op = indexedAccess(typeReference("operations"), operationId);

    // Pick<operations[id]["parameters"], "query" | "path">: the shape openapi-fetch's `params` takes.
    add(
      "Parameters",
      typeReference("Pick", [
        indexedAccess(op, "parameters"),
        unionType([stringLiteralType("query"), stringLiteralType("path")]),
      ]),
      "its query and path parameters",
    );

    // NonNullable<…["requestBody"]>: an optional request body is `… | undefined` in `operations`.
    if (operation.jsonRequestBody) {
      add(
        "RequestBody",
        indexedAccess(
          typeReference("NonNullable", [indexedAccess(op, "requestBody")]),
          "content",
          JSON_MEDIA_TYPE,
        ),
        `its \`${JSON_MEDIA_TYPE}\` request body`,
      );
    }

    if (operation.jsonSuccessStatuses.length > 0) {
      add(
        "Response",
        unionType(
          operation.jsonSuccessStatuses.map((status) =>
            indexedAccess(op, "responses", status, "content", JSON_MEDIA_TYPE),
          ),
        ),
        `its \`${JSON_MEDIA_TYPE}\` response body (${operation.jsonSuccessStatuses.join(", ")})`,
      );
    }
  }
  return aliases;
}
