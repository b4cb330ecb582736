import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { readOverlay } from "../../src/overlay/read-overlay.js";

describe("readOverlay", () => {
  const dir = mkdtempSync(join(tmpdir(), "overlay-"));
  writeFileSync(
    join(dir, "a.yaml"),
    "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - {target: $.a, remove: true}\n",
  );

  test("names the file relative to cwd, posix-style, whatever form it was given in", () => {
    for (const given of ["a.yaml", "./a.yaml", join(dir, "a.yaml")]) {
      expect(readOverlay(given, dir).overlay?.file).toBe("a.yaml");
    }
    expect(readOverlay(join(dir, "a.yaml"), join(dir, "..")).overlay?.file).toMatch(
      /^overlay-[^/]+\/a\.yaml$/,
    );
  });

  test("an unreadable file: an error at line 1, no overlay", () => {
    const { overlay, diagnostics } = readOverlay("missing.yaml", dir);
    expect(overlay).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "missing.yaml:1: error: cannot read the overlay: ENOENT",
    ]);
  });

  test("a folder is not an overlay", () => {
    expect(readOverlay(".", dir).diagnostics.map(formatDiagnostic)).toEqual([
      `${dir.split("/").pop()}:1: error: cannot read the overlay: EISDIR`,
    ]);
  });
});
