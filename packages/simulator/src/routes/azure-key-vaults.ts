// /security/azure-key-vaults: the configurations, their rekey and their restore.
import type { SimClock } from "../clock.js";
import type { JobStore } from "../jobs.js";
import { collection, listParam, project } from "../query.js";
import type { AkvStore } from "../akv-store.js";
import { OntapFailure } from "../ontap-errors.js";
import type { Json, Route } from "../route-table.js";
import { runJob } from "./job-answer.js";

const KEY_ID = /^https:\/\/[^/]+\.vault\.azure\.net\/keys\/[^/]+(\/[^/]+)?$/;
const PATCHABLE = [
  "client_id",
  "tenant_id",
  "key_id",
  "client_secret",
  "proxy_host",
  "proxy_port",
  "proxy_type",
  "proxy_username",
  "proxy_password",
] as const;

const AKV = "/security/azure-key-vaults";

export function azureKeyVaultRoutes(store: AkvStore, jobs: JobStore, clock: SimClock): Route[] {
  const { akvs } = store;
  return [
    {
      method: "GET",
      template: AKV,
      handle: ({ query, svm }) => ({
        status: 200,
        body: collection(
          AKV,
          [...akvs.values()].filter((a) => store.sees(svm, a)).map((a) => store.view(a)),
          query,
          ["uuid", "name"],
        ),
      }),
    },
    {
      method: "POST",
      template: AKV,
      handle: ({ body, query, svm: tunnel }) => {
        // Tunneled: the body may only name the tunnel's SVM; any other is not there from
        // that SVM's context. An SVM that is not there is the generic "entry doesn't exist"
        // (no code the page documents for this POST says so).
        const svmIn = (body.svm ?? tunnel ?? {}) as { name?: string; uuid?: string };
        const svm = store.svmFor(svmIn);
        if (!svm || (tunnel && svm.uuid !== tunnel.uuid)) throw new OntapFailure(404, "4", "svm");
        if ([...akvs.values()].some((a) => a.svm.uuid === svm.uuid)) {
          throw new OntapFailure(409, "65537500", "svm");
        }
        if (typeof body.key_id === "string" && !KEY_ID.test(body.key_id)) {
          throw new OntapFailure(400, "65537523", "key_id");
        }
        const akv = store.add({
          name: String(body.name ?? ""),
          svm,
          client_id: body.client_id as string,
          tenant_id: body.tenant_id as string,
          key_id: body.key_id as string,
          client_secret: body.client_secret as string,
          proxy_host: body.proxy_host as string | undefined,
          proxy_port: body.proxy_port as number | undefined,
          proxy_type: body.proxy_type as string | undefined,
          proxy_username: body.proxy_username as string | undefined,
          secrets: { proxy_password: body.proxy_password as string | undefined },
        });
        const view = store.view(akv);
        const record =
          query.get("return_records") === "true"
            ? project(view, [], [], true)
            : project(view, [], ["uuid", "name"], false);
        return {
          status: 201,
          body: { num_records: 1, records: [record] },
          headers: { Location: `/api${AKV}/${akv.uuid}` },
        };
      },
    },
    {
      method: "GET",
      template: `${AKV}/{uuid}`,
      handle: ({ params, query, svm }) => {
        const akv = store.getOr(params.uuid!, "4", svm);
        return {
          status: 200,
          body: project(store.view(akv), listParam(query, "fields"), ["uuid"], true),
        };
      },
    },
    {
      method: "PATCH",
      template: `${AKV}/{uuid}`,
      handle: ({ params, body, svm }) => {
        const akv = store.getOr(params.uuid!, "65537120", svm);
        const inputs = PATCHABLE.filter((k) => body[k] !== undefined);
        if (inputs.length === 0) throw new OntapFailure(400, "65537541");
        const changesIdentity =
          (body.client_id !== undefined && body.client_id !== akv.client_id) ||
          (body.tenant_id !== undefined && body.tenant_id !== akv.tenant_id);
        if (changesIdentity && body.client_secret === undefined) {
          throw new OntapFailure(400, "65537517", "client_secret");
        }
        for (const key of inputs) {
          if (key === "client_secret" || key === "proxy_password") {
            akv.secrets[key] = body[key] as string;
          } else (akv as unknown as Json)[key] = body[key];
        }
        return { status: 200, body: {} };
      },
    },
    {
      method: "DELETE",
      template: `${AKV}/{uuid}`,
      handle: ({ params, svm }) => {
        const akv = store.getOr(params.uuid!, "65537120", svm);
        if (akv.encryptedVolumes > 0) throw new OntapFailure(400, "65536867");
        akvs.delete(akv.uuid);
        return { status: 200, body: {} };
      },
    },
    {
      method: "POST",
      template: `${AKV}/{uuid}/rekey-internal`,
      handle: (ctx) => {
        const akv = store.getOr(ctx.params.uuid!, "65537120", ctx.svm);
        if (akv.internalKeys === 0) throw new OntapFailure(400, "65537559");
        const job = jobs.create(`POST /api${AKV}/${akv.uuid}/rekey-internal`, akv.svm);
        return runJob(clock, jobs, ctx, job, 201);
      },
    },
    {
      method: "POST",
      template: `${AKV}/{uuid}/restore`,
      handle: (ctx) => {
        const akv = store.getOr(ctx.params.uuid!, "65537120", ctx.svm);
        const job = jobs.create(`POST /api${AKV}/${akv.uuid}/restore`, akv.svm);
        return runJob(clock, jobs, ctx, job, 201);
      },
    },
  ];
}
