// How an endpoint that starts a job answers: at once, or when it ends.
import type { SimClock } from "../clock.js";
import { jobLink, type Job, type JobStore } from "../jobs.js";
import type { Answer, Ctx } from "../route-table.js";

/** `return_timeout`: hold the answer until the job ends or the wait is over. */
export async function runJob(
  clock: SimClock,
  jobs: JobStore,
  ctx: Ctx,
  job: Job,
  done: number,
): Promise<Answer> {
  const seconds = Math.min(120, Math.max(0, Number(ctx.query.get("return_timeout") ?? 0) || 0));
  const deadline = clock.now() + seconds * 1000;
  for (;;) {
    const left = deadline - clock.now();
    if (jobs.state(job) === "success" || jobs.state(job) === "failure" || left <= 0) break;
    const remaining = jobs.remainingMs(job);
    await clock.sleep(Math.max(1, Math.min(left, remaining ?? left)));
  }
  const finished = !!job.end;
  return {
    status: finished ? done : 202,
    body: jobLink(job),
    headers: { Location: `/api/cluster/jobs/${job.uuid}` },
  };
}
