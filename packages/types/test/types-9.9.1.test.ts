// Type-level tests on the real generated types of doc set 9.9.1. Each row asserts with
// `expectTypeOf`: a wrong type fails `tsc --noEmit` (part of `pnpm test`); vitest runs the rows
// so each one is also listed by name.
import { describe, expectTypeOf, it } from "vitest";
import type {
  GetClusterJobsUuidParameters,
  GetClusterJobsUuidResponse,
  GetSecurityAzureKeyVaultsResponse,
  PatchClusterJobsUuidParameters,
  PatchSecurityAzureKeyVaultsUuidRequestBody,
  PatchSecurityAzureKeyVaultsUuidResponse,
  PathsWithMethod,
  PostSecurityAzureKeyVaultsParameters,
  PostSecurityAzureKeyVaultsRequestBody,
  PostSecurityAzureKeyVaultsResponse,
  PostSecurityAzureKeyVaultsUuidRekeyInternalParameters,
  PostSecurityAzureKeyVaultsUuidRekeyInternalResponse,
  RequestBody,
  ResponseBody,
  Schema,
  components,
  operations,
  paths,
} from "../src/generated/9.9.1.js";

/** `true` when `K` is a required property of `T`. */
type IsRequired<T, K extends keyof T> = {} extends Pick<T, K> ? false : true;
/** `true` when `undefined` is one of the members of `T`. */
type HasUndefined<T> = undefined extends T ? true : false;

type PostBody = RequestBody<"post", "/security/azure-key-vaults">;

const cases: ReadonlyArray<readonly [string, () => void]> = [
  [
    "Schema<N> is components.schemas[N]",
    () => expectTypeOf<Schema<"svm">>().toEqualTypeOf<components["schemas"]["svm"]>(),
  ],
  [
    "an integer property is number | undefined",
    () =>
      expectTypeOf<Schema<"azure_key_vault">["proxy_port"]>().toEqualTypeOf<number | undefined>(),
  ],
  [
    "a referenced schema is the component",
    () =>
      expectTypeOf<Schema<"azure_key_vault">["svm"]>().toEqualTypeOf<
        components["schemas"]["svm"] | undefined
      >(),
  ],
  [
    "a collection's records is an array of the component",
    () =>
      expectTypeOf<
        NonNullable<ResponseBody<"get", "/security/azure-key-vaults">["records"]>
      >().toEqualTypeOf<Schema<"azure_key_vault">[]>(),
  ],
  [
    "the POST body requires client_id",
    () => expectTypeOf<IsRequired<PostBody, "client_id">>().toEqualTypeOf<true>(),
  ],
  [
    "the POST body's client_id is a string",
    () => expectTypeOf<PostBody["client_id"]>().toEqualTypeOf<string>(),
  ],
  [
    "the POST body's proxy_port is optional",
    () => expectTypeOf<IsRequired<PostBody, "proxy_port">>().toEqualTypeOf<false>(),
  ],
  [
    "an operation without a body has RequestBody never",
    () => expectTypeOf<RequestBody<"get", "/cluster/jobs/{uuid}">>().toBeNever(),
  ],
  [
    "ResponseBody of GET /cluster/jobs/{uuid} has state",
    () =>
      expectTypeOf<ResponseBody<"get", "/cluster/jobs/{uuid}">>()
        .toHaveProperty("state")
        .toEqualTypeOf<string | undefined>(),
  ],
  [
    "ResponseBody for the default status is the error envelope",
    () =>
      expectTypeOf<ResponseBody<"get", "/cluster/jobs/{uuid}", "default">["error"]>().toEqualTypeOf<
        components["schemas"]["error"] | undefined
      >(),
  ],
  [
    "ResponseBody of an operation whose only 2xx has no body is never",
    () => expectTypeOf<ResponseBody<"patch", "/cluster/jobs/{uuid}">>().toBeNever(),
  ],
  [
    "PathsWithMethod lists the paths that have the method",
    () =>
      expectTypeOf<PathsWithMethod<"patch">>().toEqualTypeOf<
        "/cluster/jobs/{uuid}" | "/security/azure-key-vaults/{uuid}"
      >(),
  ],
  [
    "<Op>RequestBody is RequestBody<M, P>",
    () => expectTypeOf<PostSecurityAzureKeyVaultsRequestBody>().toEqualTypeOf<PostBody>(),
  ],
  [
    "<Op>RequestBody of an optional body has no undefined",
    () =>
      expectTypeOf<PatchSecurityAzureKeyVaultsUuidRequestBody>().toEqualTypeOf<
        RequestBody<"patch", "/security/azure-key-vaults/{uuid}">
      >(),
  ],
  [
    "<Op>Response is ResponseBody<M, P> (201)",
    () =>
      expectTypeOf<PostSecurityAzureKeyVaultsResponse>().toEqualTypeOf<
        ResponseBody<"post", "/security/azure-key-vaults">
      >(),
  ],
  [
    "<Op>Response skips a bodiless 200 and keeps the 202 body",
    () =>
      expectTypeOf<PatchSecurityAzureKeyVaultsUuidResponse>().toEqualTypeOf<
        operations["patch_security_azure_key_vaults_uuid"]["responses"][202]["content"]["application/json"]
      >(),
  ],
  [
    "<Op>Response is never never",
    () => expectTypeOf<PostSecurityAzureKeyVaultsUuidRekeyInternalResponse>().not.toBeNever(),
  ],
  [
    "<Op>Response holds no undefined",
    () => {
      expectTypeOf<HasUndefined<GetClusterJobsUuidResponse>>().toEqualTypeOf<false>();
      expectTypeOf<HasUndefined<GetSecurityAzureKeyVaultsResponse>>().toEqualTypeOf<false>();
      expectTypeOf<HasUndefined<PatchSecurityAzureKeyVaultsUuidResponse>>().toEqualTypeOf<false>();
    },
  ],
  [
    "a 202 <Op>Response is the job link",
    () =>
      expectTypeOf<
        NonNullable<PostSecurityAzureKeyVaultsUuidRekeyInternalResponse["job"]>
      >().toHaveProperty("uuid"),
  ],
  [
    "<Op>Parameters has the path parameters, required",
    () => expectTypeOf<GetClusterJobsUuidParameters["path"]>().toEqualTypeOf<{ uuid: string }>(),
  ],
  [
    "<Op>Parameters keeps a dotted path parameter name",
    () =>
      expectTypeOf<PostSecurityAzureKeyVaultsUuidRekeyInternalParameters["path"]>().toEqualTypeOf<{
        "azure_key_vault.uuid": string;
      }>(),
  ],
  [
    "<Op>Parameters has the query parameters, optional",
    () =>
      expectTypeOf<NonNullable<GetClusterJobsUuidParameters["query"]>["fields"]>().toEqualTypeOf<
        string[] | undefined
      >(),
  ],
  [
    "an enum query parameter is a union of its values",
    () =>
      expectTypeOf<NonNullable<PatchClusterJobsUuidParameters["query"]>["action"]>().toEqualTypeOf<
        "pause" | "resume" | "cancel" | undefined
      >(),
  ],
  [
    "<Op>Parameters has only query and path",
    () =>
      expectTypeOf<keyof PostSecurityAzureKeyVaultsParameters>().toEqualTypeOf<"query" | "path">(),
  ],
  [
    "ResponseBody and RequestBody take only a path that has the method",
    () => {
      // @ts-expect-error: /cluster/jobs/{uuid} has no POST
      expectTypeOf<ResponseBody<"post", "/cluster/jobs/{uuid}">>();
      // @ts-expect-error: /security/azure-key-vaults has no PATCH
      expectTypeOf<RequestBody<"patch", "/security/azure-key-vaults">>();
    },
  ],
  [
    "Schema takes only a component name",
    () => {
      // @ts-expect-error: no such schema
      expectTypeOf<Schema<"no_such_schema">>();
    },
  ],
  [
    "paths points at operations",
    () =>
      expectTypeOf<paths["/cluster/jobs/{uuid}"]["get"]>().toEqualTypeOf<
        operations["get_cluster_jobs_uuid"]
      >(),
  ],
];

describe("@ontap-rest/types/9.9.1", () => {
  it.each(cases)("%s", (_name, check) => check());
});
