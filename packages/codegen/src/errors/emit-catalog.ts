// The catalog module: every code with what the specs say about it, where, and which codes
// each operation documents. `@ontap-rest/errors/catalog` is this module, and so is the
// `errors.ts` a downstream team generates from its own specs: one emitter, so the two stay
// the same shape, differing only in where the `CatalogEntry` type comes from.
import ts from "typescript";
import {
  exportModifier,
  exportedTypeAlias,
  propertyName,
  stringLiteralType,
  typeReference,
  unionType,
  withDocComment,
} from "../lib/ts-nodes.js";
import type { Model } from "./collect.js";

const f = ts.factory;

/**
 * `KnownCode`, `catalog` and `DocumentedErrorCodes`, with `CatalogEntry` imported (as a type)
 * from `typesFrom`: `"../catalog-entry.js"` in the package, `"@ontap-rest/errors"` downstream.
 */
export function catalogStatements(model: Model, typesFrom: string): ts.Statement[] {
  return [
    importTypes(["CatalogEntry"], typesFrom),
    knownCode(model),
    catalog(model),
    documentedErrorCodes(model),
  ];
}

/** `import type { A, B } from "from";` */
export function importTypes(names: readonly string[], from: string): ts.Statement {
  return f.createImportDeclaration(
    undefined,
    f.createImportClause(
      true,
      undefined,
      f.createNamedImports(
        names.map((name) => f.createImportSpecifier(false, undefined, f.createIdentifier(name))),
      ),
    ),
    f.createStringLiteral(from),
  );
}

// export type KnownCode = "458762" | ...;
function knownCode(model: Model): ts.Statement {
  return withDocComment(
    exportedTypeAlias(
      "KnownCode",
      undefined,
      unionType(model.entries.map((entry) => stringLiteralType(entry.code))),
    ),
    ["Every error code the specs document, in any doc set."],
  );
}

// export const catalog: readonly CatalogEntry<KnownCode>[] = [{ code, name?, description, documentedIn }, ...];
function catalog(model: Model): ts.Statement {
  const entries = model.entries.map((entry) =>
    f.createObjectLiteralExpression(
      [
        property("code", entry.code),
        ...(entry.name === undefined ? [] : [property("name", entry.name)]),
        property("description", entry.description),
        f.createPropertyAssignment(
          "documentedIn",
          f.createArrayLiteralExpression(
            entry.documentedIn.map((where) =>
              f.createObjectLiteralExpression([
                property("docset", where.docset),
                property("method", where.method),
                property("path", where.path),
                property("description", where.description),
              ]),
            ),
            true,
          ),
        ),
      ],
      true,
    ),
  );
  const type = f.createTypeOperatorNode(
    ts.SyntaxKind.ReadonlyKeyword,
    f.createArrayTypeNode(typeReference("CatalogEntry", [typeReference("KnownCode")])),
  );
  return withDocComment(
    f.createVariableStatement(
      [exportModifier()],
      f.createVariableDeclarationList(
        [
          f.createVariableDeclaration(
            "catalog",
            undefined,
            type,
            f.createArrayLiteralExpression(entries, true),
          ),
        ],
        ts.NodeFlags.Const,
      ),
    ),
    [
      "One entry per code, sorted by code; `documentedIn` by doc set, path and method.",
      "`name` where the specs name the code.",
    ],
  );
}

// export interface DocumentedErrorCodes { "9.9.1": { "/path": { post: "1" | "2" } } }
function documentedErrorCodes(model: Model): ts.Statement {
  const tree = new Map<string, Map<string, Map<string, string[]>>>();
  for (const { docset, path, method, codes } of model.operations) {
    const paths = tree.get(docset) ?? new Map<string, Map<string, string[]>>();
    const methods = paths.get(path) ?? new Map<string, string[]>();
    methods.set(method, codes);
    paths.set(path, methods);
    tree.set(docset, paths);
  }
  const members = <T>(map: Map<string, T>, type: (value: T) => ts.TypeNode) =>
    [...map].map(([key, value]) =>
      f.createPropertySignature(undefined, propertyName(key), undefined, type(value)),
    );
  const codes = (list: readonly string[]) => unionType(list.map(stringLiteralType));
  return withDocComment(
    f.createInterfaceDeclaration(
      [exportModifier()],
      "DocumentedErrorCodes",
      undefined,
      undefined,
      members(tree, (paths) =>
        f.createTypeLiteralNode(
          members(paths, (methods) => f.createTypeLiteralNode(members(methods, codes))),
        ),
      ),
    ),
    [
      "The codes each operation documents, by doc set, path and method (`never`: none listed).",
      "Operations whose page is cut off before its error table are not listed.",
    ],
  );
}

function property(name: string, value: string): ts.PropertyAssignment {
  return f.createPropertyAssignment(name, f.createStringLiteral(value));
}
