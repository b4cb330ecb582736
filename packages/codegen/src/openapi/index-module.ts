// The AST of `@ontap-rest/openapi`'s `src/generated/index.ts`: the doc sets, and where the
// spec file of each one is once the package is installed.
import ts from "typescript";
import {
  docsetsConstant,
  exportModifier,
  propertyName,
  stringLiteralType,
  typeReference,
  unionType,
  withDocComment,
  withLineComments,
} from "../lib/ts-nodes.js";

const f = ts.factory;

/** The two formats every spec is published in. */
export const SPEC_FORMATS = ["yaml", "json"] as const;
export type SpecFormat = (typeof SPEC_FORMATS)[number];

/** The file name of a doc set's spec in a format: `ontap-<docset>.openapi.<format>`. */
export function specFileName(docset: string, format: SpecFormat): string {
  return `ontap-${docset}.openapi.${format}`;
}

/**
 * The statements of the index module. `filesUrl` is the URL of the spec files' folder relative
 * to the module (`../../generated/`): the same from `src/generated/` and `dist/generated/`.
 */
export function indexModule(docsets: readonly string[], filesUrl: string): ts.Statement[] {
  return [
    importFileURLToPath(),
    docsetsConstant(docsets, "The doc sets this package has a spec for, in code-unit order."),
    docSetType(),
    specFormatType(),
    specUrlsConst(docsets, filesUrl),
    specPathFunction(),
  ];
}

// import { fileURLToPath } from "node:url";
function importFileURLToPath(): ts.Statement {
  return f.createImportDeclaration(
    undefined,
    f.createImportClause(
      undefined,
      undefined,
      f.createNamedImports([
        f.createImportSpecifier(false, undefined, f.createIdentifier("fileURLToPath")),
      ]),
    ),
    f.createStringLiteral("node:url"),
  );
}

// export type DocSet = (typeof docsets)[number];
function docSetType(): ts.Statement {
  return withDocComment(
    f.createTypeAliasDeclaration(
      [exportModifier()],
      "DocSet",
      undefined,
      f.createIndexedAccessTypeNode(
        f.createTypeQueryNode(f.createIdentifier("docsets")),
        f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
      ),
    ),
    ["A doc set this package has a spec for."],
  );
}

// export type SpecFormat = "yaml" | "json";
function specFormatType(): ts.Statement {
  return withDocComment(
    f.createTypeAliasDeclaration(
      [exportModifier()],
      "SpecFormat",
      undefined,
      unionType(SPEC_FORMATS.map(stringLiteralType)),
    ),
    ["`yaml`: the spec as the ingester writes it; `json`: the same document as JSON."],
  );
}

// const specUrls: Record<DocSet, Record<SpecFormat, URL>> = { "9.9.1": { yaml: new URL(...), ... } };
function specUrlsConst(docsets: readonly string[], filesUrl: string): ts.Statement {
  const importMetaUrl = f.createPropertyAccessExpression(
    f.createMetaProperty(ts.SyntaxKind.ImportKeyword, f.createIdentifier("meta")),
    "url",
  );
  const table = f.createObjectLiteralExpression(
    docsets.map((docset) =>
      f.createPropertyAssignment(
        propertyName(docset),
        f.createObjectLiteralExpression(
          SPEC_FORMATS.map((format) =>
            f.createPropertyAssignment(
              format,
              f.createNewExpression(f.createIdentifier("URL"), undefined, [
                f.createStringLiteral(`${filesUrl}${specFileName(docset, format)}`),
                importMetaUrl,
              ]),
            ),
          ),
          false,
        ),
      ),
    ),
    true,
  );
  return withLineComments(
    f.createVariableStatement(
      undefined,
      f.createVariableDeclarationList(
        [
          f.createVariableDeclaration(
            "specUrls",
            undefined,
            typeReference("Record", [
              typeReference("DocSet"),
              typeReference("Record", [typeReference("SpecFormat"), typeReference("URL")]),
            ]),
            table,
          ),
        ],
        ts.NodeFlags.Const,
      ),
    ),
    [
      'One literal `new URL("…", import.meta.url)` per file: Node resolves it next to this',
      "module wherever the package is installed, and bundlers recognise the pattern as an asset.",
    ],
  );
}

// export function specPath(docset: DocSet, format: SpecFormat = "yaml"): string { … }
function specPathFunction(): ts.Statement {
  const url = f.createIdentifier("url");
  const docset = f.createIdentifier("docset");
  const format = f.createIdentifier("format");
  // const url = specUrls[docset]?.[format];
  const lookup = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList(
      [
        f.createVariableDeclaration(
          url,
          undefined,
          undefined,
          f.createElementAccessChain(
            f.createElementAccessExpression(f.createIdentifier("specUrls"), docset),
            f.createToken(ts.SyntaxKind.QuestionDotToken),
            format,
          ),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  // if (!(url instanceof URL)) throw new RangeError(`no ${format} spec for doc set ${docset}`);
  // JavaScript callers (and `as` casts) can pass any string: fail with a clear message.
  const guard = f.createIfStatement(
    f.createPrefixUnaryExpression(
      ts.SyntaxKind.ExclamationToken,
      f.createParenthesizedExpression(
        f.createBinaryExpression(url, ts.SyntaxKind.InstanceOfKeyword, f.createIdentifier("URL")),
      ),
    ),
    f.createThrowStatement(
      f.createNewExpression(f.createIdentifier("RangeError"), undefined, [
        f.createTemplateExpression(f.createTemplateHead("no "), [
          f.createTemplateSpan(
            f.createCallExpression(
              f.createPropertyAccessExpression(f.createIdentifier("JSON"), "stringify"),
              undefined,
              [format],
            ),
            f.createTemplateMiddle(" spec for doc set "),
          ),
          f.createTemplateSpan(
            f.createCallExpression(
              f.createPropertyAccessExpression(f.createIdentifier("JSON"), "stringify"),
              undefined,
              [docset],
            ),
            f.createTemplateTail(""),
          ),
        ]),
      ]),
    ),
  );
  const result = f.createReturnStatement(
    f.createCallExpression(f.createIdentifier("fileURLToPath"), undefined, [url]),
  );
  return withDocComment(
    f.createFunctionDeclaration(
      [exportModifier()],
      undefined,
      "specPath",
      undefined,
      [
        f.createParameterDeclaration(
          undefined,
          undefined,
          docset,
          undefined,
          typeReference("DocSet"),
        ),
        f.createParameterDeclaration(
          undefined,
          undefined,
          format,
          undefined,
          typeReference("SpecFormat"),
          f.createStringLiteral("yaml"),
        ),
      ],
      f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      f.createBlock([lookup, guard, result], true),
    ),
    [
      "The absolute path of the spec file of `docset` in `format` (default `yaml`).",
      "@throws {RangeError} for a doc set or format this package has no spec for.",
    ],
  );
}
