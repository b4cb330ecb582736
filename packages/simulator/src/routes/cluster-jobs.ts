// /cluster/jobs: listing, reading, and pausing, resuming or cancelling a job.
import { type Job, type JobStore } from "../jobs.js";
import { collection, listParam, project } from "../query.js";
import { OntapFailure } from "../ontap-errors.js";
import type { Route } from "../route-table.js";

/** A tunneled request (`svm`) sees only that SVM's jobs; others see them all. */
const sees = (svm: { uuid: string } | undefined, job: Job) => !svm || job.svm?.uuid === svm.uuid;

export function clusterJobRoutes(jobs: JobStore): Route[] {
  return [
    {
      method: "GET",
      template: "/cluster/jobs",
      handle: ({ query, svm }) => {
        // uuid=a|b|c: a watcher's batch; answered from the map, not by a scan.
        const uuidFilter = query.get("uuid");
        const candidates = (
          uuidFilter !== null && !/[*!<>]/.test(uuidFilter)
            ? uuidFilter
                .split("|")
                .map((u) => jobs.get(u))
                .filter((j): j is Job => !!j)
            : jobs.all()
        ).filter((j) => sees(svm, j));
        return {
          status: 200,
          body: collection(
            "/cluster/jobs",
            candidates.map((j) => jobs.view(j)),
            query,
            ["uuid"],
          ),
        };
      },
    },
    {
      method: "GET",
      template: "/cluster/jobs/{uuid}",
      handle: ({ params, query, svm }) => {
        const job = jobs.get(params.uuid!);
        if (!job || !sees(svm, job)) throw new OntapFailure(404, "4", "uuid");
        return {
          status: 200,
          body: project(jobs.view(job), listParam(query, "fields"), ["uuid"], true),
        };
      },
    },
    {
      method: "PATCH",
      template: "/cluster/jobs/{uuid}",
      handle: ({ params, query, svm }) => {
        const job = jobs.get(params.uuid!);
        if (!job || !sees(svm, job)) throw new OntapFailure(404, "4", "uuid");
        const action = query.get("action");
        const state = jobs.state(job);
        const terminal = state === "success" || state === "failure";
        if (action === "pause") {
          if (terminal) throw new OntapFailure(400, "458762");
          if (state === "paused") throw new OntapFailure(400, "458776");
          jobs.pause(job);
        } else if (action === "resume") {
          if (terminal) throw new OntapFailure(400, "458762");
          if (state !== "paused") throw new OntapFailure(400, "458771");
          jobs.resume(job);
        } else if (action === "cancel") {
          if (terminal) throw new OntapFailure(400, "458762");
          jobs.cancel(job);
        }
        return { status: 200, body: {} };
      },
    },
  ];
}
