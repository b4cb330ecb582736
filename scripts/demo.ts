// `pnpm demo`: the packages as a user imports them, against the ONTAP simulator on 127.0.0.1.
// Creates an Azure Key Vault configuration, lists it with `fields`, runs rekey-internal and
// follows its job to the end, provokes a documented error and prints its catalog entry; then,
// against a simulator that runs ONTAP 9.9.1, shows the client refusing an operation the
// `latest` docs say came in 9.10, before sending it.
// Real time, short jobs: it takes a few seconds and exits 0 (1 if anything disagrees).
import { createOntapClient, isOntapError, OntapVersionError } from "@ontap-rest/client";
import { waitForJob } from "@ontap-rest/jobs";
import { startSimulator } from "@ontap-rest/simulator";

const auth = { username: "admin", password: "demo-Pa55word" };
const step = (text: string) => console.log(`\n▶ ${text}`);
// One Azure Key Vault configuration for SVM vs0: created once, then again for the error.
const vault = {
  svm: { name: "vs0" },
  client_id: "c5b1f1b0-1111-4d1a-9a53-2f4f0c3e1a01",
  tenant_id: "d6c2e2c1-2222-4e2b-8b64-3a5a1d4f2b02",
  client_secret: process.env.AKV_CLIENT_SECRET ?? "demo-client-secret-value",
  key_id: "https://akv-demo.vault.azure.net/keys/key1",
};

const sim = await startSimulator({
  docset: "9.9.1",
  auth,
  // A rekey on a real cluster takes longer; here it is queued 0.3 s and runs 1.2 s.
  jobs: { queuedMs: 300, runningMs: 1200 },
});
let ok = false;
try {
  console.log(`ONTAP simulator (doc set 9.9.1) on ${sim.baseUrl}`);
  const ontap = createOntapClient({ docset: "9.9.1", baseUrl: sim.baseUrl, auth });

  step("POST /security/azure-key-vaults: configure Azure Key Vault for SVM vs0");
  const created = await ontap.POST("/security/azure-key-vaults", {
    params: { query: { return_records: true } },
    body: { name: "akv-demo", ...vault },
  });
  if (created.error) throw created.error;
  const uuid = created.data.records?.[0]?.uuid;
  if (!uuid) throw new Error("the POST answered no record");
  console.log(`  ${created.response.status}: configuration ${uuid}`);

  step("GET /security/azure-key-vaults?fields=name,svm.name,key_id,state (state is advanced)");
  const listed = await ontap.GET("/security/azure-key-vaults", {
    params: { query: { fields: ["name", "svm.name", "key_id", "state"] } },
  });
  if (listed.error) throw listed.error;
  for (const akv of listed.data.records ?? []) {
    console.log(
      `  ${akv.name} (svm ${akv.svm?.name}) ${akv.key_id} available=${akv.state?.available}`,
    );
  }

  step("POST …/rekey-internal, then follow the job");
  const accepted = await ontap.POST(
    "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal",
    { params: { path: { "azure_key_vault.uuid": uuid } } },
  );
  if (accepted.error) throw accepted.error;
  console.log(`  ${accepted.response.status}: job ${accepted.data.job?.uuid}`);
  const started = Date.now();
  const job = await waitForJob(ontap, accepted.data, {
    onProgress: (j) =>
      console.log(
        `  [${((Date.now() - started) / 1000).toFixed(1)} s] ${j.state}: ${j.message ?? ""}`,
      ),
  });
  console.log(`  done: ${job.state}`);

  step("POST /security/azure-key-vaults again for vs0: a documented error");
  const again = await ontap.POST("/security/azure-key-vaults", {
    body: { name: "akv-again", ...vault },
  });
  if (!isOntapError(again.error, "65537500")) throw new Error("expected ONTAP error 65537500");
  const { entry } = again.error;
  console.log(`  ${again.error.message}`);
  console.log(`  catalog entry: ${entry?.code} ${entry?.name ?? ""} — ${entry?.description}`);

  if (sim.mismatches.length > 0) {
    throw new Error(`the simulator saw ${sim.mismatches.length} spec mismatch(es)`);
  }
  console.log(`\n${sim.requests.length} requests, every one as the spec says.`);

  step("doc set latest against a cluster running 9.9.1: rekey-internal came in 9.10");
  const old = await startSimulator({ docset: "latest", release: "9.9.1", auth });
  try {
    const latest = createOntapClient({ docset: "latest", baseUrl: old.baseUrl, auth });
    const refused = await latest
      .POST("/security/azure-key-vaults/{uuid}/rekey-internal", { params: { path: { uuid } } })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    if (!(refused instanceof OntapVersionError)) throw new Error("expected an OntapVersionError");
    console.log(`  refused before sending: ${refused.message}`);
    const sent = old.requests.map((r) => `${r.method} ${r.url}`).join(", ");
    console.log(`  the cluster saw only: ${sent}`);
    if (old.requests.some((r) => r.url.includes("rekey-internal"))) {
      throw new Error("the refused operation reached the cluster");
    }
  } finally {
    await old.close();
  }
  console.log("\nDone.");
  ok = true;
} catch (err) {
  console.error("demo failed:", err instanceof Error ? err.message : err);
} finally {
  await sim.close();
}
process.exit(ok ? 0 : 1);
