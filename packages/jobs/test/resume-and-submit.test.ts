// Serialized waits resumed elsewhere, and submitAndWait with return_timeout.
import { createOntapClient } from "@ontap-rest/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  OntapJobTimeoutError,
  resumeWait,
  submitAndWait,
  waitForJob,
  type WaitState,
} from "../src/index.js";
import { startJobServer } from "./helpers/job-server.js";
import { virtualClock, type VirtualClock } from "./helpers/virtual-clock.js";

const PASSWORD = "s3cret-Passw0rd";
const TOKEN = "Bearer tok-Zq81";
let clock: VirtualClock;
let server: Awaited<ReturnType<typeof startJobServer>>;

beforeEach(async () => {
  clock = virtualClock();
  server = await startJobServer(clock);
});
afterEach(() => server.close());

const basic = () =>
  createOntapClient({
    docset: "latest",
    baseUrl: server.baseUrl,
    auth: { username: "admin", password: PASSWORD },
  });
const bearer = () =>
  createOntapClient({ docset: "9.9.1", baseUrl: server.baseUrl, auth: { authorization: TOKEN } });

describe("serialized state", { timeout: 5000 }, () => {
  it("is JSON without credentials, and resumes in another client to the same end", async () => {
    const ref = server.job({ runMs: 3_000_000 });
    const states: WaitState[] = [];
    const first = await waitForJob(basic(), ref, {
      clock,
      maxWaitMs: 600_000,
      onState: (s) => states.push(s),
    }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(OntapJobTimeoutError);
    const text = JSON.stringify((first as OntapJobTimeoutError).state);
    for (const secret of [
      PASSWORD,
      "admin",
      "Basic",
      "authorization",
      server.baseUrl,
      "127.0.0.1",
    ]) {
      expect(text).not.toContain(secret);
      expect(JSON.stringify(states)).not.toContain(secret);
      expect(JSON.stringify(first)).not.toContain(secret);
    }
    expect(JSON.parse(text)).toEqual(states.at(-1));
    // "Another process": a fresh client with other credentials, a state read from text.
    const job = await resumeWait(bearer(), JSON.parse(text), { clock, maxWaitMs: 4_000_000 });
    expect(job.state).toBe("success");
  });

  it("keeps the original budget when resumed without maxWaitMs", async () => {
    const ref = server.job({ runMs: 10_000_000 });
    const error = (await waitForJob(basic(), ref, { clock, maxWaitMs: 60_000 }).catch(
      (e) => e,
    )) as OntapJobTimeoutError;
    await expect(resumeWait(basic(), error.state, { clock })).rejects.toBeInstanceOf(
      OntapJobTimeoutError,
    );
  });

  it("rejects what is not a state", async () => {
    await expect(resumeWait(basic(), { uuid: 1 } as never, { clock })).rejects.toThrow(TypeError);
  });
});

describe("submitAndWait", { timeout: 5000 }, () => {
  it("an immediate answer (the job ends within return_timeout) costs one request", async () => {
    const result = await submitAndWait(basic(), "POST", "/test/operations/20000", {}, { clock });
    expect(result.status).toBe(201);
    expect(result.job).toBeUndefined();
    expect(server.log).toEqual(["POST /api/test/operations/20000?return_timeout=120"]);
  });

  it("a job that fails within return_timeout throws its OntapApiError", async () => {
    await expect(
      submitAndWait(basic(), "PATCH", "/test/operations/2000/failure", {}, { clock }),
    ).rejects.toMatchObject({ status: 400, code: "65537120" });
    expect(server.log.length).toBe(1);
  });

  it("a 202 is then polled, sparsely (the job has run for return_timeout already)", async () => {
    const result = await submitAndWait(basic(), "DELETE", "/test/operations/200000", {}, { clock });
    expect(result.status).toBe(202);
    expect(result.job?.state).toBe("success");
    expect(server.log[0]).toBe("DELETE /api/test/operations/200000?return_timeout=120");
    expect(server.log.length).toBeLessThanOrEqual(8);
  });

  it("keeps the caller's query and a chosen return_timeout", async () => {
    await submitAndWait(
      basic(),
      "POST",
      "/test/operations/0",
      { params: { query: { a: "b" } } },
      { clock, returnTimeoutS: 5 },
    );
    expect(server.log[0]).toBe("POST /api/test/operations/0?a=b&return_timeout=5");
    await expect(submitAndWait(basic(), "POST", "/x", {}, { returnTimeoutS: 121 })).rejects.toThrow(
      RangeError,
    );
  });
});
