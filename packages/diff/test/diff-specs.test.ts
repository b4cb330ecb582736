import { describe, expect, test } from "vitest";
import { diffSpecs, type Change } from "../src/index.js";
import { doc, op, withBody, withErrors, withQuery, withResponse } from "./helpers.js";

type Json = Record<string, unknown>;
type Case = [string, { given: { old: Json; new: Json }; want: Change[] }];

const str = { type: "string" };
const obj = (properties: Json, required?: string[]) => ({
  type: "object",
  properties,
  ...(required ? { required } : {}),
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const onA = (where: string, what: string, kind: Change["kind"], extra: Partial<Change> = {}) =>
  ({ kind, operation: "GET /a", where, what, ...extra }) as Change;
const postA = (where: string, what: string, kind: Change["kind"], extra: Partial<Change> = {}) =>
  ({ kind, operation: "POST /a", where, what, ...extra }) as Change;

const operations: Case[] = [
  [
    "operation removed: breaking",
    {
      given: { old: doc({ "/a": { get: op() } }), new: doc({}) },
      want: [onA("operation", "operation removed", "breaking")],
    },
  ],
  [
    "operation added: feature",
    {
      given: { old: doc({}), new: doc({ "/a": { get: op() } }) },
      want: [onA("operation", "operation added", "feature")],
    },
  ],
  [
    "operation moved to another path (same operationId): breaking, one change",
    {
      given: {
        old: doc({ "/old": { get: op({ operationId: "x" }) } }),
        new: doc({ "/a": { get: op({ operationId: "x" }) } }),
      },
      want: [onA("operation", "path changed", "breaking", { old: "/old", new: "/a" })],
    },
  ],
  [
    "renamed path parameter: a rename of that parameter, not an operation removed and added",
    {
      given: {
        old: doc({
          "/k/{k.uuid}/r": {
            post: op({ parameters: [{ name: "k.uuid", in: "path", required: true, schema: str }] }),
          },
        }),
        new: doc({
          "/k/{uuid}/r": {
            post: op({ parameters: [{ name: "uuid", in: "path", required: true, schema: str }] }),
          },
        }),
      },
      want: [
        {
          kind: "breaking",
          operation: "POST /k/{uuid}/r",
          where: "path parameter {k.uuid}",
          what: "path parameter renamed",
          old: "k.uuid",
          new: "uuid",
        },
      ],
    },
  ],
  [
    "provenance (x-ntap-doc-source) is not a change",
    {
      given: {
        old: doc({ "/a": { get: op({ "x-ntap-doc-source": "a.txt:1" }) } }),
        new: doc({ "/a": { get: op({ "x-ntap-doc-source": "b.txt:9" }) } }),
      },
      want: [],
    },
  ],
];

const parameters: Case[] = [
  [
    "optional parameter added: feature",
    {
      given: { old: withQuery(), new: withQuery({ name: "q", schema: str }) },
      want: [onA("query parameter q", "optional parameter added", "feature")],
    },
  ],
  [
    "required parameter added: breaking",
    {
      given: { old: withQuery(), new: withQuery({ name: "q", required: true, schema: str }) },
      want: [onA("query parameter q", "required parameter added", "breaking")],
    },
  ],
  [
    "parameter removed: breaking",
    {
      given: { old: withQuery({ name: "q", schema: str }), new: withQuery() },
      want: [onA("query parameter q", "parameter removed", "breaking")],
    },
  ],
  [
    "parameter becomes required: breaking",
    {
      given: {
        old: withQuery({ name: "q", schema: str }),
        new: withQuery({ name: "q", required: true, schema: str }),
      },
      want: [onA("query parameter q", "parameter now required", "breaking")],
    },
  ],
  [
    "parameter type changed: breaking",
    {
      given: {
        old: withQuery({ name: "q", schema: str }),
        new: withQuery({ name: "q", schema: { type: "integer" } }),
      },
      want: [
        onA("query parameter q", "type changed", "breaking", { old: "string", new: "integer" }),
      ],
    },
  ],
  [
    "type narrowed (number → integer): breaking",
    {
      given: {
        old: withQuery({ name: "q", schema: { type: "number" } }),
        new: withQuery({ name: "q", schema: { type: "integer" } }),
      },
      want: [
        onA("query parameter q", "type narrowed", "breaking", { old: "number", new: "integer" }),
      ],
    },
  ],
  [
    "enum value removed: breaking",
    {
      given: {
        old: withQuery({ name: "q", schema: { type: "string", enum: ["a", "b"] } }),
        new: withQuery({ name: "q", schema: { type: "string", enum: ["a"] } }),
      },
      want: [onA("query parameter q", "enum value removed", "breaking", { old: "b" })],
    },
  ],
  [
    "enum value added: feature",
    {
      given: {
        old: withQuery({ name: "q", schema: { type: "string", enum: ["a"] } }),
        new: withQuery({ name: "q", schema: { type: "string", enum: ["a", "c"] } }),
      },
      want: [onA("query parameter q", "enum value added", "feature", { new: "c" })],
    },
  ],
  [
    "maximum lowered: breaking (narrowed)",
    {
      given: {
        old: withQuery({ name: "q", schema: { type: "integer", maximum: 120 } }),
        new: withQuery({ name: "q", schema: { type: "integer", maximum: 60 } }),
      },
      want: [onA("query parameter q", "maximum narrowed", "breaking", { old: 120, new: 60 })],
    },
  ],
  [
    "description only: fix",
    {
      given: {
        old: withQuery({ name: "q", description: "old words", schema: str }),
        new: withQuery({ name: "q", description: "new words", schema: str }),
      },
      want: [
        onA("query parameter q", "description changed", "fix", {
          old: "old words",
          new: "new words",
        }),
      ],
    },
  ],
];

const bodies: Case[] = [
  [
    "request property removed: breaking",
    {
      given: { old: withBody(obj({ a: str, b: str })), new: withBody(obj({ a: str })) },
      want: [postA("request body application/json: b", "property removed", "breaking")],
    },
  ],
  [
    "optional request property added: feature",
    {
      given: { old: withBody(obj({ a: str })), new: withBody(obj({ a: str, b: str })) },
      want: [postA("request body application/json: b", "optional property added", "feature")],
    },
  ],
  [
    "required request property added: breaking",
    {
      given: { old: withBody(obj({ a: str })), new: withBody(obj({ a: str, b: str }, ["b"])) },
      want: [postA("request body application/json: b", "required property added", "breaking")],
    },
  ],
  [
    "request property becomes required: breaking",
    {
      given: { old: withBody(obj({ a: str })), new: withBody(obj({ a: str }, ["a"])) },
      want: [postA("request body application/json: a", "property now required", "breaking")],
    },
  ],
  [
    "response property becomes required: feature (always returned now)",
    {
      given: { old: withResponse(obj({ a: str })), new: withResponse(obj({ a: str }, ["a"])) },
      want: [onA("response 200 application/json: a", "property now required", "feature")],
    },
  ],
  [
    "nested response property type changed: breaking, at its path",
    {
      given: {
        old: withResponse(obj({ records: { type: "array", items: obj({ n: str }) } })),
        new: withResponse(
          obj({ records: { type: "array", items: obj({ n: { type: "integer" } }) } }),
        ),
      },
      want: [
        onA("response 200 application/json: records[].n", "type changed", "breaking", {
          old: "string",
          new: "integer",
        }),
      ],
    },
  ],
  [
    "example only: fix",
    {
      given: {
        old: withResponse({ ...obj({ a: str }), example: { a: "x" } }),
        new: withResponse({ ...obj({ a: str }), example: { a: "y" } }),
      },
      want: [
        onA("response 200 application/json", "example changed", "fix", {
          old: { a: "x" },
          new: { a: "y" },
        }),
      ],
    },
  ],
  [
    "$ref followed: an inline shape and a component of the same shape are equal",
    {
      given: {
        old: withResponse(obj({ job: obj({ uuid: str }) })),
        new: withResponse(obj({ job: ref("job_link") }), { job_link: obj({ uuid: str }) }),
      },
      want: [{ kind: "feature", component: "job_link", where: "schema", what: "component added" }],
    },
  ],
  [
    "$ref followed: a property missing from the new component is removed at the operation",
    {
      given: {
        old: withResponse(obj({ job: obj({ uuid: str, state: str }) })),
        new: withResponse(obj({ job: ref("job_link") }), { job_link: obj({ uuid: str }) }),
      },
      want: [
        onA("response 200 application/json: job.state", "property removed", "breaking"),
        { kind: "feature", component: "job_link", where: "schema", what: "component added" },
      ],
    },
  ],
  [
    "recursive schemas under different names: the cycle guard stops, nothing differs",
    {
      given: {
        old: withResponse(ref("tree"), {
          tree: obj({ kids: { type: "array", items: ref("tree") } }),
        }),
        new: withResponse(ref("node"), {
          node: obj({ kids: { type: "array", items: ref("node") } }),
        }),
      },
      want: [
        { kind: "feature", component: "node", where: "schema", what: "component added" },
        { kind: "breaking", component: "tree", where: "schema", what: "component removed" },
      ],
    },
  ],
];

const components: Case[] = [
  [
    "a component's change is reported once, at the component, not at each operation using it",
    {
      given: {
        old: doc(
          {
            "/a": {
              get: op({
                responses: {
                  "200": {
                    description: "Ok",
                    content: { "application/json": { schema: ref("c") } },
                  },
                },
              }),
            },
            "/b": {
              get: op({
                responses: {
                  "200": {
                    description: "Ok",
                    content: { "application/json": { schema: ref("c") } },
                  },
                },
              }),
            },
          },
          { c: obj({ x: str, y: str }) },
        ),
        new: doc(
          {
            "/a": {
              get: op({
                responses: {
                  "200": {
                    description: "Ok",
                    content: { "application/json": { schema: ref("c") } },
                  },
                },
              }),
            },
            "/b": {
              get: op({
                responses: {
                  "200": {
                    description: "Ok",
                    content: { "application/json": { schema: ref("c") } },
                  },
                },
              }),
            },
          },
          { c: obj({ x: str }) },
        ),
      },
      want: [{ kind: "breaking", component: "c", where: "y", what: "property removed" }],
    },
  ],
  [
    "a component used by requests: a property becoming required is breaking",
    {
      given: {
        old: withBody(ref("c"), { c: obj({ x: str }) }),
        new: withBody(ref("c"), { c: obj({ x: str }, ["x"]) }),
      },
      want: [{ kind: "breaking", component: "c", where: "x", what: "property now required" }],
    },
  ],
  [
    "a component used by responses only: a property becoming required is a feature",
    {
      given: {
        old: withResponse(ref("c"), { c: obj({ x: str }) }),
        new: withResponse(ref("c"), { c: obj({ x: str }, ["x"]) }),
      },
      want: [{ kind: "feature", component: "c", where: "x", what: "property now required" }],
    },
  ],
  [
    "component enum value removed: breaking",
    {
      given: {
        old: doc({}, { state: { type: "string", enum: ["on", "off"] } }),
        new: doc({}, { state: { type: "string", enum: ["on"] } }),
      },
      want: [
        {
          kind: "breaking",
          component: "state",
          where: "schema",
          what: "enum value removed",
          old: "off",
        },
      ],
    },
  ],
];

const responses: Case[] = [
  [
    "response added: feature",
    {
      given: {
        old: doc({ "/a": { get: op() } }),
        new: doc({
          "/a": {
            get: op({
              responses: { "200": { description: "Ok" }, "201": { description: "Created" } },
            }),
          },
        }),
      },
      want: [onA("response 201", "response added", "feature")],
    },
  ],
  [
    "response removed: breaking",
    {
      given: {
        old: doc({
          "/a": {
            get: op({
              responses: { "200": { description: "Ok" }, "202": { description: "Accepted" } },
            }),
          },
        }),
        new: doc({ "/a": { get: op() } }),
      },
      want: [onA("response 202", "response removed", "breaking")],
    },
  ],
  [
    "error code added: feature",
    {
      given: {
        old: withErrors([{ code: "1", description: "one" }]),
        new: withErrors([
          { code: "1", description: "one" },
          { code: "2", description: "two" },
        ]),
      },
      want: [onA("response default: error 2", "error code added", "feature", { new: "two" })],
    },
  ],
  [
    "error code removed: breaking; error description reworded: fix",
    {
      given: {
        old: withErrors([
          { code: "1", description: "one" },
          { code: "2", description: "two" },
        ]),
        new: withErrors([{ code: "1", description: "One." }]),
      },
      want: [
        onA("response default: error 1", "error description changed", "fix", {
          old: "one",
          new: "One.",
        }),
        onA("response default: error 2", "error code removed", "breaking", { old: "two" }),
      ],
    },
  ],
];

describe("diffSpecs", () => {
  describe.each([
    ["operations", operations],
    ["parameters", parameters],
    ["bodies and $refs", bodies],
    ["components", components],
    ["responses and error codes", responses],
  ] as const)("%s", (_group, cases) => {
    test.each(cases)("%s", (_title, { given, want }) => {
      expect(diffSpecs(given.old, given.new).changes).toEqual(want);
    });
  });

  const bumps: [string, { given: [Json, Json]; want: { bump: string; summary: Json } }][] = [
    [
      "no change: none",
      {
        given: [doc({}), doc({})],
        want: { bump: "none", summary: { breaking: 0, feature: 0, fix: 0 } },
      },
    ],
    [
      "a fix only: patch",
      {
        given: [
          doc({ "/a": { get: op({ summary: "x" }) } }),
          doc({ "/a": { get: op({ summary: "y" }) } }),
        ],
        want: { bump: "patch", summary: { breaking: 0, feature: 0, fix: 1 } },
      },
    ],
    [
      "a feature: minor",
      {
        given: [doc({}), doc({ "/a": { get: op() } })],
        want: { bump: "minor", summary: { breaking: 0, feature: 1, fix: 0 } },
      },
    ],
    [
      "a breaking change: major",
      {
        given: [doc({ "/a": { get: op() } }), doc({})],
        want: { bump: "major", summary: { breaking: 1, feature: 0, fix: 0 } },
      },
    ],
  ];
  test.each(bumps)("bump (%s)", (_title, { given, want }) => {
    expect(diffSpecs(...given)).toMatchObject(want);
  });

  test("not a document: TypeError", () => {
    expect(() => diffSpecs({ openapi: "3.1.0" }, doc({}))).toThrow(TypeError);
  });

  test("stable: the same inputs in another key order give the same JSON", () => {
    const a = withQuery(
      { name: "q", schema: { type: "string", enum: ["a", "b"] } },
      { name: "r", schema: str },
    );
    const b = withQuery({ schema: { enum: ["c"], type: "integer" }, name: "q" });
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : typeof v === "object" && v !== null
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reversed = reverseKeys(b) as Json;
    expect(JSON.stringify(diffSpecs(a, reversed))).toBe(JSON.stringify(diffSpecs(a, b)));
  });
});
