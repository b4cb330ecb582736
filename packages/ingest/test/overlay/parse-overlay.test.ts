import { describe, expect, test } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { parseOverlay } from "../../src/overlay/parse-overlay.js";

/** A hang guard for hostile inputs, not a speed limit: speed is measured in bench/, not here. */
const HANG_GUARD_MS = 30_000;

const lines = (...l: string[]) => `${l.join("\n")}\n`;
const HEADER = ["overlay: 1.0.0", "info:", "  title: t", "  version: 1.0.0"];
const ONE_ACTION = ["actions:", "  - target: $.a", "    update: {x: 1}"];

describe("parseOverlay", () => {
  test("a valid overlay: header, extends, actions with their 1-based index and line", () => {
    const { overlay, diagnostics } = parseOverlay(
      "o.yaml",
      lines(
        "overlay: 1.0.2",
        "info:",
        "  title: Fixes",
        "  version: '2'",
        "  x-owner: me",
        "extends: ../ontap-latest.openapi.yaml",
        "x-note: extensions are allowed",
        "actions:",
        "  - target: $.paths['/a'].get",
        "    description: why",
        "    update:",
        "      summary: A",
        "      tags: [a, {b: null}]",
        "    x-ticket: 12",
        "  - target: $..[?@.deprecated == true]",
        "    remove: true",
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(overlay).toEqual({
      file: "o.yaml",
      overlay: "1.0.2",
      info: { title: "Fixes", version: "2" },
      extends: "../ontap-latest.openapi.yaml",
      actions: [
        {
          target: "$.paths['/a'].get",
          description: "why",
          update: { summary: "A", tags: ["a", { b: null }] },
          index: 1,
          line: 9,
        },
        { target: "$..[?@.deprecated == true]", remove: true, index: 2, line: 15 },
      ],
    });
  });

  test("plain number and boolean keys are kept as written (`200:` under responses)", () => {
    const { overlay, diagnostics } = parseOverlay(
      "o.yaml",
      lines(...HEADER, "actions:", "  - target: $.a", "    update: {200: ok, true: t, -1: n}"),
    );
    expect(diagnostics).toEqual([]);
    expect(overlay!.actions[0]!.update).toEqual({ "200": "ok", true: "t", "-1": "n" });
  });

  test("aliases are read as the values they stand for", () => {
    const { overlay } = parseOverlay(
      "o.yaml",
      lines(
        ...HEADER,
        "actions:",
        "  - target: $.a",
        "    update: &u {x: 1}",
        "  - target: $.b",
        "    update: *u",
      ),
    );
    expect(overlay!.actions.map((a) => a.update)).toEqual([{ x: 1 }, { x: 1 }]);
  });

  // An action's line is where the list names it: the line a "matches nothing" error points at.
  const actionLines: [string, { given: string; want: number[] }][] = [
    [
      "block items",
      { given: lines(...HEADER, ...ONE_ACTION, "  - {target: $.b, remove: true}"), want: [6, 8] },
    ],
    [
      "flow items",
      {
        given: lines(
          ...HEADER,
          "actions: [",
          "  {target: $.a, update: 1},",
          "  {target: $.b, update: 2}]",
        ),
        want: [6, 7],
      },
    ],
    [
      "an item that is an alias: its own line, not its anchor's",
      {
        given: lines(
          ...HEADER,
          "actions:",
          "  - &twice",
          "    target: $.list",
          "    update: x",
          "  - *twice",
        ),
        want: [7, 9],
      },
    ],
  ];
  test.each(actionLines)("action lines: %s", (_t, { given, want }) => {
    const { overlay, diagnostics } = parseOverlay("o.yaml", given);
    expect(diagnostics).toEqual([]);
    expect(overlay!.actions.map((a) => a.line)).toEqual(want);
  });

  // Each case: the diagnostics, and whether an overlay is still returned (with which actions).
  const wrong: [string, { given: string; want: { diagnostics: string[]; actions?: string[] } }][] =
    [
      [
        "not YAML",
        {
          given: lines("overlay: [", "info: x"),
          want: { diagnostics: [/^o\.yaml:2: error: not YAML: /.source] },
        },
      ],
      [
        "a duplicate key",
        {
          given: lines(...HEADER, "overlay: 1.0.1", ...ONE_ACTION),
          want: { diagnostics: ["o.yaml:5: error: not YAML: Map keys must be unique"] },
        },
      ],
      [
        "several documents",
        {
          given: lines(...HEADER, ...ONE_ACTION, "---", "a: 1"),
          want: {
            diagnostics: ["o.yaml:8: error: not YAML: expected one YAML document, found several"],
          },
        },
      ],
      [
        "empty",
        {
          given: "",
          want: {
            diagnostics: ["o.yaml:1: error: the overlay: expected a mapping, found nothing"],
          },
        },
      ],
      [
        "a scalar",
        {
          given: "hello\n",
          want: {
            diagnostics: ['o.yaml:1: error: the overlay: expected a mapping, found "hello"'],
          },
        },
      ],
      [
        "another Overlay version",
        {
          given: lines("overlay: 1.1.0", ...HEADER.slice(1), ...ONE_ACTION),
          want: {
            diagnostics: [
              'o.yaml:1: error: overlay: expected 1.0.x (this reads OpenAPI Overlay 1.0), found "1.1.0"',
            ],
          },
        },
      ],
      [
        "versions as numbers",
        {
          given: lines("overlay: 1.0", "info:", "  title: t", "  version: 1", ...ONE_ACTION),
          want: {
            diagnostics: [
              "o.yaml:1: error: overlay: expected a string (quote it), found number 1",
              "o.yaml:4: error: info.version: expected a string (quote it), found number 1",
            ],
          },
        },
      ],
      [
        "no overlay",
        {
          given: lines(...HEADER.slice(1), ...ONE_ACTION),
          want: { diagnostics: ["o.yaml:1: error: expected `overlay`, found none"] },
        },
      ],
      [
        "no info",
        {
          given: lines("overlay: 1.0.0", ...ONE_ACTION),
          want: { diagnostics: ["o.yaml:1: error: expected `info`, found none"] },
        },
      ],
      [
        "info without title",
        {
          given: lines("overlay: 1.0.0", "info:", "  version: 1.0.0", ...ONE_ACTION),
          want: {
            diagnostics: ["o.yaml:3: error: info: expected `title`, found none"],
          },
        },
      ],
      [
        "info not a mapping",
        {
          given: lines("overlay: 1.0.0", "info: [a]", ...ONE_ACTION),
          want: { diagnostics: ["o.yaml:2: error: info: expected a mapping, found a list"] },
        },
      ],
      [
        "an unknown info field",
        {
          given: lines(...HEADER, "  summary: s", ...ONE_ACTION),
          want: {
            diagnostics: [
              "o.yaml:5: error: info.summary: unknown field, expected title, version or x-…",
            ],
            actions: ["$.a"],
          },
        },
      ],
      [
        "extends not a string",
        {
          given: lines(...HEADER, "extends: 5", ...ONE_ACTION),
          want: {
            diagnostics: ["o.yaml:5: error: extends: expected a string (quote it), found number 5"],
          },
        },
      ],
      [
        "extends empty",
        {
          given: lines(...HEADER, "extends: ''", ...ONE_ACTION),
          want: {
            diagnostics: ["o.yaml:5: error: extends: expected a URL, found an empty string"],
          },
        },
      ],
      [
        "a misspelt actions",
        {
          given: lines(...HEADER, "action:", "  - target: $.a", "    update: {}"),
          want: {
            diagnostics: [
              "o.yaml:5: error: action: unknown field, expected overlay, info, extends, actions or x-…",
              "o.yaml:1: error: expected `actions`, found none",
            ],
          },
        },
      ],
      [
        "no action",
        {
          given: lines(...HEADER, "actions: []"),
          want: {
            diagnostics: [
              "o.yaml:5: error: actions: expected a list of at least one action, found an empty list",
            ],
          },
        },
      ],
      [
        "actions not a list",
        {
          given: lines(...HEADER, "actions:", "  target: $.a"),
          want: {
            diagnostics: [
              "o.yaml:6: error: actions: expected a list of at least one action, found a mapping",
            ],
          },
        },
      ],
      [
        "wrong actions are left out, the others kept",
        {
          given: lines(
            ...HEADER,
            "actions:",
            "  - update: {}", // 6
            "  - target: $.x-y", // 7
            "    update: {}",
            "  - target: $.a", // 9
            "  - target: $.b", // 10
            "    remove: yes",
            "  - target: $.c", // 12
            "    update: .nan",
            "  - target: $.d", // 14
            "    updte: {}",
            "  - target: $.e", // 16
            "    remove: false",
            "  - 5", // 18
            "  - target: $.ok", // 19
            "    update: {}",
            "  - target: 3", // 21
            "    remove: true",
          ),
          want: {
            diagnostics: [
              "o.yaml:6: error: action 1: expected `target`, found none",
              `o.yaml:7: error: action 2: target "$.x-y": column 4: a name after . cannot contain -: write ['x-y'] (RFC 9535 member-name shorthand)`,
              "o.yaml:9: error: action 3: expected `update` or `remove: true`, found neither",
              'o.yaml:11: error: action 4: remove: expected true or false, found "yes"',
              "o.yaml:13: error: action 5: update: NaN is not a JSON number",
              "o.yaml:15: error: action 6: updte: unknown field, expected target, description, update, remove or x-…",
              "o.yaml:14: error: action 6: expected `update` or `remove: true`, found neither",
              "o.yaml:16: error: action 7: remove: false and no update: the action does nothing",
              "o.yaml:18: error: action 8: expected a mapping, found number 5",
              "o.yaml:21: error: action 10: target: expected a string (quote it), found number 3",
            ],
            actions: ["$.ok"],
          },
        },
      ],
      [
        "update keys JSON would not keep as written: an error at the key's line",
        {
          given: lines(
            ...HEADER,
            "actions:",
            "  - target: $.a", // 6
            "    update:",
            "      responses:",
            "        1.0: x", // 9
            "  - target: $.b", // 10
            "    update:",
            "      ~: x", // 12
            "  - target: $.c", // 13
            "    update: {[x]: 1}",
            "  - target: $.d", // 15
            "    update: {a: {0x10: 1}}",
            "  - target: $.e", // 17
            "    update:",
            "      ? {k: v}",
            "      : 1",
            "  - target: $.ok", // 21
            "    update: {'1.0': x, '~': y, 200: ok, true: t}",
          ),
          want: {
            diagnostics: [
              `o.yaml:9: error: action 1: update: key 1.0 would be "1" in JSON: quote it`,
              `o.yaml:12: error: action 2: update: key ~ would be "" in JSON: quote it`,
              "o.yaml:14: error: action 3: update: expected a string as a key, found a list",
              `o.yaml:16: error: action 4: update: key 0x10 would be "16" in JSON: quote it`,
              "o.yaml:19: error: action 5: update: expected a string as a key, found a mapping",
            ],
            actions: ["$.ok"],
          },
        },
      ],
      [
        "update beside remove: true is ignored, and said so",
        {
          given: lines(
            ...HEADER,
            "actions:",
            "  - target: $.a",
            "    remove: true",
            "    update: {x: 1}",
          ),
          want: {
            diagnostics: [
              "o.yaml:8: warning: action 1: update is ignored, remove: true removes the target (Overlay 1.0)",
            ],
            actions: ["$.a"],
          },
        },
      ],
      [
        "an unknown YAML tag",
        {
          given: lines(...HEADER, "actions:", "  - target: $.a", "    update: !foo {x: 1}"),
          want: { diagnostics: ["o.yaml:7: warning: Unresolved tag: !foo"], actions: ["$.a"] },
        },
      ],
    ];
  test.each(wrong)("%s", (_t, { given, want }) => {
    const { overlay, diagnostics } = parseOverlay("o.yaml", given);
    const messages = diagnostics.map(formatDiagnostic);
    expect(messages).toHaveLength(want.diagnostics.length);
    want.diagnostics.forEach((w, i) =>
      w.startsWith("^") ? expect(messages[i]).toMatch(new RegExp(w)) : expect(messages[i]).toBe(w),
    );
    expect(overlay?.actions.map((a) => a.target)).toEqual(want.actions);
  });

  test(
    "hostile YAML: an alias bomb or deep nesting is a diagnostic, never a throw or a hang",
    { timeout: HANG_GUARD_MS },
    () => {
      const bomb = ["x-a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
      for (let i = 1; i < 12; i++)
        bomb.push(
          `x-a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(", ")}]`,
        );
      const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
      const exploded = parseOverlay(
        "o.yaml",
        lines(...HEADER, ...bomb, "actions:", "  - target: $.a", "    update: *a11"),
      );
      const nested = parseOverlay(
        "o.yaml",
        lines(...HEADER, "actions:", "  - target: $.a", `    update: ${deep}`),
      );
      expect(exploded.diagnostics.map(formatDiagnostic)).toEqual([
        "o.yaml:19: error: action 1: update: Excessive alias count indicates a resource exhaustion attack",
      ]);
      expect(nested.overlay).toBeUndefined();
      expect(nested.diagnostics[0]).toMatchObject({ severity: "error", line: 7 });
    },
  );
});
