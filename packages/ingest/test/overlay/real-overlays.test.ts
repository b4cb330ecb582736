import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { applyOverlays } from "../../src/overlay/apply-overlays.js";
import type { Overlay } from "../../src/overlay/parse-overlay.js";
import { readOverlay } from "../../src/overlay/read-overlay.js";
import { type Json, ROOT, ingestDocset, op, param } from "../helpers.js";

// The overlays and doc sets scripts/ingest-docsets.mjs uses: spec/overlays/*.yaml in file name
// order, every folder of spec/sources/ whose manifest does not say `publish: false`.
const OVERLAY_FILES = readdirSync(`${ROOT}spec/overlays`)
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => `spec/overlays/${name}`);
const DOCSETS = readdirSync(`${ROOT}spec/sources`).filter((docset) => {
  const manifest = `${ROOT}spec/sources/${docset}/docset.yaml`;
  return !existsSync(manifest) || parse(readFileSync(manifest, "utf8"))?.publish !== false;
});

const overlays: Overlay[] = OVERLAY_FILES.map((file) => {
  const { overlay, diagnostics } = readOverlay(file, ROOT);
  expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  return overlay!;
});
const results = new Map(
  DOCSETS.map((docset) => [
    docset,
    applyOverlays(ingestDocset(docset).document, overlays, { docset }),
  ]),
);

// The codes named by hand (the names packages/errors/src/names.ts held), and only those.
const CURATED_NAMES: Record<string, string> = {
  "458762": "JOB_ALREADY_TERMINAL",
  "458771": "JOB_RUNNING",
  "458776": "JOB_NOT_RUNNING",
  "458783": "JOB_PAUSE_NOT_SUPPORTED",
  "458784": "JOB_CANCEL_NOT_SUPPORTED",
  "65537120": "AKV_NOT_CONFIGURED",
  "65537500": "KEY_MANAGER_ALREADY_CONFIGURED",
  "65537506": "AKV_METROCLUSTER_NOT_SUPPORTED",
  "65537517": "AKV_CLIENT_SECRET_REQUIRED",
  "65537541": "PATCH_NO_INPUTS",
};

function errorCodes(document: Json): Json[] {
  return Object.values(document.paths as Json).flatMap((item: Json) =>
    Object.values(item).flatMap((operation: Json) =>
      Object.values((operation?.responses ?? {}) as Json).flatMap(
        (response: Json) => response["x-ntap-error-codes"] ?? [],
      ),
    ),
  );
}

describe("the overlays of spec/overlays on the doc sets they apply to", () => {
  test("there are published doc sets and overlays to test", () => {
    expect(DOCSETS).toEqual(expect.arrayContaining(["9.9.1", "latest"]));
    expect(OVERLAY_FILES.length).toBeGreaterThan(0);
  });

  test.each(DOCSETS)("%s: every action matches", (docset) => {
    expect(results.get(docset)!.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  test("every overlay applies to some doc set (an extends that names none would be dead)", () => {
    const applied = new Set([...results.values()].flatMap((r) => r.applied));
    expect(OVERLAY_FILES.filter((file) => !applied.has(file))).toEqual([]);
  });

  test("latest: the action parameter of PATCH /cluster/jobs/{uuid} has its enum back, as 9.9.1 prints it", () => {
    const latest = param(
      op(results.get("latest")!.document, "patch", "/cluster/jobs/{uuid}"),
      "action",
    );
    const documented = param(
      op(ingestDocset("9.9.1").document, "patch", "/cluster/jobs/{uuid}"),
      "action",
    );
    expect(documented.schema.enum).toEqual(["pause", "resume", "cancel"]);
    expect(latest.schema).toEqual(documented.schema);
  });

  test("the curated codes carry their names wherever they are documented, and no other code has one", () => {
    const named: Record<string, string> = {};
    for (const [docset, { document }] of results) {
      for (const entry of errorCodes(document)) {
        if (entry.name === undefined) continue;
        expect(entry.name, `${docset} ${entry.code}`).toBe(CURATED_NAMES[entry.code]);
        named[entry.code] = entry.name;
      }
      for (const entry of errorCodes(document)) {
        if (entry.code in CURATED_NAMES)
          expect(entry.name, `${docset} ${entry.code}`).toBeDefined();
      }
    }
    expect(named).toEqual(CURATED_NAMES);
  });

  test("the spec records the overlays applied to it", () => {
    for (const [docset, { document, applied }] of results) {
      expect((document as Json).info["x-ntap-overlays"], docset).toEqual(applied);
    }
  });
});
