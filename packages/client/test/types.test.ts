// The client's types (src/types.ts), checked by `tsc --noEmit` of the package (`pnpm test`):
// the paths each method accepts come from the doc set's `PathsByMethod` list when its types
// module has one, and are the same as the ones computed from `paths`.
import type { DocSets } from "@ontap-rest/types";
import { describe, expectTypeOf, it } from "vitest";
import { createOntapClient } from "../src/index.js";
import type { ByMethodOf, HttpMethod, PathsByMethodOf, PathsWithMethod } from "../src/types.js";

type Paths<D extends keyof DocSets> = DocSets[D]["paths"];

describe("the paths of each method", () => {
  it("a doc set's list is what computing them from its paths gives", () => {
    expectTypeOf<ByMethodOf<DocSets["9.9.1"]>>().toEqualTypeOf<PathsByMethodOf<Paths<"9.9.1">>>();
    expectTypeOf<ByMethodOf<DocSets["latest"]>>().toEqualTypeOf<PathsByMethodOf<Paths<"latest">>>();
    expectTypeOf<ByMethodOf<DocSets["9.9.1"]>["delete"]>().toEqualTypeOf<
      PathsWithMethod<Paths<"9.9.1">, "delete">
    >();
  });

  it("a doc set without the list (a module generated before it) gets them computed", () => {
    type Old = { paths: Paths<"9.9.1">; components: unknown; operations: unknown };
    expectTypeOf<ByMethodOf<Old>>().toEqualTypeOf<PathsByMethodOf<Paths<"9.9.1">>>();
  });

  it("a method takes only its paths", () => {
    const auth = { username: "admin", password: "netapp1!" };
    const ontap = createOntapClient({ docset: "9.9.1", host: "cluster1.example.com", auth });
    // Typed, never sent: the calls are inside a function that is not called.
    const calls = () => {
      void ontap.GET("/cluster/jobs");
      // @ts-expect-error: no DELETE on /cluster/jobs
      void ontap.DELETE("/cluster/jobs");
      // @ts-expect-error: not a path of the doc set
      void ontap.GET("/storage/volumes");
      void ontap.request("patch", "/cluster/jobs/{uuid}", { params: { path: { uuid: "j1" } } });
      // @ts-expect-error: no PATCH on /security/azure-key-vaults
      void ontap.request("patch", "/security/azure-key-vaults");
    };
    expectTypeOf(calls).toBeFunction();
    expectTypeOf<HttpMethod>().toEqualTypeOf<keyof ByMethodOf<DocSets["9.9.1"]>>();
  });
});
