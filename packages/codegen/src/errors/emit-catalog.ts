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
import type { CodeEntry, Model } from "./collect.js";

const f = ts.factory;

/**
 * Catalogs of more codes than this are written as JSON text (`JSON.parse(\`[…]\`)`), not as
 * array literals. TypeScript types an array literal as the union of its elements' types,
 * reduced by pairwise subtype checks: typed by `KnownCode`, 4,000 entries in one literal are
 * "a union type that is too complex to represent" (TS2590; the limit is about a million
 * checks, some 1,400 elements), and even split into literals of 256 entries with `string`
 * codes, a 4,256-code catalog (4.5 MB with `documentedIn`) cost a user's `tsc` 1.5 s to
 * parse, bind and check, as a source of the user's project (BENCHMARKS.md, scale). JSON text
 * is one token to parse and nothing to check; its type is the annotation, which holds by
 * construction (`KnownCode` is these entries' codes, and they are written from the same
 * model), and it keeps one entry per line, so a change of the specs is a readable diff.
 * Catalogs up to this size (the package's own) print as one literal typed by `KnownCode`,
 * checked by `tsc`, as before.
 */
export const MAX_LITERAL_ENTRIES = 256;

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
  return arrayConstant("catalog", "CatalogEntry", entries, model.entries.map(catalogData), [
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
  return arrayConstant("errorEntries", "ErrorEntry", entries, model.entries.map(entryData), [
    "The catalog without `documentedIn`: what `registerErrorCatalog` keeps, for a program to",
    "import instead of `catalog` (which a bundler then leaves out).",
  ]);
}

// The entries as data, in the order of the literals' properties.
function entryData(entry: CodeEntry): object {
  const { code, name, description } = entry;
  return name === undefined ? { code, description } : { code, name, description };
}

function catalogData(entry: CodeEntry): object {
  const documentedIn = entry.documentedIn.map(({ docset, method, path, description }) => ({
    docset,
    method,
    path,
    description,
  }));
  return { ...entryData(entry), documentedIn };
}

/**
 * `export const name: readonly Type<KnownCode>[] = [...]` (the `elements`), or, past
 * MAX_LITERAL_ENTRIES, `= JSON.parse(\`[…]\`)` of the same entries as `data`, one per line,
 * the call marked pure so a bundler drops it when `name` is not imported.
 */
function arrayConstant(
  name: string,
  elementType: string,
  elements: readonly ts.Expression[],
  data: readonly object[],
  doc: readonly string[],
): ts.Statement[] {
  const type = f.createTypeOperatorNode(
    ts.SyntaxKind.ReadonlyKeyword,
    f.createArrayTypeNode(typeReference(elementType, [typeReference("KnownCode")])),
  );
  const init =
    elements.length <= MAX_LITERAL_ENTRIES
      ? f.createArrayLiteralExpression(elements, true)
      : jsonParse(`[\n${data.map((value) => JSON.stringify(value)).join(",\n")}\n]`);
  const constant = f.createVariableStatement(
    [exportModifier()],
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(name, undefined, type, init)],
      ts.NodeFlags.Const,
    ),
  );
  return [withDocComment(constant, doc)];
}

/**
 * `JSON.parse(\`json\`)`, marked pure. A template literal, so the text keeps its line breaks;
 * its raw text escapes what a template literal would read: `\\` (JSON's own escapes), `` ` ``
 * and `${`.
 */
function jsonParse(json: string): ts.Expression {
  const raw = json.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${");
  const call = f.createCallExpression(
    f.createPropertyAccessExpression(f.createIdentifier("JSON"), "parse"),
    undefined,
    [f.createNoSubstitutionTemplateLiteral(json, raw)],
  );
  ts.addSyntheticLeadingComment(call, ts.SyntaxKind.MultiLineCommentTrivia, " @__PURE__ ", false);
  return call;
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
