// `@ontap-rest/openapi`'s generated files: every doc set's spec as YAML and JSON, and the
// index module that lists them.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { listDocsets, specPath } from "../lib/docsets.js";
import { generatedHeader, printModule } from "../lib/print-module.js";
import { writeGenerated } from "../lib/write-generated.js";
import { indexModule, specFileName } from "./index-module.js";
import { jsonFromYaml } from "./json-from-yaml.js";

export interface GenerateOpenapiOptions {
  /** The repo root: the specs are read from `<root>/spec/`. */
  root: string;
  /** Where the spec files go (a folder named `generated`): `packages/openapi/generated`. */
  filesDir: string;
  /** Where `index.ts` goes (a folder named `generated`): `packages/openapi/src/generated`. */
  moduleDir: string;
}

export interface GenerateOpenapiResult {
  docsets: string[];
}

/** Writes `<filesDir>/ontap-<docset>.openapi.{yaml,json}` and `<moduleDir>/index.ts`. */
export function generateOpenapi(options: GenerateOpenapiOptions): GenerateOpenapiResult {
  const { root, filesDir, moduleDir } = options;
  const docsets = listDocsets(root);

  const files = new Map<string, string | Uint8Array>();
  for (const docset of docsets) {
    const source = specPath(root, docset);
    const sourceName = relative(root, source).split("\\").join("/");
    const bytes = readFileSync(source);
    // The YAML is the spec byte for byte: tools that diff or hash it see the committed file.
    files.set(specFileName(docset, "yaml"), bytes);
    files.set(specFileName(docset, "json"), jsonFromYaml(bytes.toString("utf8"), sourceName));
  }

  // The module finds the files relative to itself. src/generated/ (tests, editors) and
  // dist/generated/ (the published build) sit at the same depth, so one relative URL serves both.
  const filesUrl = `${relative(moduleDir, filesDir).split("\\").join("/")}/`;
  const module = printModule(
    indexModule(docsets, filesUrl),
    generatedHeader(
      "scripts/generate/openapi.ts",
      docsets.map((docset) => `spec/${specFileName(docset, "yaml")}`),
    ),
  );

  writeGenerated(filesDir, files);
  writeGenerated(moduleDir, new Map([["index.ts", module]]));
  return { docsets };
}
