// Shared by the packages' README tests: every ```ts example in a package README type-checks
// against the package's published entry points (its build), as if it were a file of the
// package's test folder.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The type errors of `source` compiled as `<testDir>/readme-example-<n>.ts` (never written). */
function typeErrors(testDir: URL, source: string, n: number): string[] {
  const file = fileURLToPath(new URL(`./readme-example-${n}.ts`, testDir));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noUnusedLocals: false,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  host.getSourceFile = (name, language, ...rest) =>
    name === file
      ? ts.createSourceFile(name, source, language)
      : getSourceFile.call(host, name, language, ...rest);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** `testDir`: the package's test folder, as `new URL(".", import.meta.url)` there. */
export function describeReadmeExamples(testDir: URL): void {
  const readme = readFileSync(new URL("../README.md", testDir), "utf8");
  const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  describe("README", () => {
    it("has examples", () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    it.each(examples.map((source, n) => [n + 1, source] as const))(
      "example %i type-checks",
      (n, source) => {
        expect(typeErrors(testDir, source, n)).toEqual([]);
      },
    );
  });
}
