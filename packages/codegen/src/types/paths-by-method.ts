// `PathsByMethod`: the paths of each HTTP method, listed in the types module. The client's
// `GET("/…")` accepts the paths that have a GET; computed from `paths` by a mapped type, that
// union costs a user's type check some 5,000 instantiations per method on a doc set of 1,500
// operations (BENCHMARKS.md, scale), and every program pays it again. Listed here, it is read.
import ts from "typescript";
import { exportModifier, stringLiteralType, unionType, withDocComment } from "../lib/ts-nodes.js";
import { HTTP_METHODS, type SpecOperation } from "./spec-operations.js";

const f = ts.factory;

/** The name `DocSets[D]["pathsByMethod"]` refers to in each doc set's module. */
export const PATHS_BY_METHOD = "PathsByMethod";

/** `export interface PathsByMethod { get: "/a" | "/b"; put: never; … }`, every method listed. */
export function pathsByMethod(operations: readonly SpecOperation[]): ts.InterfaceDeclaration {
  const paths = new Map<string, Set<string>>(HTTP_METHODS.map((m) => [m, new Set()]));
  for (const { method, path } of operations) paths.get(method)!.add(path);
  return withDocComment(
    f.createInterfaceDeclaration(
      [exportModifier()],
      PATHS_BY_METHOD,
      undefined,
      undefined,
      HTTP_METHODS.map((method) =>
        f.createPropertySignature(
          undefined,
          method,
          undefined,
          unionType([...paths.get(method)!].map(stringLiteralType)),
        ),
      ),
    ),
    [
      "The paths of `paths` that have each method (`never`: none), as the client's `GET(path)` and",
      "the like accept them.",
    ],
  );
}
