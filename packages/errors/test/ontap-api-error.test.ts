import { describe, expect, test } from "vitest";
import { OntapApiError, type OntapApiErrorOptions } from "../src/ontap-api-error.js";

const AKV_MESSAGE = "Azure Key Vault is not configured for the given SVM.";
const POST_AKV = { method: "post", path: "/security/azure-key-vaults" };

interface Want {
  message: string;
  code?: string;
  target?: string;
  arguments?: { code?: string; message?: string }[];
  entry?: string;
}

describe("OntapApiError", () => {
  const built: [string, { given: OntapApiErrorOptions; want: Want }][] = [
    [
      "a documented code",
      {
        given: {
          status: 400,
          error: { code: "65537120", message: AKV_MESSAGE, target: "uuid" },
          operation: POST_AKV,
        },
        want: {
          message: `ONTAP error 65537120 (HTTP 400) on POST /security/azure-key-vaults: ${AKV_MESSAGE}`,
          code: "65537120",
          target: "uuid",
          entry: "65537120",
        },
      },
    ],
    [
      "an unknown code is still an OntapApiError, without an entry",
      {
        given: { status: 500, error: { code: "12345", message: "Something else." } },
        want: { message: "ONTAP error 12345 (HTTP 500): Something else.", code: "12345" },
      },
    ],
    [
      "no message: the documented description",
      {
        given: {
          status: 400,
          error: { code: "65537120" },
          operation: { method: "DELETE", path: "/x" },
        },
        want: {
          message: `ONTAP error 65537120 (HTTP 400) on DELETE /x: ${AKV_MESSAGE}`,
          code: "65537120",
          entry: "65537120",
        },
      },
    ],
    [
      "no error at all",
      {
        given: { status: 503 },
        want: { message: "ONTAP error (HTTP 503): the response carries no ONTAP error details" },
      },
    ],
    [
      "a message of the caller's",
      {
        given: { status: 409, error: { code: "458762" }, message: "job already done" },
        want: { message: "job already done", code: "458762", entry: "458762" },
      },
    ],
    [
      "arguments",
      {
        given: { status: 400, error: { code: "1", arguments: [{ code: "2", message: "m" }] } },
        want: {
          message: "ONTAP error 1 (HTTP 400): the response carries no ONTAP error details",
          code: "1",
          arguments: [{ code: "2", message: "m" }],
        },
      },
    ],
  ];

  test.each(built)("new: %s", (_t, { given, want }) => {
    const err = new OntapApiError(given);
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(OntapApiError);
    expect(err.name).toBe("OntapApiError");
    expect(err.status).toBe(given.status);
    expect(err.message).toBe(want.message);
    expect(err.code).toBe(want.code);
    expect(err.target).toBe(want.target);
    expect(err.arguments).toEqual(want.arguments ?? []);
    expect(err.entry?.code).toBe(want.entry);
    expect(String(err)).toBe(`OntapApiError: ${want.message}`);
  });

  const responses: [string, { given: unknown; want: Want }][] = [
    [
      "an ONTAP error body",
      {
        given: { error: { code: "65537120", message: AKV_MESSAGE, target: "uuid" } },
        want: {
          message: `ONTAP error 65537120 (HTTP 400) on POST /security/azure-key-vaults: ${AKV_MESSAGE}`,
          code: "65537120",
          target: "uuid",
          entry: "65537120",
        },
      },
    ],
    [
      "the same as text",
      {
        given: `{"error":{"code":"65537120","message":"${AKV_MESSAGE}"}}`,
        want: {
          message: `ONTAP error 65537120 (HTTP 400) on POST /security/azure-key-vaults: ${AKV_MESSAGE}`,
          code: "65537120",
          entry: "65537120",
        },
      },
    ],
    [
      "a numeric code",
      {
        given: { error: { code: 65537120 } },
        want: {
          message: `ONTAP error 65537120 (HTTP 400) on POST /security/azure-key-vaults: ${AKV_MESSAGE}`,
          code: "65537120",
          entry: "65537120",
        },
      },
    ],
    ...(
      [
        ["HTML", "<html><body>Bad Gateway</body></html>"],
        ["an empty string", ""],
        ["undefined", undefined],
        ["null", null],
        ["a wrong shape", { errors: [{ code: "1" }] }],
        ["error as a number", { error: 65537120 }],
      ] as const
    ).map(([title, given]): [string, { given: unknown; want: Want }] => [
      `not an ONTAP error: ${title}`,
      {
        given,
        want: {
          message:
            "ONTAP error (HTTP 400) on POST /security/azure-key-vaults: the response carries no ONTAP error details",
        },
      },
    ]),
  ];

  test.each(responses)("fromResponse: %s", (_t, { given, want }) => {
    const err = OntapApiError.fromResponse(400, given, POST_AKV);
    expect(err).toBeInstanceOf(OntapApiError);
    expect(err.status).toBe(400);
    expect(err.message).toBe(want.message);
    expect(err.code).toBe(want.code);
    expect(err.target).toBe(want.target);
    expect(err.entry?.code).toBe(want.entry);
    expect(err.operation).toEqual(POST_AKV);
  });

  test("fromResponse never throws, even on a body whose fields throw and a bad operation", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("hostile");
        },
      },
    );
    const err = OntapApiError.fromResponse(502, hostile, { method: 1 } as never);
    expect(err.code).toBeUndefined();
    expect(err.operation).toBeUndefined();
    expect(err.message).toBe("ONTAP error (HTTP 502): the response carries no ONTAP error details");
  });

  test("toJSON: what the response said, and nothing else", () => {
    const body = {
      error: {
        code: "65537517",
        message: 'The field "client_secret" must be specified.',
        target: "client_secret",
        arguments: [{ code: "1", message: "x", client_secret: "hunter2" }],
        client_secret: "hunter2",
      },
      client_secret: "hunter2",
    };
    const operation = {
      method: "patch",
      path: "/security/azure-key-vaults/{uuid}",
      headers: { authorization: "Basic aHVudGVyMg==" },
      body: { client_secret: "hunter2" },
    };
    const err = OntapApiError.fromResponse(400, body, operation);
    const json = JSON.stringify(err);
    expect(json).not.toMatch(/hunter2|aHVudGVyMg|authorization|stack/);
    expect(JSON.parse(json)).toEqual({
      name: "OntapApiError",
      message:
        'ONTAP error 65537517 (HTTP 400) on PATCH /security/azure-key-vaults/{uuid}: The field "client_secret" must be specified.',
      status: 400,
      code: "65537517",
      ontapMessage: 'The field "client_secret" must be specified.',
      target: "client_secret",
      arguments: [{ code: "1", message: "x" }],
      operation: { method: "patch", path: "/security/azure-key-vaults/{uuid}" },
    });
  });

  test("the entry carries the code's name", () => {
    const err = new OntapApiError({ status: 400, error: { code: "65537120" } });
    expect(err.entry).toMatchObject({ code: "65537120", name: "AKV_NOT_CONFIGURED" });
  });

  describe("instanceof", () => {
    test("works across two copies of the package", async () => {
      // A query string makes the module loader evaluate the module a second time: a second
      // class, as two installed copies of the package would have.
      const specifier = "../src/ontap-api-error.ts?copy=2";
      const copy = (await import(
        /* @vite-ignore */ specifier
      )) as typeof import("../src/ontap-api-error.js");
      const Other = copy.OntapApiError;
      expect(Other).not.toBe(OntapApiError);

      const mine = new OntapApiError({ status: 400, error: { code: "65537120" } });
      const theirs = Other.fromResponse(400, { error: { code: "65537120" } });
      expect(Object.getPrototypeOf(theirs)).not.toBe(OntapApiError.prototype);
      expect(theirs instanceof OntapApiError).toBe(true);
      expect(mine instanceof Other).toBe(true);
      expect(theirs instanceof Error).toBe(true);
    });

    const others: [string, { given: unknown }][] = [
      ["a plain Error", { given: new Error("x") }],
      [
        "an object that looks like one",
        { given: { name: "OntapApiError", status: 400, code: "1" } },
      ],
      ["null", { given: null }],
      ["a string", { given: "OntapApiError" }],
    ];
    test.each(others)("is false for %s", (_t, { given }) => {
      expect(given instanceof OntapApiError).toBe(false);
    });

    test("a subclass keeps the ordinary test", () => {
      class JobError extends OntapApiError {}
      const job = new JobError({ status: 400 });
      const plain = new OntapApiError({ status: 400 });
      expect(job instanceof OntapApiError).toBe(true);
      expect(job instanceof JobError).toBe(true);
      expect(plain instanceof JobError).toBe(false);
    });
  });
});
