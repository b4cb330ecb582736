import { describe, expect, test } from "vitest";
import { readErrorBody, type ErrorDetails } from "../src/read-error-body.js";

const AKV = {
  code: "65537120",
  message: "Azure Key Vault is not configured for the given SVM.",
  target: "uuid",
};

describe("readErrorBody", () => {
  const cases: [string, { given: unknown; want: ErrorDetails | undefined }][] = [
    ["a parsed ONTAP error", { given: { error: AKV }, want: AKV }],
    ["its JSON text", { given: JSON.stringify({ error: AKV }), want: AKV }],
    [
      "arguments",
      {
        given: { error: { code: "2", arguments: [{ code: "7", message: "m" }, "junk", null] } },
        want: { code: "2", arguments: [{ code: "7", message: "m" }] },
      },
    ],
    [
      "a numeric code, also in arguments",
      {
        given: { error: { code: 65537120, arguments: [{ code: 7 }] } },
        want: { code: "65537120", arguments: [{ code: "7" }] },
      },
    ],
    [
      "fields of the wrong type left out",
      {
        given: { error: { code: true, message: 1, target: {}, arguments: "x" } },
        want: {},
      },
    ],
    ["an unsafe numeric code", { given: { error: { code: 2 ** 60 } }, want: {} }],
    ["an empty code", { given: { error: { code: "" } }, want: {} }],
    [
      "fields that are not ONTAP's dropped",
      {
        given: {
          error: { ...AKV, client_secret: "s3cret", arguments: [{ code: "1", password: "p" }] },
          client_secret: "s3cret",
        },
        want: { ...AKV, arguments: [{ code: "1" }] },
      },
    ],
    ["text that is not JSON", { given: "<html>502 Bad Gateway</html>", want: undefined }],
    ["an empty body", { given: "", want: undefined }],
    ["undefined", { given: undefined, want: undefined }],
    ["null", { given: null, want: undefined }],
    ["a number", { given: 42, want: undefined }],
    ["an array", { given: [{ error: AKV }], want: undefined }],
    ["no error field", { given: { job: { uuid: "u" } }, want: undefined }],
    ["error as a string", { given: { error: "boom" }, want: undefined }],
    ["error as an array", { given: { error: [AKV] }, want: undefined }],
    [
      "a body whose fields throw when read",
      {
        given: new Proxy(
          {},
          {
            get() {
              throw new Error("hostile");
            },
          },
        ),
        want: undefined,
      },
    ],
  ];

  test.each(cases)("%s", (_t, { given, want }) => {
    expect(readErrorBody(given)).toEqual(want);
  });
});
