// The client against a real local server: auth, query serialization, errors by status,
// throwOnError, timeouts and network errors.
// `versionCheck: false`: this server answers every path alike, `GET /api/cluster` included,
// and these tests are not about the version check (version-check.test.ts is).
import { OntapApiError, isOntapError } from "@ontap-rest/errors";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createOntapClient,
  OntapNetworkError,
  OntapTimeoutError,
  type Auth,
} from "../src/index.js";
import { closedPort, json, startServer, type TestServer } from "./helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const auth = { username: "admin", password: "netapp1!" } as const;
const client = () =>
  createOntapClient({
    docset: "9.9.1",
    versionCheck: false,
    baseUrl: `${server.origin}/api`,
    auth,
  });

describe("auth reaches the server", () => {
  it.each<[string, Auth, string]>([
    ["basic", { username: "admin", password: "netapp1!" }, `Basic ${btoa("admin:netapp1!")}`],
    ["basic, UTF-8", { username: "admin", password: "pässwörd" }, "Basic YWRtaW46cMOkc3N3w7ZyZA=="],
    ["a Basic header", { authorization: "Basic YWRtaW46eA==" }, "Basic YWRtaW46eA=="],
    ["a Bearer header", { authorization: "Bearer eyJhbGciOi.x.y" }, "Bearer eyJhbGciOi.x.y"],
  ])("%s", async (_, auth, expected) => {
    server.handle((_, response) => json(response, 200, { records: [], num_records: 0 }));
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
    });
    const { error } = await ontap.GET("/security/azure-key-vaults");
    expect(error).toBeUndefined();
    expect(server.seen[0]?.headers.authorization).toBe(expected);
    expect(server.seen[0]?.headers.accept).toBe("application/json");
  });

  it("auth wins over an Authorization in headers; other headers are sent", async () => {
    server.handle((_, response) => json(response, 200, {}));
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: `${server.origin}/api/`,
      auth,
      headers: {
        Authorization: "Bearer other",
        "X-Dot-Client-App": "tests",
        Accept: "application/hal+json",
      },
    });
    await ontap.GET("/cluster/jobs/{uuid}", { params: { path: { uuid: "j1" } } });
    expect(server.seen[0]?.url).toBe("/api/cluster/jobs/j1");
    expect(server.seen[0]?.headers.authorization).toBe(`Basic ${btoa("admin:netapp1!")}`);
    expect(server.seen[0]?.headers["x-dot-client-app"]).toBe("tests");
    expect(server.seen[0]?.headers.accept).toBe("application/hal+json");
  });
});

describe("typed requests", () => {
  it("GET with fields: arrays are form, explode false (fields=a,b)", async () => {
    const record = { uuid: "u1", name: "akv1", client_id: "c1" };
    server.handle((_, response) => json(response, 200, { records: [record], num_records: 1 }));
    const { data, error } = await client().GET("/security/azure-key-vaults", {
      params: { query: { fields: ["name", "client_id"], max_records: 5, "svm.name": "vs*|vs2" } },
    });
    expect(error).toBeUndefined();
    expect(server.seen[0]?.method).toBe("GET");
    expect(server.seen[0]?.url).toBe(
      "/api/security/azure-key-vaults?fields=name,client_id&max_records=5&svm.name=vs*%7Cvs2",
    );
    expect(data?.records).toEqual([record]);
    expectTypeOf(data!.records![0]!.name).toEqualTypeOf<string | undefined>();
  });

  it("POST sends the JSON body", async () => {
    server.handle((_, response) => json(response, 202, { job: { uuid: "j1" } }));
    const { data } = await client().POST(
      "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal",
      { params: { path: { "azure_key_vault.uuid": "k1" }, query: { return_timeout: 0 } } },
    );
    expect(server.seen[0]?.url).toBe(
      "/api/security/azure-key-vaults/k1/rekey-internal?return_timeout=0",
    );
    expect(data?.job?.uuid).toBe("j1");
  });

  it("`host` means https://<host>/api", () => {
    const ontap = createOntapClient({ docset: "latest", host: "cluster1.example.com", auth });
    expect(ontap.baseUrl).toBe("https://cluster1.example.com/api");
  });
});

const notConfigured = {
  error: {
    code: "65537120",
    message: 'Azure Key Vault is not configured for SVM "vs0".',
    target: "uuid",
    arguments: [{ code: "vs0", message: "svm" }],
  },
};
const rekey = "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal" as const;
const rekeyInit = { params: { path: { "azure_key_vault.uuid": "k1" } } };

describe("errors", () => {
  it("a documented ONTAP error is an OntapApiError with its code and catalog entry", async () => {
    server.handle((_, response) => json(response, 400, notConfigured));
    const { data, error, response } = await client().POST(rekey, rekeyInit);
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error).toBeInstanceOf(OntapApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "65537120",
      target: "uuid",
      arguments: [{ code: "vs0", message: "svm" }],
      operation: { method: "POST", path: rekey },
    });
    expect(error?.entry?.code).toBe("65537120");
    expect(error?.entry?.description).toMatch(/Azure Key Vault is not configured/);
    expectTypeOf(error!).toEqualTypeOf<OntapApiError>();
  });

  it("throwOnError throws the OntapApiError, and the result type has no error", async () => {
    server.handle((_, response) => json(response, 400, notConfigured));
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
      throwOnError: true,
    });
    const thrown = await ontap.POST(rekey, rekeyInit).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isOntapError(thrown, "65537120")).toBe(true);
    expect((thrown as OntapApiError).entry?.code).toBe("65537120");

    server.handle((_, response) => json(response, 202, { job: { uuid: "j2" } }));
    const result = await ontap.POST(rekey, rekeyInit);
    expectTypeOf(result.error).toEqualTypeOf<undefined>();
    expect(result.data?.job?.uuid).toBe("j2");
  });

  it.each<[string, number, string | undefined, Record<string, string>]>([
    [
      "a 500 with an HTML page",
      500,
      "<html><body>Internal Server Error</body></html>",
      { "content-type": "text/html" },
    ],
    ["a 500 with an empty body", 500, "", { "content-length": "0" }],
    ["a 502 with plain text", 502, "Bad Gateway", { "content-type": "text/plain" }],
    [
      "a 503 with JSON that is not an ONTAP error",
      503,
      '{"status":"down"}',
      { "content-type": "application/json" },
    ],
    ["a 404 with no body at all", 404, undefined, {}],
  ])("%s is still an error (by status, not by body)", async (_, status, body, headers) => {
    server.handle((_, response) => {
      response.writeHead(status, headers);
      response.end(body);
    });
    const { data, error } = await client().GET("/security/azure-key-vaults");
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(OntapApiError);
    expect(error).toMatchObject({ status, code: undefined });
    expect(error?.message).toContain(`HTTP ${status}`);
  });

  it("a HEAD that fails is an error too", async () => {
    server.handle((_, response) => {
      response.writeHead(503);
      response.end();
    });
    const { error } = await client().request("head" as "get", "/security/azure-key-vaults");
    expect(error).toMatchObject({ status: 503 });
  });

  it("a timeout is an OntapTimeoutError", async () => {
    server.handle(() => undefined); // never answers
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
      timeoutMs: 100,
    });
    const started = Date.now();
    const thrown = await ontap.GET("/security/azure-key-vaults").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapTimeoutError);
    expect(thrown).toMatchObject({
      timeoutMs: 100,
      operation: { method: "GET", path: "/security/azure-key-vaults" },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("the timeout also covers a body that stops half way", async () => {
    server.handle((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"records": ['); // and never the rest
    });
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
      timeoutMs: 100,
    });
    const thrown = await ontap.GET("/security/azure-key-vaults").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapTimeoutError);
  });

  it("many calls in a row leave no deadline behind to fire later", async () => {
    server.handle((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"num_records": 0, "records": []}');
    });
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
      timeoutMs: 50,
    });
    for (let i = 0; i < 20; i++)
      expect((await ontap.GET("/security/azure-key-vaults")).error).toBeUndefined();
    // Past every deadline: a settled call must not have been aborted after the fact.
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await ontap.GET("/security/azure-key-vaults")).data).toEqual({
      num_records: 0,
      records: [],
    });
  });

  it("a hung connection ends with the timeout although no signal is given per call", async () => {
    // The Node entry gives each attempt no signal of its own: its undici Agent ends a
    // connection that answers nothing (headersTimeout). The caller's signal is the only one.
    server.handle(() => undefined);
    const signals: (AbortSignal | null | undefined)[] = [];
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
      timeoutMs: 200,
    });
    ontap.use({ onRequest: ({ request }) => void signals.push(request.signal) });
    const started = Date.now();
    const thrown = await ontap.GET("/security/azure-key-vaults").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapTimeoutError);
    expect((thrown as Error).message).toBe("GET /security/azure-key-vaults timed out after 200 ms");
    // undici's timers tick twice a second: within about a second of the timeout.
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(signals[0]?.aborted).toBe(false);
  });

  it("your own fetch gets the caller's signal, and no deadline of the client's", async () => {
    const seen: (AbortSignal | null | undefined)[] = [];
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: "http://127.0.0.1:1/api",
      auth,
      fetch: async (_, init) => {
        seen.push(init.signal);
        return new Response('{"records": []}', { headers: { "content-type": "application/json" } });
      },
    });
    const controller = new AbortController();
    await ontap.GET("/security/azure-key-vaults", { signal: controller.signal });
    controller.abort(new Error("later"));
    // The Request's signal, which follows the caller's.
    expect(seen[0]?.aborted).toBe(true);
    expect(seen[0]?.reason).toEqual(new Error("later"));
  });

  it("the caller's signal aborts with the caller's reason", async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    const pending = client().GET("/security/azure-key-vaults", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(pending).rejects.toThrow("stop");
  });

  it("no server is an OntapNetworkError with the system code", async () => {
    const port = await closedPort();
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `http://127.0.0.1:${port}/api`,
      auth,
    });
    const thrown = await ontap.GET("/security/azure-key-vaults").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapNetworkError);
    expect(thrown).toMatchObject({ code: "ECONNREFUSED" });
    expect(String(thrown)).toMatch(/^OntapNetworkError: GET \/security\/azure-key-vaults failed: /);
  });

  it("a 2xx whose body is not JSON is an OntapNetworkError, not a SyntaxError quoting it", async () => {
    server.handle((_, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("<html>login</html>");
    });
    const thrown = await client()
      .GET("/security/azure-key-vaults")
      .catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapNetworkError);
    expect(String(thrown)).not.toContain("login");
  });
});

describe("options are checked", () => {
  const base = { docset: "9.9.1" as const, auth };
  it.each<[string, object, RegExp]>([
    ["neither host nor baseUrl", {}, /exactly one of `host` or `baseUrl`/],
    ["both", { host: "a", baseUrl: "https://a/api" }, /exactly one/],
    ["a URL as host", { host: "https://a/api" }, /`host` is a name or address/],
    ["a relative baseUrl", { baseUrl: "/api" }, /not an absolute URL/],
    ["a ftp baseUrl", { baseUrl: "ftp://a/api" }, /http: or https:/],
    [
      "credentials in baseUrl",
      { baseUrl: "https://admin:pw@a/api" },
      /must not contain credentials/,
    ],
    ["a query in baseUrl", { baseUrl: "https://a/api?x=1" }, /query or a fragment/],
    ["no auth", { host: "a", auth: undefined }, /`auth` is/],
    [
      "a username with a colon",
      { host: "a", auth: { username: "a:b", password: "c" } },
      /without `:`/,
    ],
    [
      "a header that is neither Basic nor Bearer",
      { host: "a", auth: { authorization: "Token t" } },
      /Basic <base64>/,
    ],
    [
      "a header on two lines",
      { host: "a", auth: { authorization: "Bearer a\r\nX: y" } },
      /on one line/,
    ],
    ["a zero timeout", { host: "a", timeoutMs: 0 }, /timeoutMs/],
    ["too many retries", { host: "a", retry: { retries: 1000 } }, /retry.retries/],
    ["ca and fetch", { host: "a", ca: "PEM", fetch: globalThis.fetch }, /`ca` or `fetch`/],
    [
      "timeoutMs with your own fetch, which brings its own",
      { host: "a", fetch: globalThis.fetch, timeoutMs: 5000 },
      /`timeoutMs` is not for your own `fetch`/,
    ],
  ])("%s", (_, options, message) => {
    expect(() => createOntapClient({ ...base, ...options } as never)).toThrow(message);
  });
});
