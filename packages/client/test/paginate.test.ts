// paginate follows `_links.next.href` across real pages.
// `versionCheck: false`: this server answers every path alike, `GET /api/cluster` included,
// and these tests are not about the version check (version-check.test.ts is).
import { OntapApiError } from "@ontap-rest/errors";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createOntapClient } from "../src/index.js";
import { json, startServer, type TestServer } from "./helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const auth = { username: "admin", password: "netapp1!" };
const collection = "/security/azure-key-vaults";

/** ONTAP-style pages of 2 over `total` records, linked with `start.uuid`; under `prefix`. */
function pages(total: number, prefix = "") {
  const records = Array.from({ length: total }, (_, i) => ({ uuid: `u${i}`, name: `akv${i}` }));
  server.handle((request, response) => {
    const url = new URL(request.url, "http://x");
    if (url.pathname !== `${prefix}/api${collection}`) return json(response, 404, {});
    const start = Number(url.searchParams.get("start.uuid")?.slice(1) ?? 0);
    const page = records.slice(start, start + 2);
    const more = start + 2 < total;
    json(response, 200, {
      records: page,
      num_records: page.length,
      _links: {
        self: { href: `/api${collection}` },
        ...(more && {
          next: { href: `/api${collection}?start.uuid=u${start + 2}&fields=name&max_records=2` },
        }),
      },
    });
  });
  return records;
}

describe("paginate", () => {
  it("yields every record of 3 pages, typed by the GET's 200 response", async () => {
    const records = pages(6);
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
    });
    const seen = [];
    for await (const record of ontap.paginate(collection, {
      params: { query: { fields: ["name"], max_records: 2 } },
    })) {
      expectTypeOf(record.name).toEqualTypeOf<string | undefined>();
      seen.push(record);
    }
    expect(seen).toEqual(records);
    expect(server.seen.map((request) => request.url)).toEqual([
      `/api${collection}?fields=name&max_records=2`,
      `/api${collection}?start.uuid=u2&fields=name&max_records=2`,
      `/api${collection}?start.uuid=u4&fields=name&max_records=2`,
    ]);
    // every page is authenticated
    expect(new Set(server.seen.map((request) => request.headers.authorization)).size).toBe(1);
  });

  it("keeps a prefix before /api (a proxy) and does not double /api", async () => {
    pages(3, "/proxy/cluster1");
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/proxy/cluster1/api`,
      auth,
    });
    const names = [];
    for await (const record of ontap.paginate(collection)) names.push(record.name);
    expect(names).toEqual(["akv0", "akv1", "akv2"]);
    expect(server.seen.map((request) => request.url)).toEqual([
      `/proxy/cluster1/api${collection}`,
      `/proxy/cluster1/api${collection}?start.uuid=u2&fields=name&max_records=2`,
    ]);
  });

  it("stops at a link it has already followed", async () => {
    server.handle((_, response) =>
      json(response, 200, {
        records: [{ uuid: "same" }],
        _links: { next: { href: `/api${collection}?start.uuid=same` } },
      }),
    );
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
    });
    const seen = [];
    for await (const record of ontap.paginate(collection)) seen.push(record);
    expect(seen).toHaveLength(2);
    expect(server.seen).toHaveLength(2);
  });

  it("a failing page throws its OntapApiError", async () => {
    let count = 0;
    server.handle((_, response) =>
      count++ === 0
        ? json(response, 200, {
            records: [{ uuid: "a" }],
            _links: { next: { href: `/api${collection}?start.uuid=b` } },
          })
        : json(response, 500, { error: { code: "2", message: "Internal error" } }),
    );
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
    });
    const seen: unknown[] = [];
    const thrown = await (async () => {
      for await (const record of ontap.paginate(collection)) seen.push(record);
    })().catch((error: unknown) => error);
    expect(seen).toEqual([{ uuid: "a" }]);
    expect(thrown).toBeInstanceOf(OntapApiError);
    // named by its template, not by the link's query
    expect(thrown).toMatchObject({
      status: 500,
      code: "2",
      operation: { method: "GET", path: collection },
    });
  });

  it("does not follow a link to another server (the credentials stay here)", async () => {
    server.handle((_, response) =>
      json(response, 200, {
        records: [],
        _links: { next: { href: `http://127.0.0.2:1/api${collection}?start.uuid=x` } },
      }),
    );
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
    });
    const iterate = async () => {
      for await (const _ of ontap.paginate(collection));
    };
    await expect(iterate()).rejects.toThrow(/leaves the base URL/);
    expect(server.seen).toHaveLength(1);
  });
});
