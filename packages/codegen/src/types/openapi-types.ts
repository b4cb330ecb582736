// openapi-typescript's output for one spec, as AST nodes (`paths`, `webhooks`, `components`,
// `$defs`, `operations`), through its Node API so the aliases can be appended to the same
// AST and the whole module printed once.
import { pathToFileURL } from "node:url";
import openapiTS from "openapi-typescript";
import ts from "typescript";

/**
 * The statements for the spec at `specFile`. Options stay at openapi-typescript's defaults,
 * the output `pnpm test` checks with its CLI. The spec is read from its file URL (not from a
 * parsed object) so Redocly resolves and reports exactly as it does for the CLI; its warnings
 * go to stderr.
 */
export async function openapiTypes(specFile: string): Promise<ts.Statement[]> {
  const nodes = await openapiTS(pathToFileURL(specFile));
  // Typed as ts.Node[], but every node is a top-level declaration; check rather than cast.
  return nodes.map((node) => {
    if (!ts.isStatement(node)) {
      throw new Error(`${specFile}: openapi-typescript returned a ${ts.SyntaxKind[node.kind]}`);
    }
    return node;
  });
}
