import { describe, expect, it } from "vitest";
import { pascalCase } from "../../src/types/pascal-case.js";

describe("pascalCase", () => {
  it.each([
    ["post_security_azure_key_vaults", "PostSecurityAzureKeyVaults"],
    ["get_cluster_jobs_uuid", "GetClusterJobsUuid"],
    ["getClusterJobs", "GetClusterJobs"],
    ["get-cluster.jobs", "GetClusterJobs"],
    ["__x__y", "XY"],
    ["a1_b2", "A1B2"],
    ["2fa_enable", "_2faEnable"],
    ["___", undefined],
    ["", undefined],
  ])("%j → %j", (id, name) => {
    expect(pascalCase(id)).toBe(name);
  });
});
