// Secrets never leak: not in the message, toString, JSON.stringify, util.inspect (what a
// log shows) or stack of any error the client throws or returns, and the client logs
// nothing. The server here is hostile: it repeats the request, credentials included.
// `versionCheck: false` where a test is not about the version read: this server answers every
// path alike, `GET /api/cluster` included.
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createOntapClient,
  OntapApiError,
  OntapNetworkError,
  OntapTimeoutError,
  OntapVersionError,
} from "../src/index.js";
import { makeTestPki, type TestPki } from "./helpers/ca.js";
import { closedPort, startServer, type TestServer } from "./helpers/server.js";

const PASSWORD = "Pa55-w0rd-7c1f";
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2Vu.sig-4b8e";
const CLIENT_SECRET = "client-secret-9d2a";
const PROXY_PASSWORD = "proxy-pw-51e0";
const BASIC = btoa(`admin:${PASSWORD}`);
const SECRETS = [PASSWORD, TOKEN, CLIENT_SECRET, PROXY_PASSWORD, BASIC];

let server: TestServer;
let tls: TestServer;
let pki: TestPki;
const logged = vi.fn();
beforeAll(async () => {
  server = await startServer();
  pki = makeTestPki();
  tls = await startServer({ key: pki.key, cert: pki.cert });
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    vi.spyOn(console, method).mockImplementation(logged);
  }
});
afterEach(() => expect(logged).not.toHaveBeenCalled());
afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all([server.close(), tls.close()]);
});

/** Answers `status`, quoting back every header and the body, in every field. */
function echo(status: number, contentType = "application/json") {
  server.handle((request, response) => {
    const quoted = `${request.headers.authorization} ${request.body}`;
    const body =
      contentType === "application/json"
        ? JSON.stringify({
            error: {
              code: "65537523",
              message: `Invalid: ${quoted}`,
              target: quoted,
              arguments: [{ code: request.headers.authorization, message: request.body }],
            },
            echo: { headers: request.headers, body: request.body },
          })
        : `<html>${quoted}</html>`;
    response.writeHead(status, { "content-type": contentType });
    response.end(body);
  });
}

function expectNoSecret(error: unknown) {
  expect(error).toBeInstanceOf(Error);
  const err = error as Error;
  const views = [
    err.message,
    String(err),
    JSON.stringify(err),
    inspect(err, { depth: 10 }),
    err.stack ?? "",
  ];
  for (const view of views) for (const secret of SECRETS) expect(view).not.toContain(secret);
}

const body = {
  svm: { name: "vs0" },
  client_id: "c1",
  tenant_id: "t1",
  client_secret: CLIENT_SECRET,
  key_id: "https://kv.example/keys/k1",
  name: "akv1",
  proxy_password: PROXY_PASSWORD,
};
const basic = { username: "admin", password: PASSWORD };
const bearer = { authorization: `Bearer ${TOKEN}` } as const;

describe("secrets", () => {
  it.each([
    ["basic auth, a JSON error", basic, 400, "application/json"],
    ["a bearer token, a JSON error", bearer, 400, "application/json"],
    ["basic auth, an HTML 500", basic, 500, "text/html"],
    ["a bearer token, an HTML 502", bearer, 502, "text/html"],
  ] as const)("are masked in a returned OntapApiError (%s)", async (_, auth, status, type) => {
    echo(status, type);
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
    });
    const { error } = await ontap.POST("/security/azure-key-vaults", { body });
    expect(server.seen[0]?.body).toContain(CLIENT_SECRET); // the server did get them
    expect(error?.status).toBe(status);
    expectNoSecret(error);
    if (type === "application/json") expect(error?.message).toContain("[redacted]");
  });

  it("are masked in a thrown OntapApiError (throwOnError)", async () => {
    echo(400);
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth: basic,
      throwOnError: true,
    });
    const thrown = await ontap
      .PATCH("/security/azure-key-vaults/{uuid}", {
        params: { path: { uuid: "u1" } },
        body: { client_secret: CLIENT_SECRET, proxy_password: PROXY_PASSWORD },
      })
      .catch((error: unknown) => error);
    expectNoSecret(thrown);
  });

  it.each([
    ["basic auth", basic],
    ["a bearer token", bearer],
  ] as const)("are masked in the warning of a failed version read (%s)", async (_, auth) => {
    echo(401);
    const warnings: string[] = [];
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: `${server.origin}/api`,
      auth,
      onWarning: (message) => warnings.push(message),
    });
    const { error } = await ontap.POST("/security/azure-key-vaults", { body });
    // The read failed, the check is off, and the operation was sent (and failed on its own).
    expect(server.seen.map((request) => request.url)).toEqual([
      "/api/cluster?fields=version",
      "/api/security/azure-key-vaults",
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("HTTP 401");
    expect(warnings[0]).toContain("[redacted]"); // the server quoted the credentials back
    for (const secret of SECRETS) expect(warnings[0]).not.toContain(secret);
    expectNoSecret(error);
  });

  it("are absent from a network error", async () => {
    const port = await closedPort();
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `http://127.0.0.1:${port}/api`,
      auth: basic,
    });
    expectNoSecret(
      await ontap.POST("/security/azure-key-vaults", { body }).catch((e: unknown) => e),
    );
  });

  it("are absent from a timeout", async () => {
    server.handle(() => undefined);
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth: bearer,
      timeoutMs: 50,
    });
    expectNoSecret(
      await ontap.POST("/security/azure-key-vaults", { body }).catch((e: unknown) => e),
    );
  });

  it("are absent from a TLS error", async () => {
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      host: new URL(tls.origin).host,
      auth: basic,
    });
    expectNoSecret(await ontap.GET("/security/azure-key-vaults").catch((e: unknown) => e));
  });

  it.each([
    ["credentials in baseUrl", { baseUrl: `https://admin:${PASSWORD}@cluster/api`, auth: basic }],
    ["a malformed header", { host: "cluster", auth: { authorization: `Token ${TOKEN}` } }],
    ["a header on two lines", { host: "cluster", auth: { authorization: `Bearer ${TOKEN}\n` } }],
    [
      "a username with a colon",
      { host: "cluster", auth: { username: `a:${PASSWORD}`, password: PASSWORD } },
    ],
  ])("are absent from an options error (%s)", (_, options) => {
    let thrown: unknown;
    try {
      createOntapClient({ docset: "9.9.1", ...options } as never);
    } catch (error) {
      thrown = error;
    }
    expectNoSecret(thrown);
  });

  // `toJSON` (and a log of an error) shows its own enumerable fields: each holds only what the
  // error is about (the operation is a method and a template), never the request or its init.
  it.each<[string, Error, string[]]>([
    [
      "OntapApiError",
      OntapApiError.fromResponse(400, { error: { code: "1" } }, { method: "GET", path: "/x" }),
      ["name", "status", "code", "ontapMessage", "target", "arguments", "operation"],
    ],
    [
      "OntapNetworkError",
      new OntapNetworkError({ method: "GET", path: "/x" }, "reset", "ECONNRESET"),
      ["name", "code", "operation"],
    ],
    [
      "OntapTimeoutError",
      new OntapTimeoutError({ method: "GET", path: "/x" }, 5),
      ["name", "timeoutMs", "operation"],
    ],
    [
      "OntapVersionError",
      new OntapVersionError({ method: "GET", path: "/x" }, "9.10", "9.9.1", "latest"),
      ["name", "operation", "introducedIn", "clusterVersion", "docset"],
    ],
  ])("%s has only its documented own fields", (_, error, fields) => {
    expect(Object.keys(error)).toEqual(fields);
    expect((error as unknown as { operation: object }).operation).toEqual({
      method: "GET",
      path: "/x",
    });
  });

  it("are not visible on the client object", () => {
    const ontap = createOntapClient({ docset: "9.9.1", host: "cluster", auth: basic });
    for (const view of [JSON.stringify(ontap), inspect(ontap, { depth: 10, showHidden: true })]) {
      for (const secret of SECRETS) expect(view).not.toContain(secret);
    }
  });
});
