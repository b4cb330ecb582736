// The simulator and the job poller on a large doc set, at a test's size: NetApp's AsciiDoc
// pages grown to 300 operations (bench/lib/scale-corpus.ts), ingested, with the 9.9.1 doc
// set's AKV and cluster jobs paths added (bench/lib/scale-simulator.ts), served by the
// simulator. Nothing is compiled at start-up; a request compiles its route's validators and
// no other; a job runs to its end under `waitForJob` and `submitAndWait`; the contract finds
// no mismatch. `pnpm bench:scale` measures the same at 1,500 operations.
// Skips when ../shared/ontap-docs/corpus/adoc (NetApp's pages, never in the repo) is absent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOntapClient } from "@ontap-rest/client";
import { ingest } from "@ontap-rest/ingest";
import { submitAndWait, waitForJob } from "@ontap-rest/jobs";
import { startSimulator, type Simulator } from "../../packages/simulator/src/index.js";
import { readOriginals, scaleCorpus } from "../../bench/lib/scale-corpus.js";
import { countOperations, withSimulatorRoutes } from "../../bench/lib/scale-simulator.js";

const OPERATIONS = 300;
const originals = readOriginals();
const auth = { username: "admin", password: "scale-Pa55word" };
const AKV = "/security/azure-key-vaults";
const REKEY = `${AKV}/{azure_key_vault.uuid}/rekey-internal`;

/** The distinct schemas of a route: what its first request compiles. */
function routeSchemas(sim: Simulator, method: string, path: string): number {
  const { op } = sim.contract.find(method, path)!;
  const schemas = [
    op.bodySchema,
    ...op.responses.values(),
    ...[...op.parameters.values()]
      .filter((p) => p.in === "path" || p.in === "query")
      .map((p) => p.schema),
  ].filter(Boolean);
  return new Set(schemas.map((s) => JSON.stringify(s))).size;
}

describe.skipIf(!originals)(
  `the simulator and the job poller on a ${OPERATIONS}-operation scale doc set (skipped without ../shared/ontap-docs/corpus/adoc)`,
  () => {
    let sim: Simulator;
    let operations: number;
    beforeAll(async () => {
      const { document } = ingest(scaleCorpus(originals!, OPERATIONS), { docset: "scale" });
      const spec = withSimulatorRoutes(document as Parameters<typeof withSimulatorRoutes>[0]);
      operations = countOperations(spec);
      sim = await startSimulator({ spec, auth, jobs: { queuedMs: 10, runningMs: 100 } });
    }, 60_000);
    afterAll(() => sim?.close());

    it("starts with no validator compiled, every operation known", () => {
      expect(operations).toBeGreaterThanOrEqual(OPERATIONS + 10);
      expect(sim.contract.operations).toHaveLength(operations);
      expect(sim.docset).toBe("scale");
      expect(sim.contract.validators).toBe(0);
      expect([...sim.contract.compiled]).toEqual([]);
    });

    it("a request compiles its route's validators, and only those", async () => {
      const ontap = createOntapClient({
        docset: "9.9.1",
        baseUrl: sim.baseUrl,
        auth,
        versionCheck: false,
      });
      const { response } = await ontap.POST(AKV, {
        body: {
          name: "akv1",
          svm: { name: "vs1" },
          client_id: "c5b1f1b0-1111-4d1a-9a53-2f4f0c3e1a01",
          tenant_id: "d6c2e2c1-2222-4e2b-8b64-3a5a1d4f2b02",
          client_secret: "Scale-Secret-Value-1234567890",
          key_id: "https://akv1.vault.azure.net/keys/key1",
        },
      });
      expect(response.status).toBe(201);
      expect([...sim.contract.compiled]).toEqual([`POST ${AKV}`]);
      expect(sim.contract.validators).toBe(routeSchemas(sim, "POST", AKV));
      expect(sim.mismatches).toEqual([]);
    });

    it("a job runs to its end: waitForJob after a 202, and submitAndWait", async () => {
      const ontap = createOntapClient({
        docset: "9.9.1",
        baseUrl: sim.baseUrl,
        auth,
        versionCheck: false,
      });
      const { data: list } = await ontap.GET(AKV, { params: { query: { name: "akv1" } } });
      const uuid = list!.records![0]!.uuid!;
      const rekey = { params: { path: { "azure_key_vault.uuid": uuid } } };
      const { data: accepted, response } = await ontap.POST(REKEY, rekey);
      expect(response.status).toBe(202);
      const job = await waitForJob(ontap, accepted!, { maxWaitMs: 20_000 });
      expect(job.state).toBe("success");
      // ONTAP waits (return_timeout): the job ends within it, one request, a 201.
      const submitted = await submitAndWait(ontap, "POST", REKEY, rekey, { maxWaitMs: 20_000 });
      expect(submitted.status).toBe(201);
      expect([...sim.contract.compiled].sort()).toEqual(
        [
          `POST ${AKV}`,
          `GET ${AKV}`,
          "POST /security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal",
          "GET /cluster/jobs/{uuid}",
        ].sort(),
      );
      expect(sim.mismatches).toEqual([]);
    });
  },
);
