// Type-cost consumer WITHOUT the client: the same 13 operations as `with-client.ts` (every
// operation of `latest` and `9.9.1`), as plain variables typed from `@ontap-rest/types`
// alone: one for each request's parameters (and body), one for each response body, read
// once as there. Only type-checked (`tsc --noEmit`, see tsconfig.without-client.json).
import type * as Latest from "@ontap-rest/types/latest";
import type * as V991 from "@ontap-rest/types/9.9.1";

const svm = { name: "vs1", uuid: "1cd8a442-86d1-11e0-ae1c-123478563412" };
const akv = {
  client_id: "aaaaaaaa-bbbb-aaaa-bbbb-aaaaaaaaaaaa",
  client_secret: "abcdef",
  key_id: "https://kmip-akv-keyvault.vault.azure.net/keys/key1",
  name: "https:://mykeyvault.azure.vault.net/",
  tenant_id: "zzzzzzzz-yyyy-zzzz-yyyy-zzzzzzzzzzzz",
  svm,
};

/** A response body as a consumer without the client gets it: parsed JSON, typed by hand. */
declare function answer<T>(): T;

export function everyOperation(uuid: string): unknown[] {
  // latest: 3 operations.
  const latestJobParams: Latest.GetClusterJobsUuidParameters = {
    path: { uuid },
    query: { fields: ["state", "message"] },
  };
  const latestJob = answer<Latest.ResponseBody<"get", "/cluster/jobs/{uuid}">>();
  const latestJobState: string | undefined = latestJob?.state;

  const latestJobPatchParams: Latest.PatchClusterJobsUuidParameters = {
    path: { uuid },
    query: { action: "cancel" },
  };
  const latestJobPatch = answer<Latest.ResponseBody<"patch", "/cluster/jobs/{uuid}">>();
  const latestJobPatched: unknown = latestJobPatch;

  const latestRekeyParams: Latest.PostSecurityAzureKeyVaultsUuidRekeyInternalParameters = {
    path: { uuid },
    query: { return_timeout: 15 },
  };
  const latestRekey =
    answer<Latest.ResponseBody<"post", "/security/azure-key-vaults/{uuid}/rekey-internal">>();
  const latestRekeyJob: string | undefined = latestRekey?.job?.uuid;

  // 9.9.1: 10 operations.
  const jobsParams: V991.GetClusterJobsParameters = {
    query: { state: "running", fields: ["uuid", "state"], max_records: 20 },
  };
  const jobs = answer<V991.ResponseBody<"get", "/cluster/jobs">>();
  const jobsData: unknown = jobs;

  const jobParams: V991.GetClusterJobsUuidParameters = {
    path: { uuid },
    query: { fields: ["state", "message"] },
  };
  const job = answer<V991.ResponseBody<"get", "/cluster/jobs/{uuid}">>();
  const jobState: string | undefined = job?.state;

  const jobPatchParams: V991.PatchClusterJobsUuidParameters = {
    path: { uuid },
    query: { action: "pause" },
  };
  const jobPatch = answer<V991.ResponseBody<"patch", "/cluster/jobs/{uuid}">>();
  const jobPatched: unknown = jobPatch;

  const akvsParams: V991.GetSecurityAzureKeyVaultsParameters = {
    query: { "svm.name": "vs1", fields: ["name", "client_id"], max_records: 20 },
  };
  const akvs = answer<V991.ResponseBody<"get", "/security/azure-key-vaults">>();
  const akvNames: (string | undefined)[] | undefined = akvs?.records?.map((r) => r.name);

  const akvCreateParams: V991.PostSecurityAzureKeyVaultsParameters = {
    query: { return_records: true },
  };
  const akvCreateBody: V991.PostSecurityAzureKeyVaultsRequestBody = akv;
  const akvCreate = answer<V991.ResponseBody<"post", "/security/azure-key-vaults">>();
  const akvCreated: string | undefined = akvCreate?.records?.[0]?.uuid;

  const rekeyParams: V991.PostSecurityAzureKeyVaultsUuidRekeyInternalParameters = {
    path: { "azure_key_vault.uuid": uuid },
    query: { return_timeout: 15 },
  };
  const rekey =
    answer<
      V991.ResponseBody<"post", "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal">
    >();
  const rekeyJob: string | undefined = rekey?.job?.uuid;

  const restoreParams: V991.PostSecurityAzureKeyVaultsUuidRestoreParameters = {
    path: { "azure_key_vault.uuid": uuid },
    query: { return_timeout: 15 },
  };
  const restore =
    answer<
      V991.ResponseBody<"post", "/security/azure-key-vaults/{azure_key_vault.uuid}/restore">
    >();
  const restoreJob: string | undefined = restore?.job?.uuid;

  const akvOneParams: V991.GetSecurityAzureKeyVaultsUuidParameters = {
    path: { uuid },
    query: { fields: ["name", "state"] },
  };
  const akvOne = answer<V991.ResponseBody<"get", "/security/azure-key-vaults/{uuid}">>();
  const akvAvailable: boolean | undefined = akvOne?.state?.available;

  const akvDeleteParams: V991.DeleteSecurityAzureKeyVaultsUuidParameters = { path: { uuid } };
  const akvDelete = answer<V991.ResponseBody<"delete", "/security/azure-key-vaults/{uuid}">>();
  const akvDeleted: unknown = akvDelete;

  const akvPatchParams: V991.PatchSecurityAzureKeyVaultsUuidParameters = {
    path: { uuid },
    query: { return_timeout: 15 },
  };
  const akvPatchBody: V991.PatchSecurityAzureKeyVaultsUuidRequestBody = {
    client_secret: "ghijkl",
    proxy_port: 3128,
  };
  const akvPatch = answer<V991.ResponseBody<"patch", "/security/azure-key-vaults/{uuid}">>();
  const akvPatchJob: string | undefined = akvPatch?.job?.uuid;

  return [
    [latestJobParams, latestJobPatchParams, latestRekeyParams, jobsParams, jobParams],
    [jobPatchParams, akvsParams, akvCreateParams, akvCreateBody, rekeyParams, restoreParams],
    [akvOneParams, akvDeleteParams, akvPatchParams, akvPatchBody],
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
