// Small builders over `ts.factory` for the generated TypeScript modules.
//
// Generated code is built as a TypeScript AST and printed, never concatenated as text: the
// printer quotes names and string literals, so a doc set name, an operationId or a summary
// from the pages cannot break the code it ends up in.
import ts from "typescript";

const f = ts.factory;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `export` */
export const exportModifier = (): ts.ModifierToken<ts.SyntaxKind.ExportKeyword> =>
  f.createModifier(ts.SyntaxKind.ExportKeyword);

/** A property name: `name` when it is an identifier, `"name"` otherwise. */
export function propertyName(name: string): ts.PropertyName {
  return IDENTIFIER.test(name) ? f.createIdentifier(name) : f.createStringLiteral(name);
}

/** `"text"` as a type. */
export function stringLiteralType(text: string): ts.LiteralTypeNode {
  return f.createLiteralTypeNode(f.createStringLiteral(text));
}

/**
 * A key as a literal type the way openapi-typescript writes it: response statuses such as
 * `200` are numeric property names in its output, `default` and `2XX` are strings.
 */
export function keyLiteralType(key: string): ts.LiteralTypeNode {
  return /^(0|[1-9][0-9]*)$/.test(key)
    ? f.createLiteralTypeNode(f.createNumericLiteral(key))
    : stringLiteralType(key);
}

/** `A | B | …`; `never` for no member (a union of nothing). */
export function unionType(members: readonly ts.TypeNode[]): ts.TypeNode {
  if (members.length === 0) return f.createKeywordTypeNode(ts.SyntaxKind.NeverKeyword);
  if (members.length === 1) return members[0]!;
  return f.createUnionTypeNode(members);
}

/** `Name` or `Name<A, B>`. */
export function typeReference(name: string, args?: readonly ts.TypeNode[]): ts.TypeReferenceNode {
  return f.createTypeReferenceNode(name, args);
}

/** `object["a"][200]…`: each key as a literal type (see `keyLiteralType`). */
export function indexedAccess(object: ts.TypeNode, ...keys: readonly string[]): ts.TypeNode {
  return keys.reduce<ts.TypeNode>(
    (type, key) => f.createIndexedAccessTypeNode(type, keyLiteralType(key)),
    object,
  );
}

/** `N extends C = D` */
export function typeParameter(
  name: string,
  constraint?: ts.TypeNode,
  defaultType?: ts.TypeNode,
): ts.TypeParameterDeclaration {
  return f.createTypeParameterDeclaration(undefined, name, constraint, defaultType);
}

/** `export type Name<…> = type;` */
export function exportedTypeAlias(
  name: string,
  typeParameters: readonly ts.TypeParameterDeclaration[] | undefined,
  type: ts.TypeNode,
): ts.TypeAliasDeclaration {
  return f.createTypeAliasDeclaration([exportModifier()], name, typeParameters, type);
}

/** `[a, b] as const` for a list of strings. */
export function constStringTuple(values: readonly string[]): ts.Expression {
  return f.createAsExpression(
    f.createArrayLiteralExpression(values.map((value) => f.createStringLiteral(value))),
    typeReference("const"),
  );
}

/** `export const docsets = ["9.9.1", "latest"] as const;`, with `doc` as its doc comment. */
export function docsetsConstant(docsets: readonly string[], doc: string): ts.Statement {
  return withDocComment(
    f.createVariableStatement(
      [exportModifier()],
      f.createVariableDeclarationList(
        [f.createVariableDeclaration("docsets", undefined, undefined, constStringTuple(docsets))],
        ts.NodeFlags.Const,
      ),
    ),
    [doc],
  );
}

/**
 * Puts a JSDoc comment (one paragraph per line of `lines`) before `node`, ahead of any comment
 * it already has. `*\/` inside the text is escaped: it would end the comment.
 */
export function withDocComment<T extends ts.Node>(node: T, lines: readonly string[]): T {
  const body = lines
    .flatMap((line) => line.split(/\r?\n/))
    .map((line) => ` * ${line.replaceAll("*/", "*\\/")}`.trimEnd())
    .join("\n");
  return withLeadingComment(node, `*\n${body}\n `);
}

/** Puts a `//` comment (one line per line of `lines`) before `node`. */
export function withLineComments<T extends ts.Node>(node: T, lines: readonly string[]): T {
  const comments: ts.SynthesizedComment[] = lines.map((line) => ({
    kind: ts.SyntaxKind.SingleLineCommentTrivia,
    text: line === "" ? "" : ` ${line}`,
    hasTrailingNewLine: true,
    pos: -1,
    end: -1,
  }));
  return ts.setSyntheticLeadingComments(node, [
    ...comments,
    ...(ts.getSyntheticLeadingComments(node) ?? []),
  ]);
}

function withLeadingComment<T extends ts.Node>(node: T, text: string): T {
  const comment: ts.SynthesizedComment = {
    kind: ts.SyntaxKind.MultiLineCommentTrivia,
    text,
    hasTrailingNewLine: true,
    pos: -1,
    end: -1,
  };
  return ts.setSyntheticLeadingComments(node, [
    comment,
    ...(ts.getSyntheticLeadingComments(node) ?? []),
  ]);
}
