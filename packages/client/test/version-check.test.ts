// The version check against the simulator started as different ONTAP releases (it answers
// `GET /api/cluster` with its `version`, and 404s what its doc set says came later), and
// against a plain test server for the reads that fail.
import { getEventListeners } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createOntapClient,
  DEFAULTS,
  OntapApiError,
  OntapNetworkError,
  OntapTimeoutError,
  OntapVersionError,
} from "../src/index.js";
import { introducedIn } from "../src/generated/introduced.js";
// By path: the simulator depends on the client, so the client cannot depend on it by name.
import { DEFAULT_RELEASE, startSimulator, type Simulator } from "../../simulator/src/index.js";
import { closedPort, json, startServer, type TestServer } from "./helpers/server.js";

const auth = { username: "admin", password: "netapp1!" };
const READ = "/api/cluster?fields=version";
const REKEY_LATEST = "/security/azure-key-vaults/{uuid}/rekey-internal" as const;
const REKEY_991 = "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal" as const;

const sims: Simulator[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) {
    expect(sim.mismatches).toEqual([]);
    await sim.close();
  }
});

/** A simulator of `docset` running `release`, with one AKV configuration to rekey. */
async function simulator(docset: "9.9.1" | "latest", release?: string) {
  const sim = await startSimulator({ docset, release, auth });
  sims.push(sim);
  const { uuid } = sim.addAkv({ name: "akv1", svm: { name: "vs0" } });
  return { sim, uuid };
}

/** What the simulator was sent: `METHOD path?query`. */
const sent = (sim: Simulator) => sim.requests.map((r) => `${r.method} ${r.url}`);

/** Rekeys through a client of the simulator's doc set. */
function rekey(
  sim: Simulator,
  uuid: string,
  options: { throwOnError?: boolean; signal?: AbortSignal } = {},
) {
  const base = { baseUrl: sim.baseUrl, auth, throwOnError: options.throwOnError };
  const init = { signal: options.signal };
  if (sim.docset === "latest") {
    const ontap = createOntapClient({ docset: "latest", ...base });
    return ontap.POST(REKEY_LATEST, { params: { path: { uuid } }, ...init });
  }
  const ontap = createOntapClient({ docset: "9.9.1", ...base });
  return ontap.POST(REKEY_991, { params: { path: { "azure_key_vault.uuid": uuid } }, ...init });
}

describe("the generated table", () => {
  it("has every doc set, and the issue's example", () => {
    expect(Object.keys(introducedIn)).toEqual(["9.9.1", "latest"]);
    expect(introducedIn.latest?.[`POST ${REKEY_LATEST}`]).toBe("9.10");
    expect(introducedIn["9.9.1"]?.[`POST ${REKEY_991}`]).toBe("9.8");
    expect(DEFAULTS.versionCheck).toBe(true);
  });
});

describe("rekey-internal on clusters of different releases", () => {
  it.each<
    [
      string,
      {
        given: { docset: "9.9.1" | "latest"; release?: string; throwOnError?: boolean };
        want:
          { refused: string; introducedIn: string; clusterVersion: string } | { status: number };
      },
    ]
  >([
    [
      "latest on 9.8.0: refused",
      {
        given: { docset: "latest", release: "9.8.0" },
        want: {
          refused: `POST ${REKEY_LATEST} was introduced in ONTAP 9.10; this cluster runs 9.8.0`,
          introducedIn: "9.10",
          clusterVersion: "9.8.0",
        },
      },
    ],
    [
      "latest on 9.9.1: refused (the issue's example)",
      {
        given: { docset: "latest", release: "9.9.1" },
        want: {
          refused:
            "POST /security/azure-key-vaults/{uuid}/rekey-internal was introduced in ONTAP 9.10; this cluster runs 9.9.1",
          introducedIn: "9.10",
          clusterVersion: "9.9.1",
        },
      },
    ],
    [
      "latest on 9.9.1 with throwOnError: refused all the same",
      {
        given: { docset: "latest", release: "9.9.1", throwOnError: true },
        want: {
          refused: `POST ${REKEY_LATEST} was introduced in ONTAP 9.10; this cluster runs 9.9.1`,
          introducedIn: "9.10",
          clusterVersion: "9.9.1",
        },
      },
    ],
    [
      "latest on 9.10.1: sent",
      { given: { docset: "latest", release: "9.10.1" }, want: { status: 202 } },
    ],
    ["latest on the default release: sent", { given: { docset: "latest" }, want: { status: 202 } }],
    [
      "9.9.1 on 9.7.0: refused (9.9.1 says 9.8)",
      {
        given: { docset: "9.9.1", release: "9.7.0" },
        want: {
          refused: `POST ${REKEY_991} was introduced in ONTAP 9.8; this cluster runs 9.7.0`,
          introducedIn: "9.8",
          clusterVersion: "9.7.0",
        },
      },
    ],
    [
      "9.9.1 on 9.8.0: sent",
      { given: { docset: "9.9.1", release: "9.8.0" }, want: { status: 202 } },
    ],
    [
      "9.9.1 on 9.9.1: sent",
      { given: { docset: "9.9.1", release: "9.9.1" }, want: { status: 202 } },
    ],
    [
      "9.9.1 on 9.10.1: sent",
      { given: { docset: "9.9.1", release: "9.10.1" }, want: { status: 202 } },
    ],
    ["9.9.1 on the default release: sent", { given: { docset: "9.9.1" }, want: { status: 202 } }],
  ])("%s", async (_, { given, want }) => {
    const { sim, uuid } = await simulator(given.docset, given.release);
    expect(sim.release).toBe(given.release ?? DEFAULT_RELEASE);
    const outcome = await rekey(sim, uuid, { throwOnError: given.throwOnError }).then(
      (result) => ({ result }),
      (thrown: unknown) => ({ thrown }),
    );
    if ("refused" in want) {
      expect("thrown" in outcome && outcome.thrown).toBeInstanceOf(OntapVersionError);
      const error = (outcome as { thrown: OntapVersionError }).thrown;
      expect(error.message).toBe(want.refused);
      expect(error).toMatchObject({
        name: "OntapVersionError",
        operation: { method: "POST", path: given.docset === "latest" ? REKEY_LATEST : REKEY_991 },
        introducedIn: want.introducedIn,
        clusterVersion: want.clusterVersion,
        docset: given.docset,
      });
      // As JSON (a log line): the fields, no stack.
      expect(JSON.parse(JSON.stringify(error))).toEqual({
        name: "OntapVersionError",
        operation: error.operation,
        introducedIn: want.introducedIn,
        clusterVersion: want.clusterVersion,
        docset: given.docset,
      });
      // Nothing but the version read reached the cluster.
      expect(sent(sim)).toEqual([`GET ${READ}`]);
    } else {
      expect("result" in outcome && outcome.result.response.status).toBe(want.status);
      expect(sent(sim)).toEqual([`GET ${READ}`, expect.stringMatching(/^POST .*rekey-internal$/)]);
    }
  });

  it("without the check, the old cluster gets the request and answers 404", async () => {
    const { sim, uuid } = await simulator("latest", "9.9.1");
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: sim.baseUrl,
      auth,
      versionCheck: false,
    });
    const { error } = await ontap.POST(REKEY_LATEST, { params: { path: { uuid } } });
    expect(error).toBeInstanceOf(OntapApiError);
    expect(error?.status).toBe(404);
    expect(sent(sim)).toEqual([`POST /api/security/azure-key-vaults/${uuid}/rekey-internal`]);
  });
});

describe("the version is read once per client, and only when needed", () => {
  it("one read for many calls in a row", async () => {
    const { sim, uuid } = await simulator("9.9.1");
    const ontap = createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth });
    for (let i = 0; i < 5; i++) {
      expect(
        (await ontap.GET("/security/azure-key-vaults/{uuid}", { params: { path: { uuid } } }))
          .error,
      ).toBeUndefined();
    }
    expect(sent(sim).filter((line) => line.includes("/api/cluster?"))).toEqual([`GET ${READ}`]);
    expect(sent(sim)).toHaveLength(6);
  });

  it("one read for concurrent first calls, and one refusal each", async () => {
    const { sim, uuid } = await simulator("latest", "9.9.1");
    const ontap = createOntapClient({ docset: "latest", baseUrl: sim.baseUrl, auth });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => ontap.POST(REKEY_LATEST, { params: { path: { uuid } } })),
    );
    expect(
      results.every((r) => r.status === "rejected" && r.reason instanceof OntapVersionError),
    ).toBe(true);
    expect(sent(sim)).toEqual([`GET ${READ}`]);
  });

  it("never for operations of 9.6 (the jobs endpoints), nor for ones without a release", async () => {
    const { sim } = await simulator("9.9.1", "9.8.0");
    const ontap = createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth });
    await ontap.GET("/cluster/jobs", {});
    await ontap.GET("/cluster/jobs/{uuid}", { params: { path: { uuid: "j1" } } });
    await ontap.PATCH("/cluster/jobs/{uuid}", { params: { path: { uuid: "j1" } } });
    expect(sent(sim).some((line) => line.includes("/api/cluster?"))).toBe(false);
    expect(sent(sim)).toHaveLength(3);
  });

  it("`versionCheck: false`: no read, the request is sent", async () => {
    const { sim, uuid } = await simulator("9.9.1", "9.8.0");
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth,
      versionCheck: false,
    });
    const { response } = await ontap.POST(REKEY_991, {
      params: { path: { "azure_key_vault.uuid": uuid } },
    });
    expect(response.status).toBe(202);
    expect(sent(sim)).toEqual([`POST /api/security/azure-key-vaults/${uuid}/rekey-internal`]);
  });

  it("paginate is checked before its first page, and later pages read nothing more", async () => {
    const old = await simulator("9.9.1", "9.7.0");
    const refused = createOntapClient({ docset: "9.9.1", baseUrl: old.sim.baseUrl, auth });
    const iterate = async (ontap: typeof refused) => {
      const names: (string | undefined)[] = [];
      for await (const akv of ontap.paginate("/security/azure-key-vaults", {
        params: { query: { fields: ["name"], max_records: 1 } },
      })) {
        names.push(akv.name);
      }
      return names;
    };
    await expect(iterate(refused)).rejects.toThrow(
      "GET /security/azure-key-vaults was introduced in ONTAP 9.8; this cluster runs 9.7.0",
    );
    expect(sent(old.sim)).toEqual([`GET ${READ}`]);

    const { sim } = await simulator("9.9.1");
    sim.addAkv({ name: "akv2", svm: { name: "vs1" } });
    const ontap = createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth });
    expect((await iterate(ontap)).sort()).toEqual(["akv1", "akv2"]);
    expect(sent(sim).filter((line) => line.includes("/api/cluster?"))).toHaveLength(1);
    expect(sent(sim)).toHaveLength(3);
  });
});

describe("a least-privilege user (a role that grants only the AKV endpoints)", () => {
  const bot = { username: "akv-bot", password: "bot-Pa55word" };

  it("gets the records, with one warning, though it may not read /api/cluster", async () => {
    const sim = await startSimulator({
      docset: "9.9.1",
      users: [{ ...bot, deny: ["/api/cluster"] }],
    });
    sims.push(sim);
    sim.addAkv({ name: "akv1", svm: { name: "vs0" } });
    const warnings: string[] = [];
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth: bot,
      onWarning: (message) => warnings.push(message),
    });
    for (let i = 0; i < 2; i++) {
      const { data, error } = await ontap.GET("/security/azure-key-vaults", {
        params: { query: { fields: ["name"] } },
      });
      expect(error).toBeUndefined();
      expect(data?.records?.map((r) => r.name)).toEqual(["akv1"]);
    }
    expect(warnings).toEqual([
      "versionCheck is off: cannot read the cluster's version (ONTAP error 6 (HTTP 403) on GET /cluster?fields=version: not authorized for that command); give `clusterVersion`",
    ]);
    expect(sim.requests.map((r) => `${r.status} ${r.method} ${r.url}`)).toEqual([
      `403 GET ${READ}`,
      "200 GET /api/security/azure-key-vaults?fields=name",
      "200 GET /api/security/azure-key-vaults?fields=name",
    ]);
    for (const secret of [bot.password, btoa(`${bot.username}:${bot.password}`)]) {
      expect(warnings[0]).not.toContain(secret);
    }
  });

  it("with throwOnError too", async () => {
    const sim = await startSimulator({ docset: "9.9.1", users: [{ ...bot, deny: ["/cluster"] }] });
    sims.push(sim);
    sim.addAkv({ name: "akv1", svm: { name: "vs0" } });
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth: bot,
      throwOnError: true,
    });
    const { data } = await ontap.GET("/security/azure-key-vaults");
    expect(data.num_records).toBe(1);
  });
});

describe("clusterVersion: the release stated up front, never read", () => {
  it.each<[string, { release: string; stated: string; want: "sent" | string }]>([
    ["a release that has the operation", { release: "9.9.1", stated: "9.14.1", want: "sent" }],
    [
      "a release that has not: refused, with the stated version",
      {
        release: "9.16.1",
        stated: "9.9.1",
        want: `POST ${REKEY_LATEST} was introduced in ONTAP 9.10; this cluster runs 9.9.1`,
      },
    ],
    ["two numbers", { release: "9.16.1", stated: "9.10", want: "sent" }],
  ])("%s", async (_, { release, stated, want }) => {
    const { sim, uuid } = await simulator("latest", release);
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: sim.baseUrl,
      auth,
      clusterVersion: stated,
    });
    const outcome = await ontap.POST(REKEY_LATEST, { params: { path: { uuid } } }).then(
      () => "sent",
      (error: Error) => error.message,
    );
    expect(outcome).toBe(want);
    // No read: only the operation, when it was sent (a 9.9.1 cluster answers it 404).
    expect(sent(sim)).toEqual(
      want === "sent" ? [`POST /api/security/azure-key-vaults/${uuid}/rekey-internal`] : [],
    );
  });

  it.each<[string, unknown]>([
    ["a patch release", "9.14.1P3"],
    ["an empty string", ""],
    ["a number", 9.14],
    ["a word", "latest"],
  ])("refuses %s", (_, clusterVersion) => {
    expect(() =>
      createOntapClient({
        docset: "latest",
        baseUrl: "http://127.0.0.1:1/api",
        auth,
        clusterVersion: clusterVersion as string,
      }),
    ).toThrow('createOntapClient: `clusterVersion` is a release such as "9.14.1"');
  });

  it("versionCheck: false wins: nothing is checked", async () => {
    const { sim, uuid } = await simulator("latest", "9.9.1");
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: sim.baseUrl,
      auth,
      clusterVersion: "9.9.1",
      versionCheck: false,
    });
    const { error } = await ontap.POST(REKEY_LATEST, { params: { path: { uuid } } });
    expect(error?.status).toBe(404);
  });
});

describe("introducedIn", () => {
  it("replaces the generated table: its entries are checked, the doc set's are not", async () => {
    const { sim, uuid } = await simulator("latest", "9.9.1");
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: sim.baseUrl,
      auth,
      introducedIn: { "GET /cluster/jobs/{uuid}": "9.12" },
    });
    await expect(
      ontap.GET("/cluster/jobs/{uuid}", { params: { path: { uuid: "j1" } } }),
    ).rejects.toThrow(
      "GET /cluster/jobs/{uuid} was introduced in ONTAP 9.12; this cluster runs 9.9.1",
    );
    // Not in this table: sent (and the 9.9.1 cluster does not have it).
    const { error } = await ontap.POST(REKEY_LATEST, { params: { path: { uuid } } });
    expect(error?.status).toBe(404);
    expect(sent(sim)).toEqual([
      `GET ${READ}`,
      `POST /api/security/azure-key-vaults/${uuid}/rekey-internal`,
    ]);
  });

  it("a bad release in it refuses the operation, showing the entry, rather than sending it", async () => {
    const { sim } = await simulator("latest", "9.9.1");
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: sim.baseUrl,
      auth,
      introducedIn: { "GET /cluster/jobs/{uuid}": "9.x" },
    });
    await expect(
      ontap.GET("/cluster/jobs/{uuid}", { params: { path: { uuid: "j1" } } }),
    ).rejects.toThrow(
      "GET /cluster/jobs/{uuid} was introduced in ONTAP 9.x; this cluster runs 9.9.1",
    );
    expect(sent(sim)).toEqual([`GET ${READ}`]);
  });

  it("a doc set with no table is not checked", async () => {
    const { sim, uuid } = await simulator("latest", "9.9.1");
    // A downstream team's doc set, which the generated table does not know.
    const ontap = createOntapClient({ docset: "9.99.0" as "latest", baseUrl: sim.baseUrl, auth });
    await ontap.POST(REKEY_LATEST, { params: { path: { uuid } } });
    expect(sent(sim)).toEqual([`POST /api/security/azure-key-vaults/${uuid}/rekey-internal`]);
  });
});

describe("a version that cannot be read turns the check off, with one warning", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const client = (
    extra: { timeoutMs?: number; throwOnError?: boolean; onWarning?: (m: string) => void } = {},
  ) => createOntapClient({ docset: "latest", baseUrl: `${server.origin}/api`, auth, ...extra });
  const post = (ontap: ReturnType<typeof client>, init: { signal?: AbortSignal } = {}) =>
    ontap.POST(REKEY_LATEST, { params: { path: { uuid: "k1" } }, ...init });
  const version = (generation: unknown, major: unknown, minor: unknown) => ({
    version: { full: "NetApp Release", generation, major, minor },
  });
  const OPERATION = "/api/security/azure-key-vaults/k1/rekey-internal";

  /** Answers the version read with `read`, and the operation with a 202. */
  function answer(read: (response: import("node:http").ServerResponse) => void) {
    server.handle((request, response) => {
      if (request.url.startsWith("/api/cluster?")) return read(response);
      json(response, 202, { job: { uuid: "j1" } });
    });
  }

  it.each<
    [
      string,
      {
        read: (r: import("node:http").ServerResponse) => void;
        throwOnError?: boolean;
        warns: string;
      },
    ]
  >([
    [
      "403: a role that may not read /api/cluster (ONTAP's body)",
      {
        read: (r) =>
          json(r, 403, { error: { code: "6", message: "not authorized for that command" } }),
        warns:
          "ONTAP error 6 (HTTP 403) on GET /cluster?fields=version: not authorized for that command",
      },
    ],
    [
      "403 with throwOnError: not thrown either",
      {
        read: (r) =>
          json(r, 403, { error: { code: "6", message: "not authorized for that command" } }),
        throwOnError: true,
        warns: "(HTTP 403) on GET /cluster?fields=version",
      },
    ],
    ["401", { read: (r) => json(r, 401, {}), warns: "(HTTP 401) on GET /cluster?fields=version" }],
    [
      "404: a proxy that passes only some paths",
      { read: (r) => json(r, 404, {}), warns: "(HTTP 404) on GET /cluster?fields=version" },
    ],
    [
      "503",
      {
        read: (r) => json(r, 503, { error: { code: "2", message: "busy" } }),
        warns: "ONTAP error 2 (HTTP 503) on GET /cluster?fields=version: busy",
      },
    ],
    [
      "no version at all",
      { read: (r) => json(r, 200, { name: "c1" }), warns: "no readable ONTAP version" },
    ],
    [
      "numbers as text",
      { read: (r) => json(r, 200, version("9", "9", "1")), warns: "no readable ONTAP version" },
    ],
    [
      "a missing minor",
      { read: (r) => json(r, 200, version(9, 9, undefined)), warns: "no readable ONTAP version" },
    ],
    ["not an object", { read: (r) => json(r, 200, "9.9.1"), warns: "no readable ONTAP version" }],
    [
      "a body that is not JSON",
      {
        read: (r) => {
          r.writeHead(200, { "content-type": "application/json" });
          r.end("<html>proxy</html>");
        },
        warns: "GET /cluster?fields=version failed: the response body is not valid JSON",
      },
    ],
  ])("%s: the operation is sent, and the check is off for this client", async (_, given) => {
    answer(given.read);
    const warnings: string[] = [];
    const ontap = client({
      throwOnError: given.throwOnError,
      onWarning: (message) => warnings.push(message),
    });
    const { data } = await post(ontap);
    expect(data?.job?.uuid).toBe("j1");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(given.warns);
    expect(warnings[0]).toMatch(
      /^versionCheck is off: cannot read the cluster's version \(.+\); give `clusterVersion`$/,
    );
    // Off for good: no second read, no second warning.
    expect((await post(ontap)).data?.job?.uuid).toBe("j1");
    expect(warnings).toHaveLength(1);
    expect(server.seen.map((r) => r.url)).toEqual([READ, OPERATION, OPERATION]);
  });

  it("concurrent first calls: one read, one warning, every operation sent", async () => {
    answer((r) =>
      json(r, 403, { error: { code: "6", message: "not authorized for that command" } }),
    );
    const warnings: string[] = [];
    const ontap = client({ onWarning: (message) => warnings.push(message) });
    const results = await Promise.all(Array.from({ length: 5 }, () => post(ontap)));
    expect(results.map((r) => r.response.status)).toEqual([202, 202, 202, 202, 202]);
    expect(warnings).toHaveLength(1);
    expect(server.seen.map((r) => r.url)).toEqual([READ, ...Array(5).fill(OPERATION)]);
  });

  it("the operation's own answer is what comes back, as usual (throwOnError throws it)", async () => {
    server.handle((request, response) => {
      if (request.url.startsWith("/api/cluster?")) return json(response, 403, {});
      json(response, 404, { error: { code: "4", message: "entry doesn't exist" } });
    });
    const returned = await post(client());
    expect(returned.error).toMatchObject({ status: 404, code: "4" });
    const thrown = await post(client({ throwOnError: true })).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapApiError);
    expect(thrown).toMatchObject({
      status: 404,
      operation: { method: "POST", path: REKEY_LATEST },
    });
  });

  it("no onWarning: nothing is printed", async () => {
    answer((r) => json(r, 403, {}));
    const printed: unknown[] = [];
    const methods = ["log", "info", "warn", "error", "debug"] as const;
    const saved = methods.map((m) => console[m]);
    for (const m of methods) console[m] = (...args: unknown[]) => void printed.push(args);
    try {
      expect((await post(client())).data?.job?.uuid).toBe("j1");
    } finally {
      methods.forEach((m, i) => (console[m] = saved[i]!));
    }
    expect(printed).toEqual([]);
  });

  it("an onWarning that throws does not fail the operation", async () => {
    answer((r) => json(r, 403, {}));
    const ontap = client({
      onWarning: () => {
        throw new Error("hook");
      },
    });
    expect((await post(ontap)).data?.job?.uuid).toBe("j1");
  });

  it("no server: the operation's own OntapNetworkError, and the read's in the warning", async () => {
    const port = await closedPort();
    const warnings: string[] = [];
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: `http://127.0.0.1:${port}/api`,
      auth,
      onWarning: (message) => warnings.push(message),
    });
    const thrown = await post(ontap).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OntapNetworkError);
    expect((thrown as Error).message).toMatch(
      /^POST \/security\/azure-key-vaults\/\{uuid\}\/rekey-internal failed: .*ECONNREFUSED/,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/GET \/cluster\?fields=version failed: .*ECONNREFUSED/);
  });

  it("the client's timeout applies to the read: a hung read ends, and the operation is sent", async () => {
    server.handle((request, response) => {
      if (request.url.startsWith("/api/cluster?")) return; // never answers
      json(response, 202, { job: { uuid: "j1" } });
    });
    const warnings: string[] = [];
    const ontap = client({ timeoutMs: 100, onWarning: (message) => warnings.push(message) });
    expect((await post(ontap)).data?.job?.uuid).toBe("j1");
    expect(warnings).toEqual([
      expect.stringContaining("(GET /cluster?fields=version timed out after 100 ms)"),
    ]);
  });

  it("the request's signal stops the wait with its reason; the read goes on for the others", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.handle(async (request, response) => {
      if (request.url.startsWith("/api/cluster?")) {
        await held;
        return json(response, 200, version(9, 12, 1));
      }
      json(response, 202, { job: { uuid: "j1" } });
    });
    const ontap = client();
    const controller = new AbortController();
    const first = post(ontap, { signal: controller.signal });
    const second = post(ontap);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error("stop"));
    await expect(first).rejects.toThrow("stop");
    release();
    expect((await second).data?.job?.uuid).toBe("j1");
    // One read, then only the second operation: the aborted one was never sent.
    expect(server.seen.map((r) => r.url)).toEqual([
      READ,
      "/api/security/azure-key-vaults/k1/rekey-internal",
    ]);
  });

  it("an aborted signal sends nothing, not even the read", async () => {
    answer((r) => json(r, 200, version(9, 12, 1)));
    const controller = new AbortController();
    controller.abort(new Error("already"));
    await expect(post(client(), { signal: controller.signal })).rejects.toThrow("already");
    expect(server.seen).toEqual([]);
  });
});

describe("OntapVersionError", () => {
  it("is an Error with a name, a message and the fields", () => {
    const error = new OntapVersionError({ method: "GET", path: "/x" }, "9.10", "9.9.1", "latest");
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(OntapVersionError);
    expect(String(error)).toBe(
      "OntapVersionError: GET /x was introduced in ONTAP 9.10; this cluster runs 9.9.1",
    );
    expect(error).toMatchObject({
      introducedIn: "9.10",
      clusterVersion: "9.9.1",
      docset: "latest",
    });
  });
});

describe("releases: the cluster's answer and the table's entries", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const OPERATION = "GET /cluster/jobs/{uuid}";
  type Case = [
    string,
    { entry: string; version: Record<string, unknown>; want: "sent" | { runs: string } },
  ];
  const on = (generation: number, major: number, minor: number, extra = {}) => ({
    full: `NetApp Release ${generation}.${major}.${minor}: Thu Jan 01 00:00:00 UTC 2026`,
    generation,
    major,
    minor,
    ...extra,
  });
  it.each<Case>([
    // Compared as numbers, part by part: 9.10 is after 9.9.
    ["9.10.1 on 9.10.0", { entry: "9.10.1", version: on(9, 10, 0), want: { runs: "9.10.0" } }],
    ["9.10.1 on 9.10.1", { entry: "9.10.1", version: on(9, 10, 1), want: "sent" }],
    ["9.10.1 on 9.9.1", { entry: "9.10.1", version: on(9, 9, 1), want: { runs: "9.9.1" } }],
    ["9.9.1 on 9.10.0", { entry: "9.9.1", version: on(9, 10, 0), want: "sent" }],
    ["9 on 9.0.0 (missing parts are 0)", { entry: "9", version: on(9, 0, 0), want: "sent" }],
    ["9 on 8.3.2", { entry: "9", version: on(8, 3, 2), want: { runs: "8.3.2" } }],
    ["9.9.1.0 on 9.9.1", { entry: "9.9.1.0", version: on(9, 9, 1), want: "sent" }],
    ["9.9.1.1 on 9.9.1", { entry: "9.9.1.1", version: on(9, 9, 1), want: { runs: "9.9.1" } }],
    [
      "a version with parts beyond generation, major and minor: they are not compared",
      {
        entry: "9.10.1",
        version: { ...on(9, 10, 1, { patch: 3 }), full: "NetApp Release 9.10.1P3: Mon" },
        want: "sent",
      },
    ],
    [
      "a version with parts beyond, on an operation of a later minor",
      { entry: "9.10.2", version: on(9, 10, 1, { patch: 3 }), want: { runs: "9.10.1" } },
    ],
    // Not releases: refused, whatever the cluster runs (a new one here), never sent.
    ["9.x", { entry: "9.x", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["an empty entry", { entry: "", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["a blank entry", { entry: " ", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["an empty part", { entry: "9..10", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["a trailing dot", { entry: "9.10.", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["a hexadecimal part", { entry: "0x9", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["an exponent", { entry: "9.1e1", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["a sign", { entry: "+9.10", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    ["a patch release", { entry: "9.10.1P3", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
    [
      "a name every object has",
      { entry: "constructor", version: on(9, 16, 1), want: { runs: "9.16.1" } },
    ],
    ["another one", { entry: "toString", version: on(9, 16, 1), want: { runs: "9.16.1" } }],
  ])("%s", async (_, { entry, version, want }) => {
    server.handle((request, response) => {
      if (request.url.startsWith("/api/cluster?")) return json(response, 200, { version });
      json(response, 200, { uuid: "j1", state: "success" });
    });
    const ontap = createOntapClient({
      docset: "latest",
      baseUrl: `${server.origin}/api`,
      auth,
      introducedIn: { [OPERATION]: entry },
    });
    const outcome = await ontap
      .GET("/cluster/jobs/{uuid}", { params: { path: { uuid: "j1" } } })
      .then(
        () => "sent",
        (error: unknown) => error,
      );
    if (want === "sent") {
      expect(outcome).toBe("sent");
      expect(server.seen.map((r) => r.url)).toEqual([READ, "/api/cluster/jobs/j1"]);
    } else {
      expect(outcome).toBeInstanceOf(OntapVersionError);
      expect((outcome as Error).message).toBe(
        `${OPERATION} was introduced in ONTAP ${entry}; this cluster runs ${want.runs}`,
      );
      expect(server.seen.map((r) => r.url)).toEqual([READ]);
    }
  });
});

describe("a request's signal while the version is read", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const post = (ontap: ReturnType<typeof createOntapClient<"latest">>, signal: AbortSignal) =>
    ontap.POST(REKEY_LATEST, { params: { path: { uuid: "k1" } }, signal });

  // One signal for a whole program (a shutdown signal) is common: every wait that adds a
  // listener to it must take it away again, or they pile up (and Node warns past 10).
  it("keeps no listener of its own once the read has failed, however many operations waited", async () => {
    server.handle((request, response) => {
      if (request.url.startsWith("/api/cluster?")) return json(response, 403, {});
      json(response, 202, { job: { uuid: "j1" } });
    });
    // What requests sent with a signal leave on it anyway (fetch's `Request` follows the
    // signal until it is collected), without the check and with it.
    const left = async (versionCheck: boolean) => {
      server.seen.length = 0;
      const ontap = createOntapClient({
        docset: "latest",
        baseUrl: `${server.origin}/api`,
        auth,
        versionCheck,
      });
      const shutdown = new AbortController();
      const results = await Promise.all(
        Array.from({ length: 4 }, () => post(ontap, shutdown.signal)),
      );
      expect(results.map((r) => r.response.status)).toEqual([202, 202, 202, 202]);
      // With the check: the one read (refused), and the four operations all the same.
      expect(server.seen.filter((r) => r.url === READ)).toHaveLength(versionCheck ? 1 : 0);
      return getEventListeners(shutdown.signal, "abort").length;
    };
    expect(await left(true)).toBe(await left(false));
  });

  it("keeps no listener of its own once the read has succeeded", async () => {
    server.handle((request, response) => {
      if (request.url.startsWith("/api/cluster?")) {
        return json(response, 200, { version: { generation: 9, major: 12, minor: 1 } });
      }
      json(response, 202, { job: { uuid: "j1" } });
    });
    // What requests sent with a signal leave on it anyway (fetch's `Request` follows the
    // signal until it is collected), without the check and with it.
    const left = async (versionCheck: boolean) => {
      const ontap = createOntapClient({
        docset: "latest",
        baseUrl: `${server.origin}/api`,
        auth,
        versionCheck,
      });
      const shutdown = new AbortController();
      const results = await Promise.all(
        Array.from({ length: 4 }, () => post(ontap, shutdown.signal)),
      );
      expect(results.map((r) => r.response.status)).toEqual([202, 202, 202, 202]);
      return getEventListeners(shutdown.signal, "abort").length;
    };
    expect(await left(true)).toBe(await left(false));
  });
});
