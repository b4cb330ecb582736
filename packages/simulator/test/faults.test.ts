// Fault injection: each kind, per route or global, through the real client.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOntapClient, OntapNetworkError } from "@ontap-rest/client";
import { akvBody, auth, setup } from "./helpers.js";

type Ctx = Awaited<ReturnType<typeof setup<"9.9.1">>>;
let t: Ctx;
let uuid: string;

beforeEach(async () => {
  // Faults without a path hit every request, the client's version read (GET /api/cluster)
  // too; these tests are about the faults, so `t.client` does not read it. The last test
  // keeps the check on: its retries get the read through.
  t = await setup("9.9.1", {}, { versionCheck: false });
  uuid = t.sim.addAkv(akvBody("akv1", "vs0")).uuid;
});
afterEach(async () => {
  expect(t.sim.mismatches).toEqual([]);
  await t.sim.close();
});

const list = () => t.client.GET("/security/azure-key-vaults", {});
const one = () => t.client.GET("/security/azure-key-vaults/{uuid}", { params: { path: { uuid } } });

describe("fault kinds", () => {
  it.each([500, 502, 503, 429])("status %i with Retry-After", async (status) => {
    t.sim.faults.add({ kind: "status", status, retryAfter: 7, times: 1 });
    const { error, response } = await list();
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(error?.status).toBe(status);
    // Only once: the next request is answered normally.
    expect((await list()).response.status).toBe(200);
  });

  it("connection reset", async () => {
    t.sim.faults.add({ kind: "reset", times: 1 });
    const { error } = await list().then(
      (r) => ({ error: r.error as unknown }),
      (err: unknown) => ({ error: err }),
    );
    expect(error).toBeInstanceOf(OntapNetworkError);
    expect((await list()).response.status).toBe(200);
  });

  it("malformed body: the real status, a body cut short", async () => {
    t.sim.faults.add({ kind: "malformed", times: 1 });
    const result = await one().then(
      (r) => ({ error: r.error as unknown, status: r.response.status }),
      (err: unknown) => ({ error: err, status: 0 }),
    );
    expect(result.error).toBeInstanceOf(OntapNetworkError);
  });

  it("malformed body given as text", async () => {
    t.sim.faults.add({ kind: "malformed", body: "<html>proxy error</html>", times: 1 });
    const response = await fetch(`${t.sim.baseUrl}/security/azure-key-vaults`, {
      headers: { authorization: `Basic ${btoa(`${auth.username}:${auth.password}`)}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<html>proxy error</html>");
  });

  it("latency on the simulator's clock", async () => {
    t.sim.faults.add({ kind: "latency", ms: 5000, times: 1 });
    let done = false;
    const pending = list().then((r) => ((done = true), r));
    await t.clock.whenPending();
    await t.clock.advance(4999);
    expect(done).toBe(false);
    await t.clock.advance(1);
    expect((await pending).response.status).toBe(200);
    expect(t.sim.requests[0]!.at - Date.parse("2026-01-01T00:00:00Z")).toBe(5000);
  });

  it("latency in real time", async () => {
    t.sim.faults.add({ kind: "latency", ms: 30, realTime: true, times: 1 });
    const started = performance.now();
    await list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe("fault scope", () => {
  const cases: {
    name: string;
    fault: Parameters<Ctx["sim"]["faults"]["add"]>[0];
    list: number;
    one: number;
  }[] = [
    { name: "global", fault: { kind: "status", status: 503 }, list: 503, one: 503 },
    {
      name: "template",
      fault: { kind: "status", path: "/security/azure-key-vaults/{azure_key_vault.uuid}" },
      list: 200,
      one: 503,
    },
    {
      name: "wire path",
      fault: { kind: "status", path: "/api/security/azure-key-vaults" },
      list: 503,
      one: 200,
    },
    {
      name: "regexp",
      fault: { kind: "status", path: /azure-key-vaults\/[0-9a-f-]+$/ },
      list: 200,
      one: 503,
    },
    { name: "other method", fault: { kind: "status", method: "POST" }, list: 200, one: 200 },
  ];
  it.each(cases)("$name", async ({ fault, list: l, one: o }) => {
    const id = t.sim.faults.add(fault);
    expect((await list()).response.status).toBe(l);
    expect((await one()).response.status).toBe(o);
    t.sim.faults.remove(id);
    expect((await one()).response.status).toBe(200);
  });

  it("a client with retries gets through a flaky route", async () => {
    const client = createOntapClient({
      docset: "9.9.1",
      baseUrl: t.sim.baseUrl,
      auth,
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 2 },
    });
    t.sim.faults.add({ kind: "status", status: 503, times: 2 });
    const { data } = await client.GET("/security/azure-key-vaults", {});
    expect(data?.num_records).toBe(1);
    // The version read comes first, and is retried like any GET.
    expect(t.sim.requests.map((r) => `${r.status} ${r.url}`)).toEqual([
      "503 /api/cluster?fields=version",
      "503 /api/cluster?fields=version",
      "200 /api/cluster?fields=version",
      "200 /api/security/azure-key-vaults",
    ]);
  });
});
