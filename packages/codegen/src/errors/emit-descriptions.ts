// The runtime tables of `@ontap-rest/errors`: code → description and code → name, all that
// `lookupError`, `OntapApiError#entry` and the job poller need. They are keyed by code only,
// so they grow when the docs add a code, never when a doc set or an operation repeats one;
// where each code is documented stays in the catalog module, which no runtime code imports.
import ts from "typescript";
import { exportModifier, typeReference, withDocComment } from "../lib/ts-nodes.js";
import type { Model } from "./collect.js";
import { importTypes } from "./emit-catalog.js";

const f = ts.factory;

/** `descriptions` and `names`, typed by `KnownCode` imported from `catalogModule`. */
export function descriptionsStatements(model: Model, catalogModule: string): ts.Statement[] {
  const named = model.entries.filter((entry) => entry.name !== undefined);
  return [
    importTypes(["KnownCode"], catalogModule),
    table(
      "descriptions",
      // Every code has one: `Record`, so a code without a description would not compile.
      typeReference("Record", [typeReference("KnownCode"), stringType()]),
      model.entries.map((entry) => [entry.code, entry.description]),
      [
        "Each code's description: the first one by doc set, path and method.",
        "Look codes up with `Object.hasOwn`: `constructor` is a property of every object.",
      ],
    ),
    table(
      "names",
      typeReference("Partial", [
        typeReference("Record", [typeReference("KnownCode"), stringType()]),
      ]),
      named.map((entry) => [entry.code, entry.name!]),
      ["The names the specs give codes (`name` in `x-ntap-error-codes`, set by overlays)."],
    ),
  ];
}

// export const name: Readonly<type> = { "458762": "…", … };
function table(
  name: string,
  type: ts.TypeNode,
  rows: readonly (readonly [string, string])[],
  doc: readonly string[],
): ts.Statement {
  const literal = f.createObjectLiteralExpression(
    rows.map(([code, text]) =>
      f.createPropertyAssignment(f.createStringLiteral(code), f.createStringLiteral(text)),
    ),
    true,
  );
  return withDocComment(
    f.createVariableStatement(
      [exportModifier()],
      f.createVariableDeclarationList(
        [f.createVariableDeclaration(name, undefined, typeReference("Readonly", [type]), literal)],
        ts.NodeFlags.Const,
      ),
    ),
    doc,
  );
}

function stringType(): ts.TypeNode {
  return f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
}
