// The browser entry: the same client, with no Node-only module anywhere in its imports.
// `versionCheck: false`: this server answers every path alike, `GET /api/cluster` included,
// and these tests are not about the version check (version-check.test.ts is).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOntapClient, OntapTimeoutError } from "../src/browser.js";
import { json, startServer, type TestServer } from "./helpers/server.js";

const src = join(dirname(fileURLToPath(import.meta.url)), "..", "src");

/** Every module `file` imports, statically or dynamically, following our own files. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  const text = readFileSync(join(src, file), "utf8");
  for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
    if (specifier!.startsWith("./")) {
      const local = specifier!.slice(2).replace(/\.js$/, ".ts");
      if (!seen.has(local)) {
        seen.add(local);
        importsOf(local, seen);
      }
    } else seen.add(specifier!);
  }
  return seen;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe("browser entry", () => {
  it("imports no Node-only module (no undici, no node:*)", () => {
    const modules = [...importsOf("browser.ts")];
    expect(modules.filter((name) => name === "undici" || name.startsWith("node:"))).toEqual([]);
    expect(modules).toContain("openapi-fetch");
    // …while the Node entry does load undici (lazily)
    expect([...importsOf("index.ts")]).toContain("undici");
  });

  it("is the same client", async () => {
    server.handle((_, response) => json(response, 200, { records: [{ uuid: "u1" }] }));
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth: { username: "admin", password: "x" },
    });
    const { data } = await ontap.GET("/security/azure-key-vaults", {
      params: { query: { fields: ["uuid", "name"] } },
    });
    expect(data?.records).toEqual([{ uuid: "u1" }]);
    expect(server.seen[0]?.url).toBe("/api/security/azure-key-vaults?fields=uuid,name");
  });

  it("ends a hung connection with a deadline per attempt (a browser's fetch has no Agent)", async () => {
    server.handle(() => undefined); // never answers
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth: { username: "admin", password: "x" },
      timeoutMs: 100,
    });
    const started = Date.now();
    const thrown = await ontap.GET("/security/azure-key-vaults").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapTimeoutError);
    expect((thrown as Error).message).toBe("GET /security/azure-key-vaults timed out after 100 ms");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("refuses `ca`, which needs Node", () => {
    expect(() =>
      createOntapClient({
        docset: "9.9.1",
        host: "cluster1",
        auth: { username: "admin", password: "x" },
        ca: "PEM",
      } as never),
    ).toThrow(/`ca` needs Node/);
  });
});
