// The AST of the client's `src/generated/introduced.ts`. It ships in the client's bundle, so
// it is plain data and nothing else: one constant, no imports, no functions.
import ts from "typescript";
import { exportModifier, propertyName, typeReference, withDocComment } from "../lib/ts-nodes.js";
import type { DocsetReleases } from "./collect.js";
import { REST_API_SINCE } from "./release.js";

const f = ts.factory;

export function introducedStatements(docsets: readonly DocsetReleases[]): ts.Statement[] {
  return [
    // export const introducedIn: Readonly<Record<string, Readonly<Record<string, string>>>> = { … };
    withDocComment(
      constant(
        "introducedIn",
        readonlyRecord(readonlyRecord(f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword))),
        f.createObjectLiteralExpression(
          docsets.map(({ docset, operations }) =>
            f.createPropertyAssignment(
              propertyName(docset),
              f.createObjectLiteralExpression(
                operations.map(([operation, release]) =>
                  f.createPropertyAssignment(
                    f.createStringLiteral(operation),
                    f.createStringLiteral(release),
                  ),
                ),
                true,
              ),
            ),
          ),
          true,
        ),
      ),
      [
        'By doc set: `"METHOD /path"` (the spec\'s path template) → the release the operation was',
        'introduced in (`x-ntap-introduced`, the pages\' "Introduced In"). Only operations that',
        `have one, introduced after ${REST_API_SINCE}: ONTAP's REST API first shipped in ${REST_API_SINCE}, so every`,
        "cluster that answers it has the others, and the client never reads a cluster's version",
        "for them (the job poller's endpoints, for one).",
      ],
    ),
  ];
}

// Readonly<Record<string, T>>
function readonlyRecord(value: ts.TypeNode): ts.TypeNode {
  return typeReference("Readonly", [
    typeReference("Record", [f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword), value]),
  ]);
}

function constant(
  name: string,
  type: ts.TypeNode | undefined,
  value: ts.Expression,
): ts.VariableStatement {
  return f.createVariableStatement(
    [exportModifier()],
    f.createVariableDeclarationList(
      [f.createVariableDeclaration(name, undefined, type, value)],
      ts.NodeFlags.Const,
    ),
  );
}
