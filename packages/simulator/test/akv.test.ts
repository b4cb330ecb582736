// Azure Key Vault endpoints through the real client: CRUD, fields, paging, documented errors.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isOntapError, type OntapApiError } from "@ontap-rest/client";
import { lookupError } from "@ontap-rest/errors";
import { catalog } from "@ontap-rest/errors/catalog";
import { akvBody, auth, setup } from "./helpers.js";

type Ctx = Awaited<ReturnType<typeof setup<"9.9.1">>>;
let t: Ctx;

beforeEach(async () => {
  t = await setup("9.9.1");
});
afterEach(async () => {
  expect(t.sim.mismatches).toEqual([]);
  await t.sim.close();
});

async function create(name: string, svm: string): Promise<string> {
  const { data, error, response } = await t.client.POST("/security/azure-key-vaults", {
    params: { query: { return_records: true } },
    body: akvBody(name, svm),
  });
  expect(error).toBeUndefined();
  expect(response.status).toBe(201);
  expect(response.headers.get("location")).toMatch(/^\/api\/security\/azure-key-vaults\//);
  return data!.records![0]!.uuid!;
}

describe("CRUD", () => {
  it("creates, reads, patches and deletes a configuration", async () => {
    const uuid = await create("akv1", "vs0");
    const got = await t.client.GET("/security/azure-key-vaults/{uuid}", {
      params: { path: { uuid } },
    });
    expect(got.data).toMatchObject({ uuid, name: "akv1", svm: { name: "vs0" }, scope: "svm" });
    expect(got.data).not.toHaveProperty("state"); // advanced: only when asked for

    const patched = await t.client.PATCH("/security/azure-key-vaults/{uuid}", {
      params: { path: { uuid } },
      body: { key_id: "https://akv1.vault.azure.net/keys/key2" },
    });
    expect(patched.response.status).toBe(200);
    const after = await t.client.GET("/security/azure-key-vaults/{uuid}", {
      params: { path: { uuid }, query: { fields: ["key_id"] } },
    });
    expect(after.data).toEqual({
      uuid,
      key_id: "https://akv1.vault.azure.net/keys/key2",
      _links: { self: { href: `/api/security/azure-key-vaults/${uuid}` } },
    });

    const deleted = await t.client.DELETE("/security/azure-key-vaults/{uuid}", {
      params: { path: { uuid } },
    });
    expect(deleted.response.status).toBe(200);
    const gone = await t.client.GET("/security/azure-key-vaults/{uuid}", {
      params: { path: { uuid } },
    });
    expect(gone.error?.status).toBe(404);
    expect(gone.error?.code).toBe("4");
  });

  it("never returns nor echoes the secrets", async () => {
    const uuid = await create("akv1", "vs0");
    const texts: string[] = [];
    for (const fields of ["*", "**", "client_secret,proxy_password"]) {
      const response = await fetch(
        `${t.sim.baseUrl}/security/azure-key-vaults/${uuid}?fields=${fields}`,
        { headers: { authorization: `Basic ${btoa(`${auth.username}:${auth.password}`)}` } },
      );
      texts.push(await response.text());
    }
    const list = await t.client.GET("/security/azure-key-vaults", {
      params: { query: { fields: ["**"] } },
    });
    texts.push(JSON.stringify(list.data));
    for (const text of texts) {
      expect(text).not.toContain("client_secret");
      expect(text).not.toContain("Super-Secret-Value");
    }
  });
});

describe("fields and advanced properties", () => {
  const cases: { fields?: string[]; has: string[]; hasNot: string[] }[] = [
    { has: ["uuid", "name", "_links"], hasNot: ["client_id", "state", "azure_reachability"] },
    { fields: ["client_id"], has: ["uuid", "client_id"], hasNot: ["state", "tenant_id"] },
    { fields: ["state"], has: ["state"], hasNot: ["azure_reachability", "ekmip_reachability"] },
    {
      fields: ["state", "azure_reachability", "ekmip_reachability"],
      has: ["state", "azure_reachability", "ekmip_reachability"],
      hasNot: ["client_id"],
    },
    { fields: ["*"], has: ["client_id", "tenant_id", "key_id", "svm"], hasNot: ["state"] },
    { fields: ["**"], has: ["client_id", "state", "ekmip_reachability"], hasNot: [] },
    { fields: ["svm.name"], has: ["svm"], hasNot: ["client_id"] },
  ];
  it.each(cases)("list fields=$fields", async ({ fields, has, hasNot }) => {
    await create("akv1", "vs0");
    const { data } = await t.client.GET("/security/azure-key-vaults", {
      params: { query: fields ? { fields } : {} },
    });
    const record = data!.records![0]!;
    for (const key of has) expect(record).toHaveProperty(key);
    for (const key of hasNot) expect(record).not.toHaveProperty(key);
    if (fields?.[0] === "svm.name") expect(record.svm).toEqual({ name: "vs0" });
  });

  it("filters a collection", async () => {
    await create("akv1", "vs0");
    await create("akv2", "vs1");
    await create("other", "vs2");
    const cases: [Record<string, string>, string[]][] = [
      [{ name: "akv*" }, ["akv1", "akv2"]],
      [{ "svm.name": "vs0|vs2" }, ["akv1", "other"]],
      [{ name: "!akv1" }, ["akv2", "other"]],
    ];
    for (const [query, names] of cases) {
      const { data } = await t.client.GET("/security/azure-key-vaults", {
        params: { query: query as never },
      });
      expect(data!.records!.map((r) => r.name).sort()).toEqual(names);
    }
  });
});

describe("paging", () => {
  it.each([1, 2, 3, 7, 20])(
    "paginate with max_records=%i yields every record once",
    async (max) => {
      for (let i = 0; i < 7; i++) await create(`akv${i}`, `vs${i}`);
      const names: string[] = [];
      for await (const akv of t.client.paginate("/security/azure-key-vaults", {
        params: { query: { fields: ["name", "client_id"], max_records: max } },
      })) {
        expect(akv.client_id).toBeDefined();
        names.push(akv.name!);
      }
      expect(names.sort()).toEqual(["akv0", "akv1", "akv2", "akv3", "akv4", "akv5", "akv6"]);
      // Pages only: the client's one version read (GET /api/cluster) is not one.
      const pages = t.sim.requests.filter(
        (r) => r.method === "GET" && r.url.startsWith("/api/security/azure-key-vaults"),
      ).length;
      expect(pages).toBe(Math.ceil(7 / max));
    },
  );

  it("links the next page with the whole query", async () => {
    for (let i = 0; i < 3; i++) await create(`akv${i}`, `vs${i}`);
    const { data } = await t.client.GET("/security/azure-key-vaults", {
      params: { query: { fields: ["name"], max_records: 2 } },
    });
    expect(data!.num_records).toBe(2);
    const next = new URL(data!._links!.next!.href!, "http://x");
    expect(next.pathname).toBe("/api/security/azure-key-vaults");
    expect(next.searchParams.get("max_records")).toBe("2");
    expect(next.searchParams.get("fields")).toBe("name");
  });
});

describe("documented errors arrive as OntapApiError with their catalog entry", () => {
  const missing = "00000000-0000-0000-0000-000000000000";
  const cases: {
    name: string;
    code: string;
    status: number;
    run: (uuid: string) => Promise<{ error?: OntapApiError }>;
  }[] = [
    {
      name: "a key manager already configured for the SVM",
      code: "65537500",
      status: 409,
      run: () => t.client.POST("/security/azure-key-vaults", { body: akvBody("again", "vs0") }),
    },
    {
      name: "an invalid key ID",
      code: "65537523",
      status: 400,
      run: () =>
        t.client.POST("/security/azure-key-vaults", {
          body: { ...akvBody("bad", "vs9"), key_id: "not-a-key" },
        }),
    },
    {
      name: "no AKV configured: rekey",
      code: "65537120",
      status: 404,
      run: () =>
        t.client.POST("/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal", {
          params: { path: { "azure_key_vault.uuid": missing } },
        }),
    },
    {
      name: "no AKV configured: restore",
      code: "65537120",
      status: 404,
      run: () =>
        t.client.POST("/security/azure-key-vaults/{azure_key_vault.uuid}/restore", {
          params: { path: { "azure_key_vault.uuid": missing } },
        }),
    },
    {
      name: "no AKV configured: patch",
      code: "65537120",
      status: 404,
      run: () =>
        t.client.PATCH("/security/azure-key-vaults/{uuid}", {
          params: { path: { uuid: missing } },
          body: { proxy_host: "proxy.example.com" },
        }),
    },
    {
      name: "no AKV configured: delete",
      code: "65537120",
      status: 404,
      run: () =>
        t.client.DELETE("/security/azure-key-vaults/{uuid}", {
          params: { path: { uuid: missing } },
        }),
    },
    {
      name: "PATCH with no inputs",
      code: "65537541",
      status: 400,
      run: (uuid) =>
        t.client.PATCH("/security/azure-key-vaults/{uuid}", {
          params: { path: { uuid } },
          body: {},
        }),
    },
    {
      name: "PATCH client_id without client_secret",
      code: "65537517",
      status: 400,
      run: (uuid) =>
        t.client.PATCH("/security/azure-key-vaults/{uuid}", {
          params: { path: { uuid } },
          body: { client_id: "another-client" },
        }),
    },
    {
      name: "rekey with no internal keys",
      code: "65537559",
      status: 400,
      run: (uuid) => {
        t.sim.setInternalKeys(uuid, 0);
        return t.client.POST("/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal", {
          params: { path: { "azure_key_vault.uuid": uuid } },
        });
      },
    },
    {
      name: "delete while encrypted volumes use it",
      code: "65536867",
      status: 400,
      run: (uuid) => {
        t.sim.setEncryptedVolumes(uuid, 2);
        return t.client.DELETE("/security/azure-key-vaults/{uuid}", { params: { path: { uuid } } });
      },
    },
  ];
  it.each(cases)("$name → $code", async ({ code, status, run }) => {
    const uuid = await create("akv1", "vs0");
    const { error } = await run(uuid);
    expect(isOntapError(error, code)).toBe(true);
    expect(error!.status).toBe(status);
    expect(error!.entry).toBeDefined();
    expect(error!.entry).toEqual(lookupError(code));
    // The documented message, word for word.
    // (Every operation's own wording is in the full catalog, `@ontap-rest/errors/catalog`.)
    const documented = [
      error!.entry!.description,
      ...(catalog.find((entry) => entry.code === code)?.documentedIn ?? []).map(
        (where) => where.description,
      ),
    ];
    expect(documented).toContain(error!.ontapMessage);
  });
});
