import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { ingest } from "../../src/ingest.js";
import { toYaml } from "../../src/serialize.js";
import { realPage } from "../helpers.js";

/**
 * Golden files: every real page, one per rendering and trap, ingested alone. A change in what
 * the ingester reads shows up as a diff of these files (update with `vitest -u`, then read the diff).
 */
const PAGES: [string, { given: string }][] = [
  [
    "pdf chapter (page breaks, HTML cells, split examples)",
    { given: "9.9.1/manage-azure-key-vaults.pdf.md" },
  ],
  ["text page", { given: "9.9.1/patch-cluster-jobs-uuid.txt" }],
  ["text page cut off mid-table", { given: "9.9.1/get-cluster-jobs.txt" }],
  ["text page with a nameless definition", { given: "9.7/get-cluster-jobs-uuid.txt" }],
  [
    "text page cut off mid-word, nameless definitions",
    { given: "latest/post-security-azure-key-vaults-uuid-rekey-internal.txt" },
  ],
  ["pipe page with glued headings", { given: "latest/patch-cluster-jobs-uuid.pipe.txt" }],
];

describe("golden specs per rendering", () => {
  test.each(PAGES)("%s", async (_t, { given }) => {
    const { document, diagnostics } = ingest([realPage(given)], { docset: "golden" });
    const name = given.replace(/\//g, "__");
    await expect(toYaml(document)).toMatchFileSnapshot(`expected/${name}.openapi.yaml`);
    await expect(diagnostics.map(formatDiagnostic).join("\n") + "\n").toMatchFileSnapshot(
      `expected/${name}.diagnostics.txt`,
    );
  });
});
