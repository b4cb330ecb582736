// Type-level tests on the real generated types of doc set `latest` (see types-9.9.1.test.ts).
import { describe, expectTypeOf, it } from "vitest";
import type {
  PatchClusterJobsUuidParameters,
  PostSecurityAzureKeyVaultsUuidRekeyInternalParameters,
  RequestBody,
  ResponseBody,
} from "../src/generated/latest.js";

const cases: ReadonlyArray<readonly [string, () => void]> = [
  [
    "ResponseBody of GET /cluster/jobs/{uuid} has state",
    () => expectTypeOf<ResponseBody<"get", "/cluster/jobs/{uuid}">>().toHaveProperty("state"),
  ],
  [
    "the later docs name the path parameter {uuid}",
    () =>
      expectTypeOf<PostSecurityAzureKeyVaultsUuidRekeyInternalParameters["path"]>().toEqualTypeOf<{
        uuid: string;
      }>(),
  ],
  [
    "<Op>Parameters has the query parameters, with the enum spec/overlays restores",
    () =>
      expectTypeOf<PatchClusterJobsUuidParameters["query"]>().toEqualTypeOf<
        { action?: "pause" | "resume" | "cancel" } | undefined
      >(),
  ],
  [
    "an operation without a body has RequestBody never",
    () => expectTypeOf<RequestBody<"patch", "/cluster/jobs/{uuid}">>().toBeNever(),
  ],
];

describe("@ontap-rest/types/latest", () => {
  it.each(cases)("%s", (_name, check) => check());
});
