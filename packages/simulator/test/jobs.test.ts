// Jobs on virtual time: progression, failure, expiry, pause/resume/cancel, return_timeout.
import { afterEach, describe, expect, it } from "vitest";
import { isOntapError } from "@ontap-rest/client";
import type { DocSet } from "@ontap-rest/openapi";
import { akvBody, setup } from "./helpers.js";
import type { JobPlan } from "../src/index.js";

let close: (() => Promise<void>) | undefined;
let mismatches: unknown[] = [];
afterEach(async () => {
  expect(mismatches).toEqual([]);
  await close?.();
});

/** A simulator with one configuration; both doc sets (latest has no POST: it is seeded). */
async function withAkv<D extends DocSet>(docset: D, jobs: Partial<JobPlan> = {}) {
  const t = await setup(docset, { jobs });
  close = () => t.sim.close();
  mismatches = t.sim.mismatches;
  const { uuid } = t.sim.addAkv(akvBody("akv1", "vs0"));
  return { ...t, uuid };
}

async function rekey991(t: Awaited<ReturnType<typeof withAkv<"9.9.1">>>, returnTimeout?: number) {
  return t.client.POST("/security/azure-key-vaults/{azure_key_vault.uuid}/rekey-internal", {
    params: {
      path: { "azure_key_vault.uuid": t.uuid },
      query: returnTimeout === undefined ? {} : { return_timeout: returnTimeout },
    },
  });
}

describe("job progression on virtual time", () => {
  const cases: { outcome: "success" | "failure"; final: string; code: number }[] = [
    { outcome: "success", final: "success", code: 0 },
    { outcome: "failure", final: "failure", code: 65537504 },
  ];
  it.each(cases)("queued → running → $final", async ({ outcome, final, code }) => {
    const t = await withAkv("9.9.1", { queuedMs: 1000, runningMs: 4000, outcome });
    const accepted = await rekey991(t);
    expect(accepted.response.status).toBe(202);
    const job = accepted.data!.job!;
    expect(job._links?.self?.href).toBe(`/api/cluster/jobs/${job.uuid}`);
    const read = async () =>
      (await t.client.GET("/cluster/jobs/{uuid}", { params: { path: { uuid: job.uuid! } } })).data!;
    expect((await read()).state).toBe("queued");
    await t.clock.advance(1000);
    expect((await read()).state).toBe("running");
    await t.clock.advance(2000);
    expect((await read()).message).toBe("In progress: 50% complete");
    await t.clock.advance(2000);
    const done = await read();
    expect(done).toMatchObject({ state: final, code });
    expect(done.end_time).toBe(new Date(t.clock.now()).toISOString());
  });

  it("a finished job vanishes after the expiry (404, code 4)", async () => {
    const t = await withAkv("9.9.1", { queuedMs: 0, runningMs: 100, expireMs: 300_000 });
    const uuid = (await rekey991(t)).data!.job!.uuid!;
    await t.clock.advance(100 + 299_999);
    expect(
      (await t.client.GET("/cluster/jobs/{uuid}", { params: { path: { uuid } } })).data?.state,
    ).toBe("success");
    await t.clock.advance(1);
    const gone = await t.client.GET("/cluster/jobs/{uuid}", { params: { path: { uuid } } });
    expect(gone.error?.status).toBe(404);
    expect(isOntapError(gone.error, "4")).toBe(true);
  });

  it("fields select what a job read returns; the collection filters by uuid a|b", async () => {
    const t = await withAkv("9.9.1", { queuedMs: 0, runningMs: 10_000 });
    const a = (await rekey991(t)).data!.job!.uuid!;
    const b = (await rekey991(t)).data!.job!.uuid!;
    await rekey991(t);
    const one = await t.client.GET("/cluster/jobs/{uuid}", {
      params: { path: { uuid: a }, query: { fields: ["state"] } },
    });
    expect(Object.keys(one.data!).sort()).toEqual(["_links", "state", "uuid"]);
    const some = await t.client.GET("/cluster/jobs", {
      params: { query: { uuid: `${a}|${b}`, fields: ["state", "message"] } },
    });
    expect(some.data).toMatchObject({ num_records: 2 });
    const records = (some.data as unknown as { records: { uuid: string; state: string }[] })
      .records;
    expect(records.map((r) => r.uuid).sort()).toEqual([a, b].sort());
    expect(records.every((r) => r.state === "running")).toBe(true);
  });

  it("PATCH pauses, resumes and cancels; documented codes for the wrong state", async () => {
    const t = await withAkv("9.9.1", { queuedMs: 0, runningMs: 1000 });
    const uuid = (await rekey991(t)).data!.job!.uuid!;
    const act = (action: "pause" | "resume" | "cancel") =>
      t.client.PATCH("/cluster/jobs/{uuid}", { params: { path: { uuid }, query: { action } } });
    const state = async () =>
      (await t.client.GET("/cluster/jobs/{uuid}", { params: { path: { uuid } } })).data!.state;
    await t.clock.advance(500);
    expect((await act("pause")).response.status).toBe(200);
    await t.clock.advance(10_000);
    expect(await state()).toBe("paused");
    expect((await act("pause")).error?.code).toBe("458776");
    expect((await act("resume")).response.status).toBe(200);
    expect((await act("resume")).error?.code).toBe("458771");
    await t.clock.advance(499);
    expect(await state()).toBe("running");
    expect((await act("cancel")).response.status).toBe(200);
    expect(await state()).toBe("failure");
    const terminal = await act("cancel");
    expect(isOntapError(terminal.error, "458762")).toBe(true);
    expect(terminal.error!.entry?.description).toBe("Job is already in a terminal state.");
  });

  it("one-off plans for the next jobs", async () => {
    const t = await withAkv("9.9.1", { queuedMs: 0, runningMs: 100 });
    t.sim.jobs.queue.push({
      outcome: "failure",
      failure: { code: 65537515, message: "Failed to restore keys on some nodes in the cluster." },
    });
    const first = (
      await t.client.POST("/security/azure-key-vaults/{azure_key_vault.uuid}/restore", {
        params: { path: { "azure_key_vault.uuid": t.uuid } },
      })
    ).data!.job!.uuid!;
    const second = (await rekey991(t)).data!.job!.uuid!;
    await t.clock.advance(100);
    const get = async (uuid: string) =>
      (await t.client.GET("/cluster/jobs/{uuid}", { params: { path: { uuid } } })).data!;
    expect(await get(first)).toMatchObject({ state: "failure", code: 65537515 });
    expect(await get(second)).toMatchObject({ state: "success", code: 0 });
  });
});

describe("return_timeout", () => {
  const cases: {
    docset: DocSet;
    runningMs: number;
    returnTimeout: number;
    status: number;
    waitedMs: number;
  }[] = [
    { docset: "9.9.1", runningMs: 3000, returnTimeout: 0, status: 202, waitedMs: 0 },
    { docset: "9.9.1", runningMs: 3000, returnTimeout: 10, status: 201, waitedMs: 3000 },
    { docset: "9.9.1", runningMs: 30_000, returnTimeout: 10, status: 202, waitedMs: 10_000 },
    { docset: "latest", runningMs: 3000, returnTimeout: 10, status: 201, waitedMs: 3000 },
    { docset: "latest", runningMs: 200_000, returnTimeout: 120, status: 202, waitedMs: 120_000 },
  ];
  it.each(cases)(
    "$docset: a $runningMs ms job with return_timeout=$returnTimeout → $status after $waitedMs ms",
    async ({ docset, runningMs, returnTimeout, status, waitedMs }) => {
      const t = await withAkv(docset, { queuedMs: 0, runningMs });
      const start = t.clock.now();
      const pending =
        docset === "latest"
          ? (t.client as unknown as Awaited<ReturnType<typeof setup<"latest">>>["client"]).POST(
              "/security/azure-key-vaults/{uuid}/rekey-internal",
              { params: { path: { uuid: t.uuid }, query: { return_timeout: returnTimeout } } },
            )
          : rekey991(t as never, returnTimeout);
      let answered = false;
      void pending.then(() => (answered = true));
      if (returnTimeout > 0) {
        await t.clock.whenPending();
        expect(answered).toBe(false);
        await t.clock.advance(150_000);
      }
      const { response, data } = await pending;
      expect(response.status).toBe(status);
      expect(data?.job?.uuid).toBeDefined();
      const answer = t.sim.requests.find((r) => r.url.includes("rekey-internal"))!;
      expect(answer.at - start).toBe(waitedMs);
    },
  );
});
