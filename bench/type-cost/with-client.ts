// Type-cost consumer WITH the client: every operation of the `latest` and `9.9.1` doc sets,
// called through `createOntapClient`, each result read once. `without-client.ts` is the same
// consumer with the same variables typed from `@ontap-rest/types` alone. Only type-checked
// (`tsc --noEmit`, see tsconfig.with-client.json), never run: `pnpm bench:client` times it.
import { createOntapClient } from "@ontap-rest/client";

const latest = createOntapClient({
  docset: "latest",
  host: "cluster1.example.com",
  auth: { username: "admin", password: "secret" },
});
const v991 = createOntapClient({
  docset: "9.9.1",
  host: "cluster1.example.com",
  auth: { username: "admin", password: "secret" },
});

const svm = { name: "vs1", uuid: "1cd8a442-86d1-11e0-ae1c-123478563412" };
const akv = {
  client_id: "aaaaaaaa-bbbb-aaaa-bbbb-aaaaaaaaaaaa",
  client_secret: "abcdef",
  key_id: "https://kmip-akv-keyvault.vault.azure.net/keys/key1",
  name: "https:://mykeyvault.azure.vault.net/",
  tenant_id: "zzzzzzzz-yyyy-zzzz-yyyy-zzzzzzzzzzzz",
  svm,
};

export async function everyOperation(uuid: string): Promise<unknown[]> {
  // latest: 3 operations.
  const latestJob = await latest.GET("/cluster/jobs/{uuid}", {
    params: { path: { uuid }, query: { fields: ["state", "message"] } },
  });
  const latestJobState: string | undefined = latestJob.data?.state;

  const latestJobPatch = await latest.PATCH("/cluster/jobs/{uuid}", {
    params: { path: { uuid }, query: { action: "cancel" } },
  });
  const latestJobPatched: unknown = latestJobPatch.data;

  const latestRekey = await latest.POST("/security/azure-key-vaults/{uuid}/rekey-internal", {
    params: { path: { uuid }, query: { return_timeout: 15 } },
  });
  const latestRekeyJob: string | undefined = latestRekey.data?.job?.uuid;

  // 9.9.1: 10 operations.
  const jobs = await v991.GET("/cluster/jobs", {
    params: { query: { state: "running", fields: ["uuid", "state"], max_records: 20 } },
  });
  const jobsData: unknown = jobs.data;

  const job = await v991.GET("/cluster/jobs/{uuid}", {
    params: { path: { uuid }, query: { fields: ["state", "message"] } },
  });
  const jobState: string | undefined = job.data?.state;

  const jobPatch = await v991.PATCH("/cluster/jobs/{uuid}", {
    params: { path: { uuid }, query: { action: "pause" } },
  });
  const jobPatched: unknown = jobPatch.data;

  const akvs = await v991.GET("/security/azure-key-vaults", {
    params: { query: { "svm.name": "vs1", fields: ["name", "client_id"], max_records: 20 } },
  });
  const akvNames: (string | undefined)[] | undefined = akvs.data?.records?.map((r) => r.name);

  const akvCreate = await v991.POST("/security/azure-key-vaults", {
    params: { query: { return_records: true } },
    body: akv,
  });
  const akvCreated: string | undefined = akvCreate.data?.records?.[0]?.uuid;

  const rekey = await v991.POST(
    "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal",
    { params: { path: { "azure_key_vault.uuid": uuid }, query: { return_timeout: 15 } } },
  );
  const rekeyJob: string | undefined = rekey.data?.job?.uuid;

  const restore = await v991.POST("/security/azure-key-vaults/{azure_key_vault.uuid}/restore", {
    params: { path: { "azure_key_vault.uuid": uuid }, query: { return_timeout: 15 } },
  });
  const restoreJob: string | undefined = restore.data?.job?.uuid;

  const akvOne = await v991.GET("/security/azure-key-vaults/{uuid}", {
    params: { path: { uuid }, query: { fields: ["name", "state"] } },
  });
  const akvAvailable: boolean | undefined = akvOne.data?.state?.available;

  const akvDelete = await v991.DELETE("/security/azure-key-vaults/{uuid}", {
    params: { path: { uuid } },
  });
  const akvDeleted: unknown = akvDelete.data;

  const akvPatch = await v991.PATCH("/security/azure-key-vaults/{uuid}", {
    params: { path: { uuid }, query: { return_timeout: 15 } },
    body: { client_secret: "ghijkl", proxy_port: 3128 },
  });
  const akvPatchJob: string | undefined = akvPatch.data?.job?.uuid;

  return [
    latestJobState,
    latestJobPatched,
    latestRekeyJob,
    jobsData,
    jobState,
    jobPatched,
    akvNames,
    akvCreated,
    rekeyJob,
    restoreJob,
    akvAvailable,
    akvDeleted,
    akvPatchJob,
  ];
}
