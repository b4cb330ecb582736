// /cluster: the cluster itself; here only what a client reads before anything else, its
// name, UUID and ONTAP version (the client's version check asks for `fields=version`).
import { randomUUID } from "node:crypto";
import { listParam, project } from "../query.js";
import type { ClusterVersion } from "../release.js";
import type { Route } from "../route-table.js";

export function clusterRoutes(version: ClusterVersion): Route[] {
  const full = {
    name: "sim-cluster",
    uuid: randomUUID(),
    version,
    _links: { self: { href: "/api/cluster" } },
  };
  return [
    {
      method: "GET",
      template: "/cluster",
      // No reference page here documents /cluster, so no spec has it: there is nothing to
      // check its requests and answers against. Said here rather than left to `find` not
      // finding it, so the contract stays strict for every path a spec does describe.
      unchecked: "GET /cluster is in no spec of this repository",
      // `fields` as ONTAP reads it: `fields=version` answers the version (and `_links`) only.
      handle: ({ query }) => ({
        status: 200,
        body: project({ full, advanced: [] }, listParam(query, "fields"), [], true),
      }),
    },
  ];
}
