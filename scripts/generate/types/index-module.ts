// The AST of `@ontap-rest/types`' `src/generated/index.ts`: the list of doc sets, and one
// interface that maps each doc set to its types, so code generic over the doc set (the client)
// can write `DocSets[D]["paths"]` without importing every doc set module itself.
import ts from "typescript";
import {
  constStringTuple,
  exportModifier,
  propertyName,
  stringLiteralType,
  unionType,
  withDocComment,
} from "../lib/ts-nodes.js";

const f = ts.factory;

/** What `DocSets[D]` holds: the openapi-typescript roots of the doc set's module. */
const ROOTS = ["paths", "components", "operations"] as const;

/** The module specifier of a doc set's module from the index: `./<docset>.js`. */
export function docsetModuleSpecifier(docset: string): string {
  return `./${docset}.js`;
}

export function indexModule(docsets: readonly string[]): ts.Statement[] {
  const namespaces = namespaceNames(docsets);
  return [
    // import type * as docset_9_9_1 from "./9.9.1.js";
    ...docsets.map((docset, i) =>
      f.createImportDeclaration(
        undefined,
        f.createImportClause(
          ts.SyntaxKind.TypeKeyword,
          undefined,
          f.createNamespaceImport(f.createIdentifier(namespaces[i]!)),
        ),
        f.createStringLiteral(docsetModuleSpecifier(docset)),
      ),
    ),
    // export type DocSet = "9.9.1" | "latest";
    withDocComment(
      f.createTypeAliasDeclaration(
        [exportModifier()],
        "DocSet",
        undefined,
        unionType(docsets.map(stringLiteralType)),
      ),
      ["A doc set this package has types for: `@ontap-rest/types/<docset>`."],
    ),
    // export const docsets = ["9.9.1", "latest"] as const;
    withDocComment(
      f.createVariableStatement(
        [exportModifier()],
        f.createVariableDeclarationList(
          [f.createVariableDeclaration("docsets", undefined, undefined, constStringTuple(docsets))],
          ts.NodeFlags.Const,
        ),
      ),
      ["Every doc set, in code-unit order."],
    ),
    // export interface DocSets { "9.9.1": { paths: docset_9_9_1.paths; … }; … }
    withDocComment(
      f.createInterfaceDeclaration(
        [exportModifier()],
        "DocSets",
        undefined,
        undefined,
        docsets.map((docset, i) =>
          f.createPropertySignature(
            undefined,
            propertyName(docset),
            undefined,
            f.createTypeLiteralNode(
              ROOTS.map((root) =>
                f.createPropertySignature(
                  undefined,
                  root,
                  undefined,
                  f.createTypeReferenceNode(
                    f.createQualifiedName(f.createIdentifier(namespaces[i]!), root),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
      [
        'The types of each doc set, by doc set: `DocSets["9.9.1"]["paths"]` is `paths` of `@ontap-rest/types/9.9.1`.',
      ],
    ),
  ];
}

// `docset_<name>` with every character an identifier cannot hold as `_`; a name that another
// doc set already took (`9.9.1` and `9_9_1`) gets a numeric suffix.
function namespaceNames(docsets: readonly string[]): string[] {
  const taken = new Set<string>();
  return docsets.map((docset) => {
    const base = `docset_${docset.replace(/[^A-Za-z0-9_$]/g, "_")}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  });
}
