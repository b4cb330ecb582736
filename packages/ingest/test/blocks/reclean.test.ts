import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  cleanName,
  cleanText,
  recleanName,
  recleanText,
  resplitCell,
  splitCell,
} from "../../src/blocks/cell-text.js";

/**
 * The re-cleaning shortcuts (used on text that is already `cleanText` output) must give what
 * cleaning it again gives, including where cleaning is not idempotent.
 */
describe("cleaning cleaned text again", () => {
  const pieces = fc.constantFrom(
    "a",
    "b_c",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "\u2003",
    "\\",
    "\\_",
    "\\\\_",
    "&",
    "&amp;",
    "&amp;lt;",
    "&lt;li&gt;",
    "<",
    "<li>x</li>",
    "<code>y</code>",
    "<br/>",
    "<ul>",
    "•",
    "• Default value: 1",
    "`",
    "[",
  );
  const texts = fc.array(pieces, { maxLength: 10 }).map((p) => cleanText(p.join("")));

  test.each(["a\\\\_b", "&amp;lt;x&amp;gt;", "x &lt;li&gt;y&lt;/li&gt;", "plain text", ""])(
    "%j",
    (raw) => {
      const clean = cleanText(raw);
      expect(recleanText(clean)).toBe(cleanText(clean));
      expect(recleanName(clean)).toBe(cleanName(clean));
      expect(resplitCell(clean)).toEqual(splitCell(clean));
    },
  );

  test("agree with cleaning again on random cleaned text", () => {
    fc.assert(
      fc.property(texts, (clean) => {
        expect(recleanText(clean)).toBe(cleanText(clean));
        expect(recleanName(clean)).toBe(cleanName(clean));
        expect(resplitCell(clean)).toEqual(splitCell(clean));
      }),
      { numRuns: 3000 },
    );
  });
});
