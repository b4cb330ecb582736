// The AST of `@ontap-rest/types`' `src/generated/index.ts`: the list of doc sets, and one
// interface that maps each doc set to its types, so code generic over the doc set (the client)
// can write `DocSets[D]["paths"]` without importing every doc set module itself.
import ts from "typescript";
import { docsetsConstant, exportModifier, propertyName, withDocComment } from "../lib/ts-nodes.js";
import { PATHS_BY_METHOD } from "./paths-by-method.js";

const f = ts.factory;

/**
 * What `DocSets[D]` holds, by the name its module exports it under: the openapi-typescript
 * roots, and the paths of each method (read by the client instead of computed).
 */
const ROOTS = [
  ["paths", "paths"],
  ["components", "components"],
  ["operations", "operations"],
  ["pathsByMethod", PATHS_BY_METHOD],
] as const;

/** The module specifier of a doc set's module from the index: `./<docset>.js`. */
export function docsetModuleSpecifier(docset: string): string {
  return `./${docset}.js`;
}

export function indexModule(docsets: readonly string[]): ts.Statement[] {
  const namespaces = namespaceNames(docsets);
  return [
    ...importDocsetModules(docsets, namespaces),
    // export type DocSet = keyof DocSets;
    // Not a union of this package's names: a downstream team's generated module adds its own
    // doc sets to `DocSets` (declaration merging), and they must be doc sets too.
    withDocComment(
      f.createTypeAliasDeclaration(
        [exportModifier()],
        "DocSet",
        undefined,
        f.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, f.createTypeReferenceNode("DocSets")),
      ),
      [
        "A doc set there are types for: this package's (`@ontap-rest/types/<docset>`), and any a",
        "downstream team's generated module adds to `DocSets`.",
      ],
    ),
    docsetsConstant(docsets, "Every doc set of this package, in code-unit order."),
    // export interface DocSets { "9.9.1": { paths: docset_9_9_1.paths; … }; … }
    withDocComment(docSetsInterface(docsets, namespaces, [exportModifier()]), [
      'The types of each doc set, by doc set: `DocSets["9.9.1"]["paths"]` is `paths` of `@ontap-rest/types/9.9.1`.',
    ]),
  ];
}

/**
 * The index of a downstream team's own doc sets: the same `docsets` list, and the doc sets
 * added to `@ontap-rest/types`' `DocSets`, so the client (`createOntapClient({ docset })`)
 * and every type keyed by doc set know them once this module is part of the program.
 */
export function augmentModule(docsets: readonly string[]): ts.Statement[] {
  const namespaces = namespaceNames(docsets);
  return [
    ...importDocsetModules(docsets, namespaces),
    docsetsConstant(docsets, "The doc sets of this module, in code-unit order."),
    // declare module "@ontap-rest/types" { interface DocSets { … } }
    withDocComment(
      f.createModuleDeclaration(
        [f.createModifier(ts.SyntaxKind.DeclareKeyword)],
        f.createStringLiteral("@ontap-rest/types"),
        f.createModuleBlock([docSetsInterface(docsets, namespaces, undefined)]),
      ),
      ["Adds these doc sets to `@ontap-rest/types`' `DocSets`."],
    ),
  ];
}

// import type * as docset_9_9_1 from "./9.9.1.js";
function importDocsetModules(docsets: readonly string[], namespaces: readonly string[]) {
  return docsets.map((docset, i) =>
    f.createImportDeclaration(
      undefined,
      f.createImportClause(
        ts.SyntaxKind.TypeKeyword,
        undefined,
        f.createNamespaceImport(f.createIdentifier(namespaces[i]!)),
      ),
      f.createStringLiteral(docsetModuleSpecifier(docset)),
    ),
  );
}

function docSetsInterface(
  docsets: readonly string[],
  namespaces: readonly string[],
  modifiers: ts.Modifier[] | undefined,
): ts.InterfaceDeclaration {
  return f.createInterfaceDeclaration(
    modifiers,
    "DocSets",
    undefined,
    undefined,
    docsets.map((docset, i) =>
      f.createPropertySignature(
        undefined,
        propertyName(docset),
        undefined,
        f.createTypeLiteralNode(
          ROOTS.map(([key, name]) =>
            f.createPropertySignature(
              undefined,
              key,
              undefined,
              f.createTypeReferenceNode(
                f.createQualifiedName(f.createIdentifier(namespaces[i]!), name),
              ),
            ),
          ),
        ),
      ),
    ),
  );
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
