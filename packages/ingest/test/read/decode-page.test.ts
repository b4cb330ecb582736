import { describe, expect, test } from "vitest";
import { Diagnostics } from "../../src/diagnostics.js";
import { decodePage } from "../../src/read/decode-page.js";

describe("decodePage", () => {
  const cases: [string, { given: number[]; want: string; warnings: number }][] = [
    ["plain UTF-8", { given: [...Buffer.from("GET /a\n•x")], want: "GET /a\n•x", warnings: 0 }],
    ["CRLF to LF", { given: [...Buffer.from("a\r\nb\rc")], want: "a\nb\nc", warnings: 0 }],
    ["BOM dropped", { given: [0xef, 0xbb, 0xbf, 0x61], want: "a", warnings: 0 }],
    [
      "invalid bytes dropped and reported",
      { given: [0x61, 0xff, 0xfe, 0x0a, 0x62], want: "a\nb", warnings: 1 },
    ],
    ["NUL bytes dropped and reported", { given: [0x61, 0x00, 0x62], want: "ab", warnings: 1 }],
  ];
  test.each(cases)("%s", (_title, { given, want, warnings }) => {
    const d = new Diagnostics();
    expect(decodePage(Uint8Array.from(given), "p.txt", d)).toBe(want);
    expect(d.items).toHaveLength(warnings);
    for (const item of d.items) expect(item).toMatchObject({ file: "p.txt", severity: "warning" });
  });
});
