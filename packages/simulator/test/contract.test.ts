// The simulator checks requests and responses against the spec and says so, loudly.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SpecContract, startSimulator, type Simulator } from "../src/index.js";
import { auth } from "./helpers.js";

let sim: Simulator;
const authorization = `Basic ${btoa(`${auth.username}:${auth.password}`)}`;
beforeEach(async () => {
  sim = await startSimulator({ docset: "9.9.1", clock: "virtual", auth });
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await sim.close();
});

describe("requests the spec does not allow", () => {
  const cases: { name: string; method: string; path: string; body?: unknown }[] = [
    {
      name: "an unknown query parameter",
      method: "GET",
      path: "/security/azure-key-vaults?colour=red",
    },
    {
      name: "a non-integer max_records",
      method: "GET",
      path: "/security/azure-key-vaults?max_records=ten",
    },
    {
      name: "return_timeout above 120",
      method: "POST",
      path: "/security/azure-key-vaults/x/rekey-internal?return_timeout=121",
    },
    {
      name: "a POST without its required body",
      method: "POST",
      path: "/security/azure-key-vaults",
    },
    {
      name: "a POST body missing required properties",
      method: "POST",
      path: "/security/azure-key-vaults",
      body: { name: "x" },
    },
    {
      name: "a wrongly typed property",
      method: "PATCH",
      path: "/security/azure-key-vaults/x",
      body: { proxy_port: "80" },
    },
    {
      name: "a body that is not JSON",
      method: "PATCH",
      path: "/security/azure-key-vaults/x",
      body: "{oops",
    },
    { name: "an action not in the enum", method: "PATCH", path: "/cluster/jobs/x?action=explode" },
  ];
  it.each(cases)("$name", async ({ method, path, body }) => {
    const response = await fetch(`${sim.baseUrl}${path}`, {
      method,
      headers: { authorization, "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-simulator-mismatch")).toBe("request");
    expect(sim.mismatches).toHaveLength(1);
    expect(sim.mismatches[0]!.where).toBe("request");
  });

  it("a request with readOnly properties is what the spec allows (they are in its schema)", async () => {
    const response = await fetch(`${sim.baseUrl}/security/azure-key-vaults`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({
        name: "akv1",
        svm: { name: "vs0" },
        client_id: "c",
        tenant_id: "t",
        client_secret: "secret-value-123",
        key_id: "https://akv1.vault.azure.net/keys/k",
        uuid: "ignored",
      }),
    });
    expect(response.status).toBe(201);
    expect(sim.mismatches).toEqual([]);
  });
});

describe("responses", () => {
  const contract = new SpecContract("9.9.1");
  const op = (method: string, path: string) => contract.find(method, path)!.op;
  const cases: {
    name: string;
    method: string;
    path: string;
    status: number;
    body: unknown;
    ok: boolean;
  }[] = [
    {
      name: "a record",
      method: "GET",
      path: "/security/azure-key-vaults/u",
      status: 200,
      body: { uuid: "u", proxy_port: 80 },
      ok: true,
    },
    {
      name: "a wrong type",
      method: "GET",
      path: "/security/azure-key-vaults/u",
      status: 200,
      body: { proxy_port: "80" },
      ok: false,
    },
    {
      name: "a secret",
      method: "GET",
      path: "/security/azure-key-vaults/u",
      status: 200,
      body: { client_secret: "x" },
      ok: false,
    },
    {
      name: "an undocumented status",
      method: "GET",
      path: "/security/azure-key-vaults/u",
      status: 204,
      body: {},
      ok: false,
    },
    {
      name: "a documented error code",
      method: "DELETE",
      path: "/security/azure-key-vaults/u",
      status: 400,
      body: { error: { code: "65537120", message: "m" } },
      ok: true,
    },
    {
      name: "an undocumented error code",
      method: "DELETE",
      path: "/security/azure-key-vaults/u",
      status: 400,
      body: { error: { code: "12345", message: "m" } },
      ok: false,
    },
    {
      name: "a numeric error code",
      method: "DELETE",
      path: "/security/azure-key-vaults/u",
      status: 400,
      body: { error: { code: 65537120 } },
      ok: false,
    },
    {
      name: "a 201 after return_timeout",
      method: "POST",
      path: "/security/azure-key-vaults/u/restore",
      status: 201,
      body: { job: { uuid: "j" } },
      ok: true,
    },
  ];
  it.each(cases)("$name", ({ method, path, status, body, ok }) => {
    expect(contract.checkResponse(op(method, path), status, body).length === 0).toBe(ok);
  });
});
