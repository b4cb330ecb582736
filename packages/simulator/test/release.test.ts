// The release the simulator runs: `GET /api/cluster` reports it, and operations its doc set
// says came later are absent (404), as on an older cluster. Plain fetch: what is on the wire.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_RELEASE, startSimulator, type Simulator } from "../src/index.js";
import { auth } from "./helpers.js";

const authorization = `Basic ${btoa(`${auth.username}:${auth.password}`)}`;
let sim: Simulator | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  if (sim) {
    expect(sim.mismatches).toEqual([]);
    await sim.close();
  }
  sim = undefined;
});

async function start(options: Parameters<typeof startSimulator>[0] = {}) {
  sim = await startSimulator({ clock: "virtual", auth, ...options });
  return sim;
}

async function call(method: string, path: string) {
  const response = await fetch(`${sim!.baseUrl}${path}`, { method, headers: { authorization } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("GET /api/cluster", () => {
  it("reports the release as ONTAP's version object, with name and UUID", async () => {
    await start({ release: "9.9.1" });
    const { status, body } = await call("GET", "/cluster");
    expect(status).toBe(200);
    expect(body).toEqual({
      name: "sim-cluster",
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: {
        full: expect.stringMatching(/^NetApp Release 9\.9\.1: /),
        generation: 9,
        major: 9,
        minor: 1,
      },
      _links: { self: { href: "/api/cluster" } },
    });
    expect(sim!.release).toBe("9.9.1");
  });

  it("honours fields, as the client's version read asks", async () => {
    await start({ release: "9.10.1" });
    const { body } = await call("GET", "/cluster?fields=version");
    expect(Object.keys(body).sort()).toEqual(["_links", "version"]);
    expect(body.version).toMatchObject({ generation: 9, major: 10, minor: 1 });
  });

  it(`defaults to ${DEFAULT_RELEASE}, newer than every doc set`, async () => {
    await start();
    expect(sim!.release).toBe(DEFAULT_RELEASE);
    const { body } = await call("GET", "/cluster?fields=version");
    expect((body.version as { full: string }).full).toContain(`NetApp Release ${DEFAULT_RELEASE}:`);
  });

  it("is not checked against the spec (no spec has it), but still needs credentials", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    await start();
    // A query parameter no spec lists would be a request mismatch on a documented path.
    expect((await call("GET", "/cluster?fields=version&colour=red")).status).toBe(200);
    expect(sim!.mismatches).toEqual([]);
    const anonymous = await fetch(`${sim!.baseUrl}/cluster`);
    expect(anonymous.status).toBe(401);
  });

  it.each([["9.9"], ["9.9.1P3"], ["v9.9.1"], [""]])("refuses release %j", async (release) => {
    await expect(startSimulator({ release })).rejects.toThrow(
      /`release` is an ONTAP release of three numbers/,
    );
  });
});

describe("operations introduced after the release are absent", () => {
  it.each<
    [
      string,
      {
        given: { docset: "9.9.1" | "latest"; release: string; method: string; path: string };
        want: number;
      },
    ]
  >([
    [
      "latest's rekey-internal (9.10) on 9.9.1",
      {
        given: { docset: "latest", release: "9.9.1", method: "POST", path: "rekey" },
        want: 404,
      },
    ],
    [
      "latest's rekey-internal (9.10) on 9.10.1",
      {
        given: { docset: "latest", release: "9.10.1", method: "POST", path: "rekey" },
        want: 202,
      },
    ],
    [
      "9.9.1's AKV list (9.8) on 9.7.0",
      {
        given: { docset: "9.9.1", release: "9.7.0", method: "GET", path: "list" },
        want: 404,
      },
    ],
    [
      "9.9.1's AKV list (9.8) on 9.8.0",
      {
        given: { docset: "9.9.1", release: "9.8.0", method: "GET", path: "list" },
        want: 200,
      },
    ],
    // A path whose every operation came later is absent as a whole: 404 for any method, as
    // for a path the cluster never had; 405 is for a path that is there.
    [
      "latest's rekey-internal path (9.10), another method, on 9.9.1",
      {
        given: { docset: "latest", release: "9.9.1", method: "GET", path: "rekey" },
        want: 404,
      },
    ],
    [
      "latest's rekey-internal path (9.10), another method, on 9.10.1",
      {
        given: { docset: "latest", release: "9.10.1", method: "GET", path: "rekey" },
        want: 405,
      },
    ],
    [
      "9.9.1's AKV collection (9.8), a method it has in no release, on 9.7.0",
      {
        given: { docset: "9.9.1", release: "9.7.0", method: "PUT", path: "list" },
        want: 404,
      },
    ],
    [
      "9.9.1's AKV collection (9.8), a method it has in no release, on 9.8.0",
      {
        given: { docset: "9.9.1", release: "9.8.0", method: "PUT", path: "list" },
        want: 405,
      },
    ],
    [
      "9.9.1's job list (9.6) on 9.7.0",
      {
        given: { docset: "9.9.1", release: "9.7.0", method: "GET", path: "jobs" },
        want: 200,
      },
    ],
  ])("%s", async (_, { given, want }) => {
    await start({ docset: given.docset, release: given.release });
    const { uuid } = sim!.addAkv({ name: "akv1", svm: { name: "vs0" } });
    const path = {
      rekey: `/security/azure-key-vaults/${uuid}/rekey-internal`,
      list: "/security/azure-key-vaults",
      jobs: "/cluster/jobs",
    }[given.path]!;
    const { status, body } = await call(given.method, path);
    expect(status).toBe(want);
    // Absent: the answer of any path the simulator does not serve (its own choice of
    // message and code: no page documents ONTAP's answer for an unknown path).
    if (want === 404) expect(body).toEqual({ error: { message: "API not found", code: "3" } });
  });
});
