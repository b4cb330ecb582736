// A cluster with its own CA: a real HTTPS server whose certificate is signed by a CA made
// at test time. With `ca` the client trusts it; without, it does not; and nothing global
// changes.
// `versionCheck: false`: this server answers every path alike, `GET /api/cluster` included,
// and these tests are not about the version check (version-check.test.ts is).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOntapClient, OntapNetworkError } from "../src/index.js";
import { makeTestPki, type TestPki } from "./helpers/ca.js";
import { json, startServer, type TestServer } from "./helpers/server.js";

let pki: TestPki;
let server: TestServer;
let host: string;
beforeAll(async () => {
  pki = makeTestPki();
  server = await startServer({ key: pki.key, cert: pki.cert });
  host = new URL(server.origin).host;
  server.handle((request, response) =>
    json(response, 200, { records: [{ uuid: "u1" }], num_records: 1, path: request.url }),
  );
});
afterAll(() => server.close());

const auth = { username: "admin", password: "netapp1!" };

describe("ca", () => {
  it.each<[string, () => string | Uint8Array | (string | Uint8Array)[]]>([
    ["PEM text", () => pki.caPem],
    ["a Buffer", () => Buffer.from(pki.caPem)],
    ["a list", () => [pki.caPem]],
  ])("trusts the cluster's CA given as %s (host: https://<host>/api)", async (_, ca) => {
    const ontap = createOntapClient({ docset: "9.9.1", versionCheck: false, host, auth, ca: ca() });
    const { data, error } = await ontap.GET("/security/azure-key-vaults", {
      params: { query: { fields: ["uuid"] } },
    });
    expect(error).toBeUndefined();
    expect(data?.records).toEqual([{ uuid: "u1" }]);
    expect(server.seen.at(-1)?.url).toBe("/api/security/azure-key-vaults?fields=uuid");
    expect(server.seen.at(-1)?.headers.authorization).toBe(`Basic ${btoa("admin:netapp1!")}`);
  });

  it("sends bodies through undici's fetch too", async () => {
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      host,
      auth,
      ca: pki.caPem,
    });
    await ontap.PATCH("/security/azure-key-vaults/{uuid}", {
      params: { path: { uuid: "u1" } },
      body: { proxy_port: 3128 },
    });
    expect(server.seen.at(-1)).toMatchObject({ method: "PATCH", body: '{"proxy_port":3128}' });
    expect(server.seen.at(-1)?.headers["content-type"]).toBe("application/json");
  });

  it("without `ca` the certificate is not trusted: an OntapNetworkError", async () => {
    const ontap = createOntapClient({ docset: "9.9.1", versionCheck: false, host, auth });
    const thrown = await ontap.GET("/security/azure-key-vaults").catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapNetworkError);
    expect((thrown as OntapNetworkError).code).toMatch(/CERT|VERIFY|SIGNATURE|ISSUER/);
  });

  it("a client with `ca` changes nothing for anyone else", async () => {
    const trusted = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      host,
      auth,
      ca: pki.caPem,
    });
    expect((await trusted.GET("/security/azure-key-vaults")).error).toBeUndefined();
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
    await expect(fetch(`${server.origin}/api/cluster`)).rejects.toThrow();
    const other = createOntapClient({ docset: "9.9.1", versionCheck: false, host, auth });
    await expect(other.GET("/security/azure-key-vaults")).rejects.toBeInstanceOf(OntapNetworkError);
  });
});
