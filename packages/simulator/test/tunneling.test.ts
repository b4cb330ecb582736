// SVM tunneling: a request with `X-Dot-SVM-Name` or `X-Dot-SVM-UUID` runs in that SVM's
// context, as on ONTAP: it sees, changes and creates only that SVM's records (configurations
// and jobs); a request without one sees them all. Plain fetch: what is on the wire.
import { afterEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../src/index.js";
import { akvBody, auth } from "./helpers.js";

const authorization = `Basic ${btoa(`${auth.username}:${auth.password}`)}`;
let sim: Simulator;
afterEach(async () => {
  expect(sim.mismatches).toEqual([]);
  await sim.close();
});

/** A simulator with a configuration in vs0 and one in vs1. */
async function start() {
  sim = await startSimulator({ clock: "virtual", auth });
  const vs0 = sim.addAkv({ name: "akv0", svm: { name: "vs0" } }).uuid;
  const vs1 = sim.addAkv({ name: "akv1", svm: { name: "vs1" } }).uuid;
  return { vs0, vs1 };
}

async function call(
  method: string,
  path: string,
  tunnel: Record<string, string> = {},
  body?: unknown,
) {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: {
      authorization,
      ...tunnel,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

const names = async (tunnel: Record<string, string> = {}) =>
  (await call("GET", "/security/azure-key-vaults?fields=name", tunnel)).body.records
    .map((r: { name: string }) => r.name)
    .sort();

describe("a tunneled request sees only its SVM's configurations", () => {
  it.each<[string, { tunnel: () => Record<string, string>; want: string[] }]>([
    ["no tunnel: every SVM's", { tunnel: () => ({}), want: ["akv0", "akv1"] }],
    ["X-Dot-SVM-Name: vs0", { tunnel: () => ({ "X-Dot-SVM-Name": "vs0" }), want: ["akv0"] }],
    [
      "X-Dot-SVM-UUID of vs1",
      { tunnel: () => ({ "X-Dot-SVM-UUID": sim.svm("vs1").uuid }), want: ["akv1"] },
    ],
    [
      "both headers, naming the same SVM",
      {
        tunnel: () => ({ "X-Dot-SVM-Name": "vs1", "X-Dot-SVM-UUID": sim.svm("vs1").uuid }),
        want: ["akv1"],
      },
    ],
    ["an SVM with none", { tunnel: () => ({ "X-Dot-SVM-Name": "vs9" }), want: [] }],
  ])("%s", async (_, { tunnel, want }) => {
    await start();
    expect(await names(tunnel())).toEqual(want);
  });

  it("another SVM's configuration is not there: GET, PATCH, DELETE and rekey answer 404", async () => {
    const { vs1 } = await start();
    const tunnel = { "X-Dot-SVM-Name": "vs0" };
    const path = `/security/azure-key-vaults/${vs1}`;
    expect(await call("GET", path, tunnel)).toMatchObject({
      status: 404,
      body: { error: { code: "4" } },
    });
    for (const [method, suffix, body] of [
      ["PATCH", "", { key_id: "https://akv1.vault.azure.net/keys/key2" }],
      ["DELETE", "", undefined],
      ["POST", "/rekey-internal", undefined],
    ] as const) {
      expect(await call(method, `${path}${suffix}`, tunnel, body)).toMatchObject({
        status: 404,
        body: { error: { code: "65537120" } },
      });
    }
    // Untouched, and still there for a request without a tunnel.
    expect((await call("GET", path)).body.key_id).toBe("https://akv1.vault.azure.net/keys/key1");
  });

  it("creates in the tunnel's SVM; never in another", async () => {
    await start();
    // The spec requires `svm` in the body: it must name the tunnel's SVM.
    const created = await call(
      "POST",
      "/security/azure-key-vaults?return_records=true",
      { "X-Dot-SVM-Name": "vs2" },
      akvBody("akv2", "vs2"),
    );
    expect(created.status).toBe(201);
    expect(created.body.records[0].svm).toMatchObject({ name: "vs2", uuid: sim.svm("vs2").uuid });
    expect(await names({ "X-Dot-SVM-Name": "vs2" })).toEqual(["akv2"]);

    const elsewhere = await call(
      "POST",
      "/security/azure-key-vaults",
      { "X-Dot-SVM-Name": "vs3" },
      akvBody("akv3", "vs4"),
    );
    expect(elsewhere).toMatchObject({ status: 404, body: { error: { code: "4", target: "svm" } } });
    expect(await names()).toEqual(["akv0", "akv1", "akv2"]);
  });

  it("jobs: a tunneled request sees only its SVM's", async () => {
    const { vs0, vs1 } = await start();
    const job0 = (await call("POST", `/security/azure-key-vaults/${vs0}/rekey-internal`)).body.job
      .uuid as string;
    const job1 = (await call("POST", `/security/azure-key-vaults/${vs1}/rekey-internal`)).body.job
      .uuid as string;
    const tunnel = { "X-Dot-SVM-Name": "vs0" };
    const listed = await call("GET", "/cluster/jobs?fields=uuid", tunnel);
    expect(listed.body.records.map((r: { uuid: string }) => r.uuid)).toEqual([job0]);
    expect((await call("GET", `/cluster/jobs/${job0}`, tunnel)).status).toBe(200);
    expect(await call("GET", `/cluster/jobs/${job1}`, tunnel)).toMatchObject({
      status: 404,
      body: { error: { code: "4" } },
    });
    expect((await call("GET", `/cluster/jobs?uuid=${job0}|${job1}`, tunnel)).body.num_records).toBe(
      1,
    );
    expect((await call("GET", "/cluster/jobs?fields=uuid")).body.num_records).toBe(2);
  });

  it.each<[string, () => Record<string, string>]>([
    ["a UUID nobody has", () => ({ "X-Dot-SVM-UUID": "00000000-0000-4000-8000-000000000000" })],
    [
      "a name and the UUID of another SVM",
      () => ({ "X-Dot-SVM-Name": "vs0", "X-Dot-SVM-UUID": sim.svm("vs1").uuid }),
    ],
  ])("%s: answered 404, code 4", async (_, tunnel) => {
    await start();
    expect(await call("GET", "/security/azure-key-vaults", tunnel())).toMatchObject({
      status: 404,
      body: { error: { code: "4", target: "X-Dot-SVM-UUID" } },
    });
  });

  it("records the SVM and the application of each request, as the audit log does", async () => {
    await start();
    await call("GET", "/security/azure-key-vaults", {
      "X-Dot-SVM-Name": "vs0",
      "X-Dot-Client-App": "my-tool/1.2",
    });
    await call("GET", "/security/azure-key-vaults");
    expect(sim.requests).toEqual([
      expect.objectContaining({
        user: auth.username,
        svm: { name: "vs0", uuid: sim.svm("vs0").uuid },
        application: "my-tool/1.2",
      }),
      expect.not.objectContaining({ svm: expect.anything() }),
    ]);
    expect(sim.requests[1]).not.toHaveProperty("application");
  });
});
