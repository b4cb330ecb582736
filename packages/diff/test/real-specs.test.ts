import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { diffSpecs, formatDiff } from "../src/index.js";
import { ROOT } from "./helpers.js";

const spec = (docset: string) =>
  parse(readFileSync(`${ROOT}spec/ontap-${docset}.openapi.yaml`, "utf8"));
const REKEY = "POST /security/azure-key-vaults/{uuid}/rekey-internal";

describe("9.9.1 → latest", () => {
  const result = diffSpecs(spec("9.9.1"), spec("latest"));

  const found: [string, { want: object }][] = [
    [
      "rekey-internal's renamed path parameter: breaking, a rename, the operation matched",
      {
        want: {
          kind: "breaking",
          operation: REKEY,
          where: "path parameter {azure_key_vault.uuid}",
          what: "path parameter renamed",
          old: "azure_key_vault.uuid",
          new: "uuid",
        },
      },
    ],
    [
      "rekey-internal's 201 response: a feature",
      {
        want: { kind: "feature", operation: REKEY, where: "response 201", what: "response added" },
      },
    ],
    [
      "rekey-internal's introduced-in (9.8 → 9.10): a fix",
      {
        want: {
          kind: "fix",
          operation: REKEY,
          what: "introduced-in release changed",
          old: "9.8",
          new: "9.10",
        },
      },
    ],
    [
      "the Azure Key Vault operations latest does not document: removed, breaking",
      {
        want: {
          kind: "breaking",
          operation: "GET /security/azure-key-vaults",
          what: "operation removed",
        },
      },
    ],
  ];
  test.each(found)("%s", (_title, { want }) => {
    expect(result.changes).toContainEqual(expect.objectContaining(want));
  });

  test("rekey-internal is neither removed nor added, and its 202 body (inline → job_link) is unchanged in shape", () => {
    const rekey = result.changes.filter((c) => c.operation?.endsWith("/rekey-internal"));
    expect(rekey.every((c) => c.operation === REKEY)).toBe(true);
    expect(rekey.filter((c) => /operation (removed|added)/.test(c.what))).toEqual([]);
    expect(rekey.filter((c) => c.where.startsWith("response 202") && c.kind !== "fix")).toEqual([]);
  });

  test("bump major; the summary counts the changes", () => {
    expect(result.bump).toBe("major");
    const { breaking, feature, fix } = result.summary;
    expect(breaking + feature + fix).toBe(result.changes.length);
  });

  test("the human table groups by operation, then components", () => {
    const text = formatDiff(result);
    expect(text).toContain(`${REKEY}\n  `);
    expect(text.indexOf(REKEY)).toBeLessThan(text.indexOf("component "));
    expect(text.trimEnd().split("\n").at(-1)).toMatch(
      /^\d+ breaking, \d+ feature, \d+ fix \(bump: major\)$/,
    );
  });
});
