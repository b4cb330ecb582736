// SVM tunneling: the poller asks in the SVM the job's request ran in. Against the simulator,
// which scopes jobs by the tunnel's SVM as ONTAP does (a tunneled request sees only its SVM's
// jobs) and records the SVM of every request.
import { createOntapClient } from "@ontap-rest/client";
import { afterEach, describe, expect, it } from "vitest";
import { createJobWatcher, submitAndWait, waitForJob } from "../src/index.js";
// By path: the simulator is a private workspace package the jobs package does not depend on.
import { startSimulator, type Simulator } from "../../simulator/src/index.js";

const auth = { username: "admin", password: "netapp1!" };
const REKEY = "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal";
const fast = { minDelayMs: 10, maxDelayMs: 20, maxWaitMs: 10_000 };

let sim: Simulator;
afterEach(async () => {
  expect(sim.mismatches).toEqual([]);
  await sim.close();
});

async function start() {
  sim = await startSimulator({ docset: "9.9.1", auth, jobs: { queuedMs: 0, runningMs: 60 } });
  return {
    vs0: sim.addAkv({ name: "akv0", svm: { name: "vs0" } }).uuid,
    vs1: sim.addAkv({ name: "akv1", svm: { name: "vs1" } }).uuid,
  };
}

/** The SVM each job poll ran in. */
const pollSvms = () =>
  sim.requests.filter((r) => r.url.startsWith("/api/cluster/jobs")).map((r) => r.svm?.name);

describe("the poller inherits the SVM", () => {
  it("of the client: waitForJob and the watcher poll in the client's SVM", async () => {
    const { vs1 } = await start();
    const ontap = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth,
      svm: { name: "vs1" },
    });
    const { data } = await ontap.POST(REKEY, { params: { path: { "azure_key_vault.uuid": vs1 } } });
    expect((await waitForJob(ontap, data!, fast)).state).toBe("success");
    const again = await ontap.POST(REKEY, { params: { path: { "azure_key_vault.uuid": vs1 } } });
    expect((await createJobWatcher(ontap, fast).wait(again.data!)).state).toBe("success");
    expect(pollSvms().length).toBeGreaterThanOrEqual(2);
    expect(new Set(pollSvms())).toEqual(new Set(["vs1"]));
  });

  it("of submitAndWait's request: the polls carry the request's own `svm`", async () => {
    const { vs0 } = await start();
    const ontap = createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth });
    const result = await submitAndWait(
      ontap,
      "POST",
      REKEY,
      { params: { path: { "azure_key_vault.uuid": vs0 } }, svm: { name: "vs0" } },
      { ...fast, returnTimeoutS: 0 },
    );
    expect(result.status).toBe(202);
    expect(result.job?.state).toBe("success");
    expect(sim.requests.find((r) => r.method === "POST")?.svm?.name).toBe("vs0");
    expect(pollSvms().length).toBeGreaterThanOrEqual(1);
    expect(new Set(pollSvms())).toEqual(new Set(["vs0"]));
  });

  it("a job of another SVM is not there for a tunneled poll: OntapJobNotFoundError", async () => {
    const { vs0 } = await start();
    const ontap = createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth });
    const { data } = await ontap.POST(REKEY, { params: { path: { "azure_key_vault.uuid": vs0 } } });
    await expect(waitForJob(ontap, data!, { ...fast, svm: { name: "vs1" } })).rejects.toMatchObject(
      { name: "OntapJobNotFoundError" },
    );
    // …and is, with `svm: null` on a client that tunnels.
    const tunneled = createOntapClient({
      docset: "9.9.1",
      baseUrl: sim.baseUrl,
      auth,
      svm: { name: "vs1" },
    });
    expect((await waitForJob(tunneled, data!, { ...fast, svm: null })).state).toBe("success");
  });
});
