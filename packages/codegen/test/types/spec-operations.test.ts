import { describe, expect, it } from "vitest";
import { readOperations } from "../../src/types/spec-operations.js";

const json = (schema: object = { type: "object" }) => ({
  content: { "application/json": { schema } },
});

// One small document with every case the reader distinguishes.
const document = {
  openapi: "3.1.0",
  paths: {
    "/a": {
      get: {
        operationId: "get_a",
        summary: "  Get a  ",
        responses: { "200": json(), "204": { description: "no body" }, default: json() },
      },
      post: {
        operationId: "post_a",
        requestBody: json(),
        responses: { "201": json(), "202": { $ref: "#/components/responses/job" } },
      },
      parameters: [],
    },
    "/b": { $ref: "#/components/pathItems/b" },
    "/c": {
      put: {
        requestBody: { content: { "application/hal+json": { schema: {} } } },
        responses: { "2XX": json(), "301": json() },
      },
    },
  },
  components: {
    responses: { job: json() },
    pathItems: { b: { delete: { operationId: "delete_b", responses: {} } } },
  },
};

describe("readOperations", () => {
  it.each([
    [
      "GET /a",
      {
        operationId: "get_a",
        summary: "Get a",
        jsonRequestBody: false,
        jsonSuccessStatuses: ["200"],
      },
    ],
    [
      "POST /a",
      {
        operationId: "post_a",
        summary: undefined,
        jsonRequestBody: true,
        jsonSuccessStatuses: ["201", "202"],
      },
    ],
    [
      "DELETE /b",
      {
        operationId: "delete_b",
        summary: undefined,
        jsonRequestBody: false,
        jsonSuccessStatuses: [],
      },
    ],
    [
      "PUT /c",
      {
        operationId: undefined,
        summary: undefined,
        jsonRequestBody: false,
        jsonSuccessStatuses: ["2XX"],
      },
    ],
  ])("%s", (name, expected) => {
    const operation = readOperations(document).find(
      (op) => `${op.method.toUpperCase()} ${op.path}` === name,
    );
    expect(operation).toMatchObject(expected);
  });

  it("keeps document order: paths, then methods in openapi-typescript's order", () => {
    expect(readOperations(document).map((op) => `${op.method} ${op.path}`)).toEqual([
      "get /a",
      "post /a",
      "delete /b",
      "put /c",
    ]);
  });

  it.each([[undefined], [null], [{}], [{ paths: [] }], [{ paths: { "/x": null } }]])(
    "reads nothing from %j",
    (input) => {
      expect(readOperations(input)).toEqual([]);
    },
  );
});
