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
 * Array literals longer than this are split into constants of this many elements each.
 * TypeScript types an array literal as the union of its elements' types, reduced by pairwise
 * subtype checks. Typed by `KnownCode`, every entry keeps its own literal `code`, so 4,000
 * entries in one literal are "a union type that is too complex to represent" (TS2590; the
 * limit is about a million checks, some 1,400 elements), and even in chunks of 256 they cost
 * a user's `tsc` 4 s. Past this size the chunks are typed with `string` codes (every entry
 * then has one type, reduced in linear time) and the joined array is asserted to have
 * `KnownCode` codes, which holds by construction: `KnownCode` is these entries' codes. That
 * check costs 1.2 s at 4,256 codes (BENCHMARKS.md, scale). Catalogs up to this size (the
 * package's own) print as one literal typed by `KnownCode`, as before.
 */
export const CHUNK = 256;

/**
 * `KnownCode`, `catalog` and `DocumentedErrorCodes`, with `CatalogEntry` imported (as a type)
 * from `typesFrom`: `"../catalog-entry.js"` in the package, `"@ontap-rest/errors"` downstream.
 * `entries: true` adds `errorEntries` (and imports `ErrorEntry`): each code's `code`, `name`
 * and `description` without `documentedIn`, the runtime data for `registerErrorCatalog`.
 */
export function catalogStatements(
  model: Model,
  typesFrom: string,
  options: { entries?: boolean } = {},
): ts.Statement[] {
  return [
    importTypes(options.entries ? ["CatalogEntry", "ErrorEntry"] : ["CatalogEntry"], typesFrom),
    knownCode(model),
    ...catalog(model),
    ...(options.entries ? errorEntries(model) : []),
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
function catalog(model: Model): ts.Statement[] {
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
  return chunkedArray("catalog", "CatalogEntry", entries, [
    "One entry per code, sorted by code; `documentedIn` by doc set, path and method.",
    "`name` where the specs name the code.",
  ]);
}

// export const errorEntries: readonly ErrorEntry<KnownCode>[] = [{ code, name?, description }, ...];
function errorEntries(model: Model): ts.Statement[] {
  const entries = model.entries.map((entry) =>
    f.createObjectLiteralExpression(
      [
        property("code", entry.code),
        ...(entry.name === undefined ? [] : [property("name", entry.name)]),
        property("description", entry.description),
      ],
      false,
    ),
  );
  return chunkedArray("errorEntries", "ErrorEntry", entries, [
    "The catalog without `documentedIn`: what `registerErrorCatalog` keeps, for a program to",
    "import instead of `catalog` (which a bundler then leaves out).",
  ]);
}

/**
 * `export const name: readonly Type<KnownCode>[] = [...]`, or, past CHUNK elements, constants
 * `name_0`, `name_1`… of CHUNK elements each (codes typed `string`, see CHUNK) and
 * `export const name = name_0.concat(…) as readonly Type<KnownCode>[]`, the call marked pure
 * so a bundler drops all of them when `name` is not imported.
 */
function chunkedArray(
  name: string,
  elementType: string,
  elements: readonly ts.Expression[],
  doc: readonly string[],
): ts.Statement[] {
  const type = (code: ts.TypeNode) =>
    f.createTypeOperatorNode(
      ts.SyntaxKind.ReadonlyKeyword,
      f.createArrayTypeNode(typeReference(elementType, [code])),
    );
  const known = () => typeReference("KnownCode");
  const constant = (id: string, init: ts.Expression, exported: boolean, code: ts.TypeNode) =>
    f.createVariableStatement(
      exported ? [exportModifier()] : undefined,
      f.createVariableDeclarationList(
        [f.createVariableDeclaration(id, undefined, type(code), init)],
        ts.NodeFlags.Const,
      ),
    );
  if (elements.length <= CHUNK) {
    const literal = f.createArrayLiteralExpression(elements, true);
    return [withDocComment(constant(name, literal, true, known()), doc)];
  }
  const parts: ts.Statement[] = [];
  const ids: string[] = [];
  for (let i = 0; i < elements.length; i += CHUNK) {
    const id = `${name}_${ids.length}`;
    ids.push(id);
    const literal = f.createArrayLiteralExpression(elements.slice(i, i + CHUNK), true);
    parts.push(constant(id, literal, false, f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword)));
  }
  const joined = f.createCallExpression(
    f.createPropertyAccessExpression(f.createIdentifier(ids[0]!), "concat"),
    undefined,
    ids.slice(1).map((id) => f.createIdentifier(id)),
  );
  ts.addSyntheticLeadingComment(joined, ts.SyntaxKind.MultiLineCommentTrivia, " @__PURE__ ", false);
  const asserted = f.createAsExpression(joined, type(known()));
  return [...parts, withDocComment(constant(name, asserted, true, known()), doc)];
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
