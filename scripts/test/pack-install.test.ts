// The public packages as a user gets them: each is packed with pnpm (`workspace:*` becomes the
// version), the tarballs are installed with npm into a new project in the OS temp folder (far
// from this workspace's node_modules), and a program there imports every package by its
// public name, is type-checked (NodeNext, strict, the packages' .d.ts included) and run. A file
// missing from `files`, an entry point that does not resolve, or a dependency that only
// resolves inside the workspace fails here.
//
// Needs the packages built (`pnpm generate`, the README's first command) and the npm registry
// (typescript, @types/node and the packages' own dependencies).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  assertBuilt,
  compileProject,
  exec,
  INSTALL_TIMEOUT_MS,
  insideWorkspace,
  installProject,
  packPackages,
  root,
  STEP_TIMEOUT_MS,
} from "./packed-project.js";

/** The public packages and the files each needs from the build. */
const packages = [
  { folder: "ingest", built: ["dist/index.js", "dist/cli.js"] },
  { folder: "openapi", built: ["dist/index.js", "generated/ontap-latest.openapi.yaml"] },
  { folder: "types", built: ["dist/index.d.ts", "dist/generated/9.9.1.d.ts"] },
  {
    folder: "errors",
    built: ["dist/index.js", "dist/catalog.js", "dist/generated/descriptions.js"],
  },
  { folder: "client", built: ["dist/index.js", "dist/browser.js"] },
  { folder: "jobs", built: ["dist/index.js"] },
] as const;

/** A real page, copied into the project for the ingester's bin. */
const page = "spec/sources/latest/post-security-azure-key-vaults-uuid-rekey-internal.txt";

// What a user writes: every package by its public name and entry points.
const example = `
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createOntapClient } from "@ontap-rest/client";
import { isOntapError, lookupError, OntapApiError } from "@ontap-rest/errors";
import { catalog } from "@ontap-rest/errors/catalog";
import { ingest } from "@ontap-rest/ingest";
import { waitForJob } from "@ontap-rest/jobs";
import { docsets, specPath } from "@ontap-rest/openapi";
import spec991 from "@ontap-rest/openapi/ontap-9.9.1.openapi.json" with { type: "json" };
import { docsets as typeDocsets, type DocSet } from "@ontap-rest/types";
import type { ResponseBody, Schema } from "@ontap-rest/types/9.9.1";

// @ontap-rest/types: generated types, real ones (an \`any\` would make the expect-errors unused).
type AKV = Schema<"azure_key_vault">;
const vault: AKV = { uuid: "85619643-9a06-11ea-8d52-005056bbeba5", name: "https://vault.example/", proxy_port: 3128 };
// @ts-expect-error proxy_port is a number
const wrong: AKV = { proxy_port: "3128" };
void wrong;
const docset: DocSet = "9.9.1";
assert.deepEqual([...typeDocsets], ["9.9.1", "latest"]);

// @ontap-rest/errors
const entry = lookupError("65537120");
assert.equal(entry?.name, "AKV_NOT_CONFIGURED");
assert.equal(lookupError("12345"), undefined);
assert.ok(catalog.find((e) => e.code === "65537120")?.documentedIn.some((d) => d.docset === "9.9.1"));

// @ontap-rest/openapi
assert.deepEqual([...docsets], ["9.9.1", "latest"]);
assert.ok(existsSync(specPath("latest")), specPath("latest"));
assert.match(readFileSync(specPath("latest"), "utf8"), /^openapi: ["']?3\\.1\\./);
assert.match(JSON.parse(readFileSync(specPath("latest", "json"), "utf8")).openapi, /^3\\.1\\./);
assert.equal(spec991.info.version, "9.9.1");
assert.ok(existsSync(new URL(import.meta.resolve("@ontap-rest/openapi/ontap-latest.openapi.yaml"))));

// @ontap-rest/ingest, the library
const pageText = readFileSync("pages/rekey-internal.txt", "utf8");
const { document } = ingest([{ file: "rekey-internal.txt", text: pageText }], { docset: "x" });
assert.ok(Object.keys(document.paths as object).some((p) => p.endsWith("/rekey-internal")));

// @ontap-rest/client against a local ONTAP stand-in
const username = "admin";
const jobUuid = "6ab6946f-9a0c-11ea-8d52-005056bbeba5";
const password = "pa55:wörd";
const server = createServer((req, res) => {
  const expected = "Basic " + Buffer.from(username + ":" + password, "utf8").toString("base64");
  res.setHeader("content-type", "application/json");
  if (req.headers.authorization !== expected) {
    res.writeHead(401).end(JSON.stringify({ error: { code: "6691623", message: "not authorized" } }));
  } else if (req.method === "GET" && req.url === "/api/cluster?fields=version") {
    // The client's version check reads it once, before the first AKV call (9.8 in 9.9.1).
    res.end(JSON.stringify({ version: { full: "NetApp Release 9.9.1", generation: 9, major: 9, minor: 1 } }));
  } else if (req.method === "GET" && req.url === "/api/security/azure-key-vaults?fields=name,client_id") {
    res.end(JSON.stringify({ records: [{ ...vault, client_id: "client1" }], num_records: 1 }));
  } else if (req.method === "GET" && req.url?.startsWith("/api/cluster/jobs/" + jobUuid + "?fields=")) {
    res.end(JSON.stringify({ uuid: jobUuid, state: "success", message: "Complete: Successful", code: 0 }));
  } else if (req.method === "POST" && req.url === "/api/security/azure-key-vaults/" + vault.uuid + "/rekey-internal") {
    res.writeHead(400).end(JSON.stringify({
      error: { code: "65537120", message: "Azure Key Vault is not configured for the given SVM.", target: "svm.uuid" },
    }));
  } else {
    res.writeHead(404).end(JSON.stringify({ error: { code: "4", message: req.method + " " + req.url } }));
  }
});
server.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const { port } = server.address() as AddressInfo;

try {
  const ontap = createOntapClient({
    docset,
    baseUrl: "http://127.0.0.1:" + port + "/api",
    auth: { username, password },
  });

  // A typed GET.
  const list = await ontap.GET("/security/azure-key-vaults", {
    params: { query: { fields: ["name", "client_id"] } },
  });
  assert.equal(list.error, undefined, String(list.error));
  const records: ResponseBody<"get", "/security/azure-key-vaults">["records"] = list.data?.records;
  const name: string | undefined = records?.[0]?.name;
  // @ts-expect-error name is a string
  const notANumber: number | undefined = records?.[0]?.name;
  void notANumber;
  assert.equal(name, "https://vault.example/");
  assert.equal(records?.[0]?.client_id, "client1");

  // A documented error.
  const rekey = await ontap.POST("/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal", {
    params: { path: { "azure_key_vault.uuid": vault.uuid! } },
  });
  assert.equal(rekey.data, undefined);
  const error: unknown = rekey.error;
  assert.ok(error instanceof OntapApiError);
  assert.ok(isOntapError(error, "65537120"));
  assert.equal(error.status, 400);
  assert.equal(error.code, "65537120");
  assert.equal(error.entry?.name, "AKV_NOT_CONFIGURED");
  assert.equal(error.target, "svm.uuid");
  assert.ok(!JSON.stringify(error).includes(password));

  // @ontap-rest/jobs: follow a job to its end.
  const job = await waitForJob(ontap, { job: { uuid: jobUuid, _links: { self: { href: "/api/cluster/jobs/" + jobUuid } } } });
  assert.equal(job.state, "success");

  // Type-level only: a path 9.9.1 does not have.
  const typeOnly = () =>
    // @ts-expect-error not a path of doc set 9.9.1
    ontap.GET("/no/such/path");
  void typeOnly;
} finally {
  server.close();
  server.closeAllConnections();
}
console.log("example: ok");
`;

describe("the packed packages in a fresh npm project", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-pack-install-"));
  const tarballs = join(tmp, "tarballs");
  const project = join(tmp, "project");
  let installed = false;
  let compiled = false;

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  function needs(step: boolean, what: string): void {
    if (!step) throw new Error(`needs ${what}, which failed above`);
  }

  it(
    "packs every public package with pnpm and installs the tarballs with npm",
    async () => {
      expect(insideWorkspace(tmp), `the temp folder ${tmp} is inside ${root}`).toBe(false);
      assertBuilt(packages);
      await installProject(project, await packPackages(packages, tarballs));
      writeFileSync(join(project, "src", "example.ts"), example);
      mkdirSync(join(project, "pages"));
      copyFileSync(join(root, page), join(project, "pages", "rekey-internal.txt"));
      installed = true;
    },
    INSTALL_TIMEOUT_MS + 60_000,
  );

  it(
    "type-checks a program using every package (tsc --noEmit, NodeNext, strict)",
    async () => {
      needs(installed, "the install");
      await compileProject(project);
      compiled = true;
    },
    2 * STEP_TIMEOUT_MS,
  );

  it(
    "runs it: types, errors, openapi, ingest, and the client against a local server",
    async () => {
      needs(compiled, "the compiled program");
      const { stdout } = await exec(process.execPath, [join("out", "example.js")], {
        cwd: project,
        timeout: STEP_TIMEOUT_MS,
      });
      expect(stdout).toContain("example: ok");
    },
    STEP_TIMEOUT_MS,
  );

  it(
    "runs the ingester's bin on a real page (npx ontap-rest-ingest)",
    async () => {
      needs(installed, "the install");
      const { stdout } = await exec(
        "npx",
        ["--no", "--", "ontap-rest-ingest", "--docset", "x", join("pages", "rekey-internal.txt")],
        { cwd: project, timeout: STEP_TIMEOUT_MS },
      );
      const document = JSON.parse(stdout) as { openapi: string; info: { version: string } };
      expect(document.openapi).toMatch(/^3\.1\./);
      expect(document.info.version).toBe("x");
      expect(Object.keys((document as unknown as { paths: object }).paths)).toContain(
        "/security/azure-key-vaults/{uuid}/rekey-internal",
      );
    },
    STEP_TIMEOUT_MS,
  );
});
