// A downstream team's pipeline, end to end, in its own project (the README's "Extending"
// section): the published packages installed from their tarballs, the team's own pages
// (an endpoint family this repo has no page for) and its own overlay, then
//
//   ontap-rest-ingest --docset acme-9.9.1 --overlay overlays/10-qtrees.yaml --out spec/… pages
//   ontap-rest-codegen --out src/generated
//
// and a program that uses the result: the client typed by the team's doc set (the overlay's
// enum included), the team's error codes known to OntapApiError and lookupError (the
// overlay's name included), and the version check fed with the team's table; type-checked,
// then run against a local ONTAP stand-in on 127.0.0.1.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  assertBuilt,
  compileProject,
  exec,
  INSTALL_TIMEOUT_MS,
  installProject,
  packPackages,
  root,
  STEP_TIMEOUT_MS,
} from "./packed-project.js";

const packages = [
  { folder: "ingest", built: ["dist/cli.js"] },
  { folder: "codegen", built: ["dist/cli.js"] },
  { folder: "types", built: ["dist/index.d.ts"] },
  { folder: "errors", built: ["dist/index.js"] },
  { folder: "client", built: ["dist/index.js"] },
] as const;

const fixtures = join(root, "scripts/test/fixtures/downstream");
const DOCSET = "acme-9.9.1";
const PATH = "/storage/qtrees/{volume.uuid}/{id}";

// What the team writes, against what the pipeline generated for it.
const program = `
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createOntapClient } from "@ontap-rest/client";
import { lookupError, OntapApiError, registerErrorCatalog } from "@ontap-rest/errors";
import { docsets } from "./generated/index.js";
import { catalog, type KnownCode } from "./generated/errors.js";
import { introducedIn } from "./generated/introduced.js";
import type { RequestBody } from "./generated/${DOCSET}.js";

assert.deepEqual([...docsets], ["${DOCSET}"]);
registerErrorCatalog(catalog);

// The overlay's enum, in the types.
type Patch = RequestBody<"patch", "${PATH}">;
const body: Patch = { name: "q7", security_style: "ntfs", unix_permissions: 755 };
// @ts-expect-error not one of the overlay's values
const wrongStyle: Patch = { security_style: "nfs" };
void wrongStyle;
// The team's codes are its catalog's KnownCode.
const known: KnownCode = "918235";
// @ts-expect-error a code the team's pages do not document
const unknown: KnownCode = "65537120";
void unknown;

const jobUuid = "5f8c2a50-9a0c-11ea-8d52-005056bbeba5";
const server = createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  let text = "";
  req.on("data", (chunk) => (text += chunk));
  req.on("end", () => {
    if (req.method === "GET" && req.url === "/api/cluster?fields=version") {
      res.end(JSON.stringify({ version: { full: "NetApp Release 9.9.1", generation: 9, major: 9, minor: 1 } }));
    } else if (req.method === "PATCH" && req.url === "/api/storage/qtrees/vol1/7") {
      assert.deepEqual(JSON.parse(text), body);
      res.writeHead(202).end(JSON.stringify({ job: { uuid: jobUuid, _links: { self: { href: "/api/cluster/jobs/" + jobUuid } } } }));
    } else if (req.method === "PATCH" && req.url === "/api/storage/qtrees/vol2/7") {
      res.writeHead(404).end(JSON.stringify({ error: { code: known, message: "A volume with UUID was not found.", target: "volume.uuid" } }));
    } else {
      res.writeHead(404).end(JSON.stringify({ error: { code: "4", message: req.method + " " + req.url } }));
    }
  });
});
server.listen(0, "127.0.0.1");
await new Promise((resolve) => server.once("listening", resolve));
const { port } = server.address() as AddressInfo;

try {
  const acme = createOntapClient({
    docset: "${DOCSET}",
    baseUrl: "http://127.0.0.1:" + port + "/api",
    auth: { username: "admin", password: "secret-pw" },
    introducedIn: introducedIn["${DOCSET}"],
  });

  const started = await acme.PATCH("${PATH}", {
    params: { path: { "volume.uuid": "vol1", id: "7" } },
    body,
  });
  assert.equal(started.error, undefined, String(started.error));
  assert.equal(started.data?.job?.uuid, jobUuid);

  const missing = await acme.PATCH("${PATH}", {
    params: { path: { "volume.uuid": "vol2", id: "7" } },
    body: { name: "q7" },
  });
  assert.ok(missing.error instanceof OntapApiError);
  assert.equal(missing.error.code, "918235");
  assert.equal(missing.error.entry?.name, "VOLUME_NOT_FOUND");
  assert.equal(lookupError("918235")?.description, "A volume with UUID was not found.");

  // Type-level only: a path of another doc set.
  const typeOnly = () =>
    // @ts-expect-error not a path of ${DOCSET}
    acme.GET("/security/azure-key-vaults");
  void typeOnly;
} finally {
  server.close();
  server.closeAllConnections();
}
console.log("downstream: ok");
`;

describe("a downstream team's pipeline in its own project", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-downstream-"));
  const project = join(tmp, "acme");
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(
    "ingests its pages with its overlay, generates, type-checks and runs its program",
    async () => {
      assertBuilt(packages);
      const tarballs = await packPackages(packages, join(tmp, "tarballs"));
      await installProject(project, tarballs);
      cpSync(join(fixtures, "pages"), join(project, "pages"), { recursive: true });
      cpSync(join(fixtures, "overlays"), join(project, "overlays"), { recursive: true });
      const npx = (args: string[]) =>
        exec("npx", ["--no", "--", ...args], { cwd: project, timeout: STEP_TIMEOUT_MS });

      const spec = `spec/ontap-${DOCSET}.openapi.yaml`;
      const ingest = await npx([
        "ontap-rest-ingest",
        "--docset",
        DOCSET,
        "--overlay",
        "overlays/10-qtrees.yaml",
        "--out",
        spec,
        "pages",
      ]);
      // No diagnostic (npm itself may warn about the machine's config on stderr).
      expect(ingest.stderr).not.toMatch(/: (error|warning): /);
      const document = parse(readFileSync(join(project, spec), "utf8"));
      expect(
        document.paths[PATH].patch.requestBody.content["application/json"].schema.properties
          .security_style.enum,
      ).toEqual(["unix", "ntfs", "mixed"]);

      await npx(["ontap-rest-codegen", "--out", "src/generated"]);
      expect(readdirSync(join(project, "src/generated")).sort()).toEqual([
        `${DOCSET}.d.ts`,
        "errors.ts",
        "index.ts",
        "introduced.ts",
      ]);

      writeFileSync(join(project, "src", "program.ts"), program);
      await compileProject(project);
      const { stdout } = await exec(process.execPath, [join("out", "program.js")], {
        cwd: project,
        timeout: STEP_TIMEOUT_MS,
      });
      expect(stdout).toContain("downstream: ok");
    },
    INSTALL_TIMEOUT_MS + 4 * STEP_TIMEOUT_MS,
  );
});
