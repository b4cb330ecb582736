import { describe, expect, test } from "vitest";
import { type Json, ingestDocset, op, param } from "../helpers.js";

// Each test is one fact the reference pages state, checked in the spec the pipeline writes.
const v991 = ingestDocset("9.9.1");
const latest = ingestDocset("latest");
const d991 = v991.document as Json;
const dLatest = latest.document as Json;
const body = (operation: Json): Json => operation.requestBody.content["application/json"].schema;
const response = (operation: Json, status: string): Json =>
  operation.responses[status].content["application/json"].schema;
const operations = (doc: Json): string[] =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.keys(item as Json).map((m) => `${m.toUpperCase()} ${path}`),
  );

describe("9.9.1 doc set", () => {
  test("holds the 7 Azure Key Vault operations and the 3 jobs operations", () => {
    expect(operations(d991).sort()).toEqual(
      [
        "DELETE /security/azure-key-vaults/{uuid}",
        "GET /cluster/jobs",
        "GET /cluster/jobs/{uuid}",
        "GET /security/azure-key-vaults",
        "GET /security/azure-key-vaults/{uuid}",
        "PATCH /cluster/jobs/{uuid}",
        "PATCH /security/azure-key-vaults/{uuid}",
        "POST /security/azure-key-vaults",
        "POST /security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal",
        "POST /security/azure-key-vaults/{azure_key_vault.uuid}/restore",
      ].sort(),
    );
  });

  test("POST documents all 14 error codes, as strings", () => {
    const codes = op(d991, "post", "/security/azure-key-vaults").responses.default[
      "x-ntap-error-codes"
    ];
    expect(codes.map((c: Json) => c.code)).toEqual([
      "3735553",
      "3735664",
      "3735665",
      "3735700",
      "52559972",
      "65537500",
      "65537504",
      "65537505",
      "65537506",
      "65537512",
      "65537514",
      "65537518",
      "65537523",
      "65537526",
    ]);
    expect(codes[5]).toEqual({
      code: "65537500",
      description: "A key manager has already been configured for this SVM.",
    });
  });

  test("records is an array of azure_key_vault (the example shows an object)", () => {
    const schema = response(op(d991, "get", "/security/azure-key-vaults"), "200");
    expect(schema.properties.records).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/azure_key_vault" },
    });
    expect(
      op(d991, "get", "/security/azure-key-vaults").responses["200"].content["application/json"]
        .example,
    ).toBeUndefined();
  });

  test("proxy_port is an integer (the example shows a string)", () => {
    expect(d991.components.schemas.azure_key_vault.properties.proxy_port.type).toBe("integer");
  });

  test("return_records defaults to false on POST and true on GET", () => {
    expect(
      param(op(d991, "post", "/security/azure-key-vaults"), "return_records").schema.default,
    ).toBe(false);
    expect(
      param(op(d991, "get", "/security/azure-key-vaults"), "return_records").schema.default,
    ).toBe(true);
  });

  test("return_timeout: the description's default wins over the contradicting bullet, and it is reported", () => {
    expect(param(op(d991, "get", "/security/azure-key-vaults"), "return_timeout").schema).toEqual({
      type: "integer",
      minimum: 0,
      maximum: 120,
      default: 15,
    });
    expect(
      param(op(d991, "patch", "/security/azure-key-vaults/{uuid}"), "return_timeout").schema
        .default,
    ).toBe(0);
    expect(
      v991.diagnostics.some((d) =>
        /`return_timeout`: the page says "Default value: 1".*default is 0/.test(d.message),
      ),
    ).toBe(true);
  });

  test("the restore path keeps its documented parameter name", () => {
    const restore = op(d991, "post", "/security/azure-key-vaults/{azure_key_vault.uuid}/restore");
    expect(param(restore, "azure_key_vault.uuid")).toMatchObject({ in: "path", required: true });
  });

  test("the cut-off order_by description is flagged", () => {
    const orderBy = param(op(d991, "get", "/security/azure-key-vaults"), "order_by");
    expect(orderBy).toMatchObject({
      description: "Order results by specified fields and optional [asc",
      "x-ntap-truncated": true,
    });
    expect(
      v991.diagnostics.some((d) =>
        d.message.startsWith("the description of `order_by` is cut off"),
      ),
    ).toBe(true);
  });

  test("the POST body: required fields, the svm alternative, readOnly for what is not settable, secrets writeOnly", () => {
    const schema = body(op(d991, "post", "/security/azure-key-vaults"));
    expect(schema.required).toEqual([
      "svm",
      "client_id",
      "tenant_id",
      "client_secret",
      "key_id",
      "name",
    ]);
    expect(schema.properties.svm.anyOf).toEqual([{ required: ["uuid"] }, { required: ["name"] }]);
    expect(Object.keys(schema.properties).filter((k) => schema.properties[k].readOnly)).toEqual([
      "_links",
      "azure_reachability",
      "ekmip_reachability",
      "scope",
      "state",
      "uuid",
    ]);
    expect(schema.properties.client_secret).toMatchObject({ writeOnly: true, format: "password" });
    expect(schema.properties.proxy_password).toMatchObject({ writeOnly: true, format: "password" });
  });

  test("PATCH may not set name or svm, may set client_secret", () => {
    const schema = body(op(d991, "patch", "/security/azure-key-vaults/{uuid}"));
    expect(schema.properties.name.readOnly).toBe(true);
    expect(schema.properties.svm.readOnly).toBe(true);
    expect(schema.properties.client_secret.readOnly).toBeUndefined();
    expect(schema.required).toBeUndefined();
  });

  test("advanced properties are marked", () => {
    const props = d991.components.schemas.azure_key_vault.properties;
    expect(Object.keys(props).filter((k) => props[k]["x-ntap-advanced"])).toEqual([
      "azure_reachability",
      "ekmip_reachability",
      "state",
    ]);
  });

  test("the two _links shapes stay apart, and each reference gets the right one", () => {
    const schemas = d991.components.schemas;
    expect(Object.keys(schemas._links.properties)).toEqual(["self"]);
    expect(Object.keys(schemas._links_next_self.properties)).toEqual(["next", "self"]);
    expect(
      response(op(d991, "get", "/security/azure-key-vaults"), "200").properties._links.$ref,
    ).toBe("#/components/schemas/_links_next_self");
    for (const owner of ["azure_key_vault", "svm", "node"])
      expect(schemas[owner].properties._links.$ref).toBe("#/components/schemas/_links");
  });

  test("an instance GET that prints the definition in full refers to it", () => {
    expect(response(op(d991, "get", "/security/azure-key-vaults/{uuid}"), "200")).toEqual({
      $ref: "#/components/schemas/azure_key_vault",
    });
  });

  test("a 202 without a body table gets the job link, marked as inferred", () => {
    const schema = response(
      op(d991, "post", "/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal"),
      "202",
    );
    expect(schema.properties.job.properties.uuid).toEqual({ type: "string" });
    expect(schema["x-ntap-inferred"]).toMatch(/no body for 202/);
  });

  test("operation facts: introduced, CLI commands, provenance, tag with the overview", () => {
    const get = op(d991, "get", "/security/azure-key-vaults");
    expect(get).toMatchObject({
      "x-ntap-introduced": "9.8",
      "x-ntap-cli": [
        "security key-manager external azure show",
        "security key-manager external azure check",
      ],
      "x-ntap-doc-source": "spec/sources/9.9.1/manage-azure-key-vaults.pdf.md:344",
      tags: ["security/azure-key-vaults"],
    });
    const tag = d991.tags.find((t: Json) => t.name === "security/azure-key-vaults");
    expect(tag.description).toMatch(/^Azure Key Vault \(AKV\) is a cloud key management service/);
    expect(tag["x-codeSamples"]).toHaveLength(9);
    expect(tag["x-codeSamples"][0].source).toContain("curl -X POST");
  });

  test("the job object is borrowed from 9.7, and says so", () => {
    expect(op(d991, "get", "/cluster/jobs/{uuid}")["x-ntap-doc-source"]).toBe(
      "spec/sources/9.7/get-cluster-jobs-uuid.txt:8 (borrowed from 9.7)",
    );
  });

  test("the cut-off GET /cluster/jobs keeps its parameters and says its responses are missing", () => {
    const jobs = op(d991, "get", "/cluster/jobs");
    expect(jobs.parameters.map((p: Json) => p.name)).toContain("order_by");
    expect(jobs.responses.default["x-ntap-truncated"]).toBe(true);
    expect(param(jobs, "svm.uuid")["x-ntap-introduced"]).toBe("9.8");
  });

  test("an example is kept only when it fits the schema", () => {
    const job = op(d991, "get", "/cluster/jobs/{uuid}").responses["200"].content[
      "application/json"
    ];
    expect(job.example).toMatchObject({ state: "queued", code: 0 });
    expect(
      op(d991, "patch", "/cluster/jobs/{uuid}").responses.default.content["application/json"]
        .example,
    ).toBeUndefined();
  });

  test("PATCH /cluster/jobs/{uuid} action enum", () => {
    expect(param(op(d991, "patch", "/cluster/jobs/{uuid}"), "action").schema.enum).toEqual([
      "pause",
      "resume",
      "cancel",
    ]);
  });

  test("no error diagnostics", () => {
    expect(v991.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("latest doc set", () => {
  test("holds rekey-internal, PATCH and GET /cluster/jobs/{uuid}", () => {
    expect(operations(dLatest).sort()).toEqual([
      "GET /cluster/jobs/{uuid}",
      "PATCH /cluster/jobs/{uuid}",
      "POST /security/azure-key-vaults/{uuid}/rekey-internal",
    ]);
  });

  test("rekey-internal uses {uuid}, has both 202 and 201, introduced in 9.10", () => {
    const rekey = op(dLatest, "post", "/security/azure-key-vaults/{uuid}/rekey-internal");
    expect(param(rekey, "uuid")).toMatchObject({ in: "path", required: true });
    expect(Object.keys(rekey.responses)).toEqual(["201", "202", "default"]);
    expect(response(rekey, "202").properties.job).toEqual({
      $ref: "#/components/schemas/job_link",
    });
    expect(rekey["x-ntap-introduced"]).toBe("9.10");
    expect(rekey.responses.default["x-ntap-error-codes"].map((c: Json) => c.code)).toEqual([
      "65537120",
      "65537547",
      "65537559",
    ]);
  });

  test("definitions whose name line is missing are named from the references", () => {
    const schemas = dLatest.components.schemas;
    expect(schemas.job_link.properties._links).toEqual({ $ref: "#/components/schemas/_links" });
    expect(schemas._links.properties.self).toEqual({ $ref: "#/components/schemas/href" });
  });

  test("the cut-off returned_error is completed by the pipe page that prints it whole", () => {
    expect(Object.keys(dLatest.components.schemas.returned_error.properties)).toEqual([
      "arguments",
      "code",
      "message",
      "target",
    ]);
    expect(dLatest.components.schemas.returned_error["x-ntap-truncated"]).toBeUndefined();
  });

  test("the pipe page's glued headings still give its 200 and its error codes", () => {
    const patch = op(dLatest, "patch", "/cluster/jobs/{uuid}");
    expect(patch.responses["200"]).toEqual({ description: "Ok" });
    expect(patch.responses.default["x-ntap-error-codes"]).toHaveLength(6);
  });
});
