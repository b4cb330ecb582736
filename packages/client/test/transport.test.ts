// Opt-in retries against a real server, with an injected sleep (instant, and it records the
// waits) and an injected random (deterministic jitter).
// `versionCheck: false`: this server answers every path alike, `GET /api/cluster` included,
// and these tests are not about the version check (version-check.test.ts is).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOntapClient, OntapNetworkError, type RetryOptions } from "../src/index.js";
import { closedPort, json, startServer, type TestServer } from "./helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const auth = { username: "admin", password: "netapp1!" };

function setup(retry: RetryOptions | boolean | undefined, baseUrl = `${server.origin}/api`) {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  const options =
    retry === true ? { sleep, random: () => 0.5 } : retry && { sleep, random: () => 0.5, ...retry };
  const ontap = createOntapClient({
    docset: "9.9.1",
    versionCheck: false,
    baseUrl,
    auth,
    retry: options,
  });
  return { ontap, waits };
}

/** Answers `statuses` in turn (then 200), with the headers given for each. */
function answers(...steps: [number, Record<string, string>?][]) {
  let index = 0;
  server.handle((_, response) => {
    const [status, headers] = steps[index++] ?? [200];
    json(
      response,
      status,
      status === 200 ? { records: [] } : { error: { code: "1", message: "busy" } },
      headers,
    );
  });
}

const inOneMinute = () => new Date(Date.now() + 60_000).toUTCString();

describe("retries", () => {
  it.each<{
    name: string;
    method?: "GET" | "POST" | "DELETE";
    retry: RetryOptions | boolean | undefined;
    steps: [number, Record<string, string>?][];
    hits: number;
    status: number;
    waits: number[] | ((waits: number[]) => void);
  }>([
    {
      name: "503 with Retry-After seconds, then 200",
      retry: true,
      steps: [
        [503, { "retry-after": "2" }],
        [503, { "retry-after": "3" }],
      ],
      hits: 3,
      status: 200,
      waits: [2000, 3000],
    },
    {
      name: "429 with Retry-After as an HTTP date",
      retry: { budgetMs: 120_000 },
      steps: [[429, { "retry-after": inOneMinute() }]],
      hits: 2,
      status: 200,
      waits: (waits) => {
        expect(waits).toHaveLength(1);
        expect(waits[0]).toBeGreaterThan(55_000);
        expect(waits[0]).toBeLessThanOrEqual(60_000);
      },
    },
    {
      name: "500s without Retry-After: exponential backoff with jitter",
      retry: { baseDelayMs: 100, maxDelayMs: 300 },
      steps: [[500], [502], [504]],
      hits: 4,
      status: 200,
      // steps 100, 200, 300 (capped); half of each plus random (0.5) of the other half
      waits: [75, 150, 225],
    },
    {
      name: "gives up after `retries` and returns the last answer",
      retry: { retries: 2 },
      steps: [[503], [503], [503], [503]],
      hits: 3,
      status: 503,
      waits: [375, 750],
    },
    {
      name: "a Retry-After beyond the budget ends the retries",
      retry: { budgetMs: 10_000 },
      steps: [[503, { "retry-after": "120" }]],
      hits: 1,
      status: 503,
      waits: [],
    },
    { name: "never a 400", retry: true, steps: [[400]], hits: 1, status: 400, waits: [] },
    { name: "never a 404", retry: true, steps: [[404]], hits: 1, status: 404, waits: [] },
    {
      name: "never a 409, even with Retry-After",
      retry: true,
      steps: [[409, { "retry-after": "1" }]],
      hits: 1,
      status: 409,
      waits: [],
    },
    {
      name: "not a POST by default",
      method: "POST",
      retry: true,
      steps: [[503, { "retry-after": "1" }]],
      hits: 1,
      status: 503,
      waits: [],
    },
    {
      name: "a POST when asked",
      method: "POST",
      retry: { methods: ["post"] },
      steps: [[503, { "retry-after": "1" }]],
      hits: 2,
      status: 200,
      waits: [1000],
    },
    {
      name: "DELETE is idempotent",
      method: "DELETE",
      retry: true,
      steps: [[503, { "retry-after": "1" }]],
      hits: 2,
      status: 200,
      waits: [1000],
    },
    {
      name: "no retry unless opted in",
      retry: undefined,
      steps: [[503, { "retry-after": "1" }]],
      hits: 1,
      status: 503,
      waits: [],
    },
  ])("$name", async ({ method = "GET", retry, steps, hits, status, waits }) => {
    answers(...steps);
    const { ontap, waits: waited } = setup(retry);
    const path = "/security/azure-key-vaults";
    const { response } =
      method === "POST"
        ? await ontap.POST(path, {
            body: {
              client_id: "c",
              tenant_id: "t",
              client_secret: "s",
              key_id: "k",
              name: "n",
              svm: { name: "vs0" },
            },
          })
        : method === "DELETE"
          ? await ontap.DELETE("/security/azure-key-vaults/{uuid}", {
              params: { path: { uuid: "u" } },
            })
          : await ontap.GET(path);
    expect(server.seen).toHaveLength(hits);
    expect(response.status).toBe(status);
    if (typeof waits === "function") waits(waited);
    else expect(waited).toEqual(waits);
  });

  it("sends the same body again", async () => {
    answers([503, { "retry-after": "1" }]);
    const { ontap } = setup({ methods: ["PATCH"] });
    await ontap.PATCH("/security/azure-key-vaults/{uuid}", {
      params: { path: { uuid: "u" } },
      body: { client_secret: "new", proxy_port: 3128 },
    });
    expect(server.seen.map((request) => request.body)).toEqual([
      '{"client_secret":"new","proxy_port":3128}',
      '{"client_secret":"new","proxy_port":3128}',
    ]);
  });

  it("retries network errors of idempotent methods, then throws an OntapNetworkError", async () => {
    const { ontap, waits } = setup({ retries: 2 }, `http://127.0.0.1:${await closedPort()}/api`);
    await expect(ontap.GET("/security/azure-key-vaults")).rejects.toBeInstanceOf(OntapNetworkError);
    expect(waits).toEqual([375, 750]);
  });

  it("a caller's abort during the wait ends it", async () => {
    answers([503, { "retry-after": "30" }]);
    const controller = new AbortController();
    // The real sleep this time: the abort must cut it short.
    const ontap = createOntapClient({
      docset: "9.9.1",
      versionCheck: false,
      baseUrl: `${server.origin}/api`,
      auth,
      retry: { budgetMs: 60_000 },
    });
    const started = Date.now();
    const pending = ontap.GET("/security/azure-key-vaults", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("enough")), 100);
    await expect(pending).rejects.toThrow("enough");
    expect(server.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
