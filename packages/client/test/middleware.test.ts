// The README's middleware, run as written: the example is taken from README.md, compiled and
// imported, and its `logging` and `correlationId` are used by a client against a local
// server that repeats every request it gets, secrets included.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOntapClient, type Middleware } from "../src/index.js";
import { json, startServer, type TestServer } from "./helpers/server.js";

const PASSWORD = "Pa55-w0rd-3e9b";
const CLIENT_SECRET = "client-secret-77f1";
const PROXY_PASSWORD = "proxy-pw-a5c2";
const SECRETS = [PASSWORD, btoa(`admin:${PASSWORD}`), CLIENT_SECRET, PROXY_PASSWORD];

/** The README's ```ts block that defines the middleware, as an importable module. */
async function readmeMiddleware(): Promise<{ logging: Middleware; correlationId: Middleware }> {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const source = blocks.find((block) => block.includes("X-Dot-Correlation-Id"));
  if (source === undefined) throw new Error("README.md: no middleware example");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  // Outside the package, "@ontap-rest/client" means nothing: the example gets the sources.
  const client = pathToFileURL(new URL("../src/index.ts", import.meta.url).pathname).href;
  const file = join(mkdtempSync(join(tmpdir(), "readme-middleware-")), "example.mts");
  writeFileSync(file, outputText.replaceAll('"@ontap-rest/client"', JSON.stringify(client)));
  return import(/* @vite-ignore */ pathToFileURL(file).href);
}

let server: TestServer;
const lines: string[] = [];
beforeAll(async () => {
  server = await startServer();
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    lines.push(format(...args));
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
});

describe("the README's middleware", () => {
  it("sends the header, and logs every request and answer without a secret", async () => {
    const { logging, correlationId } = await readmeMiddleware();
    server.handle((request, response) => {
      if (request.url === "/api/cluster?fields=version") {
        return json(response, 200, {
          version: { full: "NetApp Release 9.9.1", generation: 9, major: 9, minor: 1 },
        });
      }
      // A hostile answer: it quotes the credentials and the body back.
      json(response, 400, {
        error: {
          code: "65537523",
          message: `Invalid: ${request.headers.authorization} ${request.body}`,
        },
      });
    });
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: `${server.origin}/api`,
      auth: { username: "admin", password: PASSWORD },
    });
    ontap.use(correlationId, logging);
    lines.length = 0;
    const { error } = await ontap.POST("/security/azure-key-vaults", {
      body: {
        name: "akv1",
        svm: { name: "vs0" },
        client_id: "c1",
        tenant_id: "t1",
        client_secret: CLIENT_SECRET,
        key_id: "https://akv1.vault.azure.net/keys/key1",
        proxy_password: PROXY_PASSWORD,
      },
    });
    expect(error?.status).toBe(400);

    // The header arrived, one ID per request (the version read is a request too).
    const ids = server.seen.map((request) => request.headers["x-dot-correlation-id"]);
    expect(server.seen.map((request) => request.method)).toEqual(["GET", "POST"]);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(2);
    // The server did get the secrets…
    expect(server.seen[1]?.body).toContain(CLIENT_SECRET);
    expect(server.seen[1]?.headers.authorization).toBe(`Basic ${btoa(`admin:${PASSWORD}`)}`);

    // …the log has the calls, the ID and masked values, and none of them.
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^-> GET \/cluster\?fields=version /);
    expect(lines[1]).toBe("<- 200 GET /cluster?fields=version ");
    expect(lines[2]).toMatch(/^-> POST \/security\/azure-key-vaults /);
    expect(lines[2]).toContain(`'x-dot-correlation-id': '${ids[1]}'`);
    expect(lines[2]).toContain('"client_secret":"[redacted]"');
    expect(lines[2]).toContain('"proxy_password":"[redacted]"');
    expect(lines[2]).toContain('"client_id":"c1"');
    expect(lines[3]).toBe("<- 400 POST /security/azure-key-vaults 65537523");
    const log = lines.join("\n");
    expect(log.toLowerCase()).not.toContain("authorization");
    for (const secret of SECRETS) expect(log).not.toContain(secret);
  });
});
