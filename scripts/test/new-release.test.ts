// "A new release is a folder": in a copy of the repo, adding `spec/sources/<release>/` and
// running `pnpm generate` (turbo: generate and build, every package) gives the new spec, a
// `@ontap-rest/types/<release>` entry, catalog entries for its error codes, the client's
// version table and a client that accepts `docset: "<release>"`, with no code change.
//
// The release is made of the existing 9.9.1 pages under a new name, so the assertions can
// say exactly what must appear. The copy links the workspace's installed dependencies
// (node_modules) instead of installing them again; turbo gets its own cache folder, so
// nothing is shared with the workspace's cache.
import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RELEASE = "9.9.2";
const GENERATE_TIMEOUT_MS = 300_000;

/** The pnpm version of root package.json's `packageManager`. */
const PNPM = /^pnpm@([^+]+)/.exec(
  (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { packageManager: string })
    .packageManager,
)?.[1];

let env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0" };

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  timeout: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        timeout,
        maxBuffer: 64 * 1024 * 1024,
        env,
      },
      (error, stdout, stderr) =>
        error
          ? reject(
              new Error(`${command} ${args.join(" ")}: ${error.message}\n${stdout}\n${stderr}`),
            )
          : resolve(stdout + stderr),
    );
  });
}

/** The repo's files as git sees them (tracked, and new files not ignored): a clean checkout. */
async function repoFiles(): Promise<string[]> {
  const out = await run(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    root,
    30_000,
  );
  return out.split("\0").filter((file) => file !== "" && existsSync(join(root, file)));
}

/** Copies the repo's files and its dependency links (node_modules folders, as symlinks). */
async function copyRepo(to: string): Promise<void> {
  for (const file of await repoFiles()) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(root, file), join(to, file));
  }
  // The root's installed dependencies, shared (read-only use).
  symlinkSync(join(root, "node_modules"), join(to, "node_modules"), "dir");
  // Each workspace package's node_modules holds relative links (`../../../types`,
  // `../../../node_modules/.pnpm/…`): copied as links, they point into the copy.
  for (const folder of [
    "spec",
    ...readdirSync(join(root, "packages")).map((p) => `packages/${p}`),
  ]) {
    const modules = join(root, folder, "node_modules");
    if (existsSync(modules) && lstatSync(modules).isDirectory()) {
      cpSync(modules, join(to, folder, "node_modules"), {
        recursive: true,
        verbatimSymlinks: true,
      });
    }
  }
}

describe(`a new release is a folder (spec/sources/${RELEASE}/ in a copy of the repo)`, () => {
  const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-new-release-"));
  const copy = join(tmp, "repo");
  let generated = false;

  beforeAll(async () => {
    // turbo runs each task through the package manager's binary, which must be on PATH: when
    // this runs outside `pnpm test`, a shim runs the pinned pnpm through npx.
    const onPath = await run("pnpm", ["--version"], root, 30_000).catch(() => "");
    if (onPath.trim() !== PNPM) {
      const bin = join(tmp, "bin");
      mkdirSync(bin);
      writeFileSync(join(bin, "pnpm"), `#!/bin/sh\nexec npx -y pnpm@${PNPM} "$@"\n`, {
        mode: 0o755,
      });
      env = { ...env, PATH: `${bin}${delimiter}${env.PATH}` };
    }
    await copyRepo(copy);
    const from = join(copy, "spec/sources/9.9.1");
    const to = join(copy, "spec/sources", RELEASE);
    cpSync(from, to, { recursive: true });
    await run(
      process.execPath,
      [
        join(root, "node_modules/turbo/bin/turbo"),
        "run",
        "generate",
        "build",
        `--cache-dir=${join(tmp, "turbo-cache")}`,
      ],
      copy,
      GENERATE_TIMEOUT_MS,
    );
    generated = true;
  }, GENERATE_TIMEOUT_MS + 60_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const read = (file: string) => readFileSync(join(copy, file), "utf8");

  it("writes the release's spec, with the same operations as the pages it was made from", () => {
    expect(generated).toBe(true);
    const spec = parse(read(`spec/ontap-${RELEASE}.openapi.yaml`));
    const original = parse(read("spec/ontap-9.9.1.openapi.yaml"));
    expect(spec.info.version).toBe(RELEASE);
    expect(Object.keys(spec.paths)).toEqual(Object.keys(original.paths));
  });

  it("adds the @ontap-rest/types entry and the doc set to DocSet", () => {
    expect(existsSync(join(copy, `packages/types/dist/generated/${RELEASE}.d.ts`))).toBe(true);
    expect(read("packages/types/src/generated/index.ts")).toContain(`"${RELEASE}": {`);
  });

  it("adds the spec to @ontap-rest/openapi", () => {
    expect(existsSync(join(copy, `packages/openapi/generated/ontap-${RELEASE}.openapi.json`))).toBe(
      true,
    );
    expect(read("packages/openapi/src/generated/index.ts")).toContain(`"${RELEASE}"`);
  });

  it("documents the release's error codes in the catalog", () => {
    const generatedDir = join(copy, "packages/errors/src/generated");
    const text = readdirSync(generatedDir)
      .map((name) => readFileSync(join(generatedDir, name), "utf8"))
      .join("\n");
    // 65537120 is documented by 9.9.1's pages, so by the copy's too.
    expect(text).toMatch(new RegExp(`docset: "${RELEASE.replaceAll(".", "\\.")}"`));
    expect(text).toContain('"65537120"');
  });

  it("gives the client the release's version table", () => {
    expect(read("packages/client/src/generated/introduced.ts")).toContain(`"${RELEASE}"`);
  });

  it(`type-checks createOntapClient({ docset: "${RELEASE}" }) and its paths`, async () => {
    const check = join(copy, "release-check");
    mkdirSync(join(check, "node_modules/@ontap-rest"), { recursive: true });
    for (const name of ["client", "types"]) {
      symlinkSync(
        join(copy, "packages", name),
        join(check, "node_modules/@ontap-rest", name),
        "dir",
      );
    }
    writeFileSync(join(check, "package.json"), JSON.stringify({ type: "module", private: true }));
    writeFileSync(
      join(check, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ["check.ts"],
      }),
    );
    writeFileSync(
      join(check, "check.ts"),
      [
        'import { createOntapClient } from "@ontap-rest/client";',
        'import type { DocSet } from "@ontap-rest/types";',
        `const docset: DocSet = "${RELEASE}";`,
        'const client = createOntapClient({ docset, baseUrl: "http://127.0.0.1:1/api", auth: { username: "u", password: "p" } });',
        'export const list = () => client.GET("/security/azure-key-vaults", { params: { query: { fields: ["name"] } } });',
        "// @ts-expect-error not a path of the release",
        'export const wrong = () => client.GET("/no/such/path");',
        "",
      ].join("\n"),
    );
    await run(
      process.execPath,
      [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"],
      check,
      120_000,
    );
  }, 150_000);
});
