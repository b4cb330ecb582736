// SVM tunneling and the application header, against the simulator (which scopes records by
// the tunnel's SVM, as ONTAP does, and records what the audit log would keep).
import { afterEach, describe, expect, it } from "vitest";
import { createOntapClient, type Svm } from "../src/index.js";
// By path: the simulator depends on the client, so the client cannot depend on it by name.
import { startSimulator, type Simulator } from "../../simulator/src/index.js";

const auth = { username: "admin", password: "netapp1!" };

const sims: Simulator[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) {
    expect(sim.mismatches).toEqual([]);
    await sim.close();
  }
});

/** A simulator with a configuration in vs0 and one in vs1. */
async function simulator() {
  const sim = await startSimulator({ docset: "9.9.1", auth });
  sims.push(sim);
  sim.addAkv({ name: "akv0", svm: { name: "vs0" } });
  sim.addAkv({ name: "akv1", svm: { name: "vs1" } });
  return sim;
}

const names = (records: { name?: string }[] = []) => records.map((r) => r.name).sort();

describe("svm: every request in one SVM's context", () => {
  it.each<
    [string, { client?: "vs0" | "uuid of vs1"; request?: "vs0" | "vs1" | null; want: string[] }]
  >([
    ["no tunnel: every SVM's records", { want: ["akv0", "akv1"] }],
    ["the client's svm by name", { client: "vs0", want: ["akv0"] }],
    ["the client's svm by UUID", { client: "uuid of vs1", want: ["akv1"] }],
    ["a request's svm", { request: "vs1", want: ["akv1"] }],
    [
      "a request's svm replaces the client's (name)",
      { client: "vs0", request: "vs1", want: ["akv1"] },
    ],
    [
      "a request's svm replaces the client's (UUID)",
      { client: "uuid of vs1", request: "vs0", want: ["akv0"] },
    ],
    [
      "a request's svm: null, none at all",
      { client: "vs0", request: null, want: ["akv0", "akv1"] },
    ],
  ])("%s", async (_, { client, request, want }) => {
    const sim = await simulator();
    const svm: Svm | undefined =
      client === "vs0" ? { name: "vs0" } : client ? { uuid: sim.svm("vs1").uuid } : undefined;
    const ontap = createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth, svm });
    const { data } = await ontap.GET("/security/azure-key-vaults", {
      params: { query: { fields: ["name"] } },
      ...(request === undefined ? {} : { svm: request && { name: request } }),
    });
    expect(names(data?.records)).toEqual(want);
    // The operation ran in the SVM the simulator resolved (its audit record).
    const last = sim.requests.at(-1)!;
    if (want.length === 1) expect(last.svm?.name).toBe(want[0] === "akv0" ? "vs0" : "vs1");
    else expect(last.svm).toBeUndefined();
  });

  it("creates in the client's SVM, and paginate keeps the SVM on every page", async () => {
    const sim = await simulator();
    sim.addAkv({ name: "akv0b", svm: { name: "vs0" } });
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth,
      svm: { name: "vs2" },
    });
    const { response } = await ontap.POST("/security/azure-key-vaults", {
      body: {
        name: "akv2",
        svm: { name: "vs2" },
        client_id: "c1",
        tenant_id: "t1",
        client_secret: "s1",
        key_id: "https://akv2.vault.azure.net/keys/key1",
      },
    });
    expect(response.status).toBe(201);
    // vs0 has two, one per page; another SVM's third one is never listed.
    const pages: string[] = [];
    for await (const akv of ontap.paginate("/security/azure-key-vaults", {
      params: { query: { fields: ["name"], max_records: 1 } },
      svm: { name: "vs0" },
    })) {
      pages.push(akv.name!);
    }
    expect(pages.sort()).toEqual(["akv0", "akv0b"]);
    const listed = sim.requests.filter((r) => r.method === "GET" && r.url.includes("azure"));
    expect(listed).toHaveLength(2);
    expect(listed.map((r) => r.svm?.name)).toEqual(["vs0", "vs0"]);
    expect(sim.requests.find((r) => r.method === "POST")?.svm?.name).toBe("vs2");
  });

  it.each<[string, unknown]>([
    ["both name and uuid", { name: "vs0", uuid: "u" }],
    ["neither", {}],
    ["an empty name", { name: "" }],
    ["a name that is not a string", { name: 7 }],
    ["a string", "vs0"],
  ])("refuses an svm with %s, at creation and per request", async (_, svm) => {
    const options = { docset: "9.9.1", baseUrl: "http://127.0.0.1:1/api", auth } as const;
    expect(() => createOntapClient({ ...options, svm: svm as Svm })).toThrow(
      "createOntapClient: `svm` is `{ name }` or `{ uuid }`",
    );
    await expect(
      createOntapClient(options).GET("/cluster/jobs", { svm: svm as Svm }),
    ).rejects.toThrow("`svm` is `{ name }` or `{ uuid }`");
  });
});

describe("application: X-Dot-Client-App", () => {
  it("is sent with every request, the version read included, and lands in the audit record", async () => {
    const sim = await simulator();
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth,
      application: "my-tool/1.2",
    });
    await ontap.GET("/security/azure-key-vaults");
    await ontap.GET("/cluster/jobs");
    expect(sim.requests.map((r) => [r.url, r.application])).toEqual([
      ["/api/cluster?fields=version", "my-tool/1.2"],
      ["/api/security/azure-key-vaults", "my-tool/1.2"],
      ["/api/cluster/jobs", "my-tool/1.2"],
    ]);
  });

  it("is not sent unless given", async () => {
    const sim = await simulator();
    await createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth }).GET("/cluster/jobs");
    expect(sim.requests[0]).not.toHaveProperty("application");
  });
});
