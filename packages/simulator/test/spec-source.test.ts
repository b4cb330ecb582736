// The contract reads any spec (a repo doc set, a file, a parsed document) and compiles a
// route's validators on its first request, not at start-up.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { specPath } from "@ontap-rest/openapi";
import { SpecContract, SpecSourceError, startSimulator, type SpecSource } from "../src/index.js";
import { auth } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "simulator-spec-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const json = readFileSync(specPath("9.9.1", "json"), "utf8");
const document = () => JSON.parse(json) as Exclude<SpecSource, string>;
const file = (name: string, text: string) => {
  writeFileSync(join(tmp, name), text);
  return join(tmp, name);
};
/** The 9.9.1 doc set's operations: 10 (AKV and cluster jobs). */
const OPERATIONS = 10;

describe("spec sources", () => {
  const cases: [
    string,
    { given: () => ConstructorParameters<typeof SpecContract>[0]; want: string },
  ][] = [
    ["a repo doc set", { given: () => "9.9.1", want: "9.9.1" }],
    ["a YAML file", { given: () => ({ spec: specPath("9.9.1", "yaml") }), want: "9.9.1" }],
    ["a JSON file", { given: () => ({ spec: file("team.json", json) }), want: "9.9.1" }],
    [
      "a parsed document, named by info.version",
      { given: () => ({ spec: { ...document(), info: { version: "team" } } }), want: "team" },
    ],
    [
      "a document without info.version",
      { given: () => ({ spec: { ...document(), info: {} } }), want: "custom" },
    ],
  ];
  it.each(cases)("%s", (_title, { given, want }) => {
    const contract = new SpecContract(given());
    expect(contract.docset).toBe(want);
    expect(contract.operations).toHaveLength(OPERATIONS);
  });

  const errors: [
    string,
    { given: () => ConstructorParameters<typeof SpecContract>[0]; want: RegExp },
  ][] = [
    ["an unknown doc set", { given: () => "9.99" as "9.9.1", want: /no doc set "9.99"/ }],
    [
      "a missing file",
      {
        given: () => ({ spec: join(tmp, "absent.yaml") }),
        want: /absent\.yaml: expected a readable spec file \(ENOENT\)$/,
      },
    ],
    [
      "a file that is not YAML",
      {
        given: () => ({ spec: file("bad.yaml", "paths: [\n") }),
        want: /bad\.yaml: expected JSON or YAML/,
      },
    ],
    [
      "a document without paths",
      {
        given: () => ({ spec: file("nopaths.yaml", "openapi: 3.1.0\n") }),
        want: /nopaths\.yaml: expected an OpenAPI 3 document/,
      },
    ],
    [
      "a parsed document that is not OpenAPI 3",
      {
        given: () => ({ spec: { swagger: "2.0", paths: {} } as never }),
        want: /the spec document: expected an OpenAPI 3 document/,
      },
    ],
  ];
  it.each(errors)("%s is refused", (_title, { given, want }) => {
    expect(() => new SpecContract(given())).toThrow(SpecSourceError);
    expect(() => new SpecContract(given())).toThrow(want);
  });
});

/** The distinct schemas a route has (body, responses, path and query parameters). */
function routeSchemas(contract: SpecContract, method: string, path: string): number {
  const { op } = contract.find(method, path)!;
  const schemas = [
    op.bodySchema,
    ...op.responses.values(),
    ...[...op.parameters.values()]
      .filter((p) => p.in === "path" || p.in === "query")
      .map((p) => p.schema),
  ].filter(Boolean);
  return new Set(schemas.map((s) => JSON.stringify(s))).size;
}

describe("validators are compiled per route, on its first request", () => {
  const requests: [string, { given: [string, string][]; want: string[] }][] = [
    ["none", { given: [], want: [] }],
    [
      "one route",
      {
        given: [["POST", "/security/azure-key-vaults"]],
        want: ["POST /security/azure-key-vaults"],
      },
    ],
    [
      "one route twice",
      {
        given: [
          ["GET", "/cluster/jobs/a"],
          ["GET", "/cluster/jobs/b"],
        ],
        want: ["GET /cluster/jobs/{uuid}"],
      },
    ],
    [
      "two routes",
      {
        given: [
          ["GET", "/cluster/jobs/a"],
          ["PATCH", "/cluster/jobs/a"],
        ],
        want: ["GET /cluster/jobs/{uuid}", "PATCH /cluster/jobs/{uuid}"],
      },
    ],
  ];
  it.each(requests)("%s", (_title, { given, want }) => {
    const contract = new SpecContract("9.9.1");
    expect(contract.validators).toBe(0);
    for (const [method, path] of given) {
      const { op, params } = contract.find(method, path)!;
      contract.checkRequest(op, params, new URLSearchParams(), {}, false);
    }
    expect([...contract.compiled]).toEqual(want);
    if (given.length === 1) expect(contract.validators).toBe(routeSchemas(contract, ...given[0]!));
  });

  it("compile: eager compiles every route at construction", () => {
    const contract = new SpecContract("9.9.1", { compile: "eager" });
    expect(contract.compiled.size).toBe(OPERATIONS);
    expect(contract.validators).toBeGreaterThan(OPERATIONS);
  });

  it("a response is checked with the route's compiled validator", () => {
    const contract = new SpecContract("9.9.1");
    const { op } = contract.find("GET", "/cluster/jobs/a")!;
    expect(contract.checkResponse(op, 200, { uuid: "a", code: "7" })).toEqual([
      "/code must be integer",
    ]);
    // A component it refers to, handed to ajv on the way: `_links` (`href` a string).
    expect(contract.checkResponse(op, 200, { _links: { self: { href: 7 } } })).toEqual([
      "/_links/self/href must be string",
    ]);
    expect([...contract.compiled]).toEqual(["GET /cluster/jobs/{uuid}"]);
  });
});

describe("the simulator on a given spec", () => {
  it("checks requests against it and names the doc set by it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const sim = await startSimulator({
      spec: { ...document(), info: { version: "team" } },
      auth,
    });
    try {
      expect(sim.docset).toBe("team");
      expect(sim.contract.validators).toBe(0);
      const authorization = `Basic ${btoa(`${auth.username}:${auth.password}`)}`;
      const ok = await fetch(`${sim.baseUrl}/cluster/jobs?max_records=2`, {
        headers: { authorization },
      });
      expect(ok.status).toBe(200);
      const bad = await fetch(`${sim.baseUrl}/cluster/jobs?max_records=ten`, {
        headers: { authorization },
      });
      expect(bad.status).toBe(400);
      expect(bad.headers.get("x-simulator-mismatch")).toBe("request");
      expect(sim.mismatches).toHaveLength(1);
      expect([...sim.contract.compiled]).toEqual(["GET /cluster/jobs"]);
    } finally {
      await sim.close();
    }
  });
});
