import { describe, expect, test } from "vitest";
import { parseExampleParts } from "../../src/extract/example-json.js";

describe("parseExampleParts", () => {
  const cases: [string, { given: string[]; want: unknown }][] = [
    ["plain", { given: ['{"a": 1}'], want: { a: 1 } }],
    [
      "a string wrapped over lines",
      { given: ['{"m": "not reachable -\nreason."}'], want: { m: "not reachable - reason." } },
    ],
    [
      "split inside an object",
      { given: ['{\n  "a": {', '    "b": 1\n  }\n}'], want: { a: { b: 1 } } },
    ],
    [
      "closed early before the break, closers repeated after it",
      {
        given: [
          '{\n  "svm": {\n    "_links": {\n      "self": 1\n    }\n  }\n}',
          '    }\n  },\n  "name": "svm1"\n}',
        ],
        want: { svm: { _links: { self: 1 } }, name: "svm1" },
      },
    ],
    [
      "last closers missing",
      {
        given: ['{\n  "records": {\n    "a": 1', '    ,"b": 2\n  }'],
        want: { records: { a: 1, b: 2 } },
      },
    ],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    const parsed = parseExampleParts(given);
    expect(parsed).toEqual({ ok: true, value: want });
  });

  test("garbage stays an error", () => {
    expect(parseExampleParts(["{ not json", "at all"]).ok).toBe(false);
  });
});
