// The HTTP plumbing: reads a request, applies faults, auth and roles, finds the SVM a
// tunneled request runs in, checks the request and the response against the spec, routes it
// and writes the answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { realClock, type SimClock } from "./clock.js";
import type { Faults } from "./faults.js";
import { errorBody, OntapFailure } from "./ontap-errors.js";
import { introducedAfter, type ClusterVersion } from "./release.js";
import { findRoute, type Answer, type Json, type Route } from "./route-table.js";
import type { SeenRequest, SimulatorOptions, SimUser } from "./server.js";
import type { Mismatch, SpecContract, SpecOperation } from "./spec.js";

export interface HandlerDeps {
  routes: Route[];
  contract: SpecContract;
  faults: Faults;
  clock: SimClock;
  mismatches: Mismatch[];
  requests: SeenRequest[];
  /** The release the simulator runs: operations introduced after it are absent. */
  version: ClusterVersion;
  options: Pick<SimulatorOptions, "auth" | "users" | "log">;
  /** The SVM a name or UUID names (a name is always one: SVMs come into being when named). */
  svms(ref: { name?: string; uuid?: string }): { uuid: string; name: string } | undefined;
}

/** ONTAP's answer to a path the user's role does not grant. */
export const NOT_AUTHORIZED = {
  error: { code: "6", message: "not authorized for that command" },
};

const basic = ({ username, password }: SimUser) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

/** `deny` entries as wire paths (without `/api`), matched as that path or any path below. */
const denies = (user: SimUser | undefined, wire: string) =>
  (user?.deny ?? []).some((entry) => {
    const path = entry.replace(/^\/api(?=\/)/, "").replace(/\/+$/, "");
    return wire === path || wire.startsWith(`${path}/`);
  });

export function requestHandler({
  routes,
  contract,
  faults,
  clock,
  mismatches,
  requests,
  version,
  options,
  svms,
}: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const loud = (m: Mismatch) => {
    mismatches.push(m);
    console.error(
      `x-simulator-mismatch (${m.where}) ${m.method} ${m.path}: ${m.errors.join("; ")}`,
    );
  };

  return async (req, res) => {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const wire = url.pathname.startsWith("/api/") ? url.pathname.slice(4) : url.pathname;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const { route, params, pathMatched } = findRoute(routes, method, wire);
    // What the audit log keeps of a request, filled in as it is known.
    const seen: Omit<SeenRequest, "status" | "at"> = { method, url: req.url ?? "" };
    const application = req.headers["x-dot-client-app"];
    if (typeof application === "string") seen.application = application;

    const send = (answer: Answer, extra: Record<string, string> = {}, raw?: string) => {
      const payload = raw ?? (answer.body === undefined ? "" : JSON.stringify(answer.body));
      requests.push({ ...seen, status: answer.status, at: clock.now() });
      options.log?.(`${method} ${url.pathname} → ${answer.status}`);
      res.writeHead(answer.status, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(payload),
        ...answer.headers,
        ...extra,
      });
      res.end(payload);
    };

    // Faults come first: they are the network's and the cluster's, not the API's.
    let malformed: string | true | undefined;
    for (const fault of faults.take(method, wire, route?.template)) {
      if (fault.kind === "latency") {
        await (fault.realTime ? realClock : clock).sleep(fault.ms ?? 1000);
      } else if (fault.kind === "reset") {
        requests.push({ ...seen, status: 0, at: clock.now() });
        req.socket.destroy();
        return;
      } else if (fault.kind === "status") {
        const status = fault.status ?? 503;
        const headers: Record<string, string> = {};
        if (fault.retryAfter !== undefined) headers["Retry-After"] = String(fault.retryAfter);
        send({ status, body: errorBody(String(status), undefined, "Simulated fault"), headers });
        return;
      } else malformed = fault.body ?? true;
    }

    const accounts = [...(options.auth ? [options.auth] : []), ...(options.users ?? [])];
    if (accounts.length > 0) {
      const user = accounts.find((account) => req.headers.authorization === basic(account));
      if (!user) {
        send({ status: 401, body: errorBody("6") });
        return;
      }
      seen.user = user.username;
      if (denies(user, wire)) {
        send({ status: 403, body: NOT_AUTHORIZED });
        return;
      }
    }
    // SVM tunneling: the request runs in that SVM's context, and sees (and creates) only its
    // records. An SVM named by a UUID nobody has is answered 404 with code 4 ("entry doesn't
    // exist"): the simulator's own choice, as no page here documents ONTAP's answer.
    const name = req.headers["x-dot-svm-name"];
    const uuid = req.headers["x-dot-svm-uuid"];
    if (typeof name === "string" || typeof uuid === "string") {
      const byName = typeof name === "string" ? svms({ name }) : undefined;
      const byUuid = typeof uuid === "string" ? svms({ uuid }) : undefined;
      const svm = byName ?? byUuid;
      if (!svm || (byName && byUuid && byName.uuid !== byUuid.uuid)) {
        send({
          status: 404,
          body: errorBody("4", typeof uuid === "string" ? "X-Dot-SVM-UUID" : "X-Dot-SVM-Name"),
        });
        return;
      }
      seen.svm = svm;
    }
    // The spec's operation for this request, unless the route says why it has none.
    const found = route?.unchecked === undefined ? contract.find(method, wire) : undefined;
    // An operation the doc set says came in a later release: this cluster does not have it,
    // and answers as for any path it does not serve. The code and message are the
    // simulator's own choice: no page documents what ONTAP answers for an unknown path.
    const absent = introducedAfter(found?.op.introduced, version);
    if (!route || absent) {
      // 405 only for a path this release has with another method: a path whose every
      // operation came later is absent as a whole (404), as on an older cluster.
      const notAllowed =
        pathMatched &&
        !absent &&
        routes.some(
          (other) =>
            other.method !== method &&
            findRoute([other], other.method, wire).route !== undefined &&
            (other.unchecked !== undefined ||
              !introducedAfter(contract.find(other.method, wire)?.op.introduced, version)),
        );
      send({
        status: notAllowed ? 405 : 404,
        body: {
          error: { message: notAllowed ? "Method not allowed" : "API not found", code: "3" },
        },
      });
      return;
    }

    let body: Json = {};
    const hasBody = text.trim() !== "";
    let op: SpecOperation | undefined;
    let opParams: Record<string, string> = {};
    if (found) ({ op, params: opParams } = found);
    const requestErrors: string[] = [];
    if (hasBody) {
      try {
        body = JSON.parse(text) as Json;
      } catch {
        requestErrors.push("body is not JSON");
      }
    }
    if (op && requestErrors.length === 0) {
      requestErrors.push(...contract.checkRequest(op, opParams, url.searchParams, body, hasBody));
    }
    if (requestErrors.length > 0) {
      loud({ where: "request", method, path: url.pathname, errors: requestErrors });
      send(
        {
          status: 400,
          body: errorBody("262179", undefined, `x-simulator-mismatch: ${requestErrors.join("; ")}`),
        },
        { "x-simulator-mismatch": "request" },
      );
      return;
    }

    let answer: Answer;
    try {
      answer = await route.handle({
        method,
        params,
        query: url.searchParams,
        body,
        hasBody,
        svm: seen.svm,
      });
    } catch (err) {
      if (!(err instanceof OntapFailure)) throw err;
      answer = { status: err.status, body: errorBody(err.code, err.target) };
    }

    if (op && !op.truncated) {
      const responseErrors = contract.checkResponse(op, answer.status, answer.body);
      if (responseErrors.length > 0) {
        loud({
          where: "response",
          method,
          path: url.pathname,
          status: answer.status,
          errors: responseErrors,
        });
        send(
          {
            status: 500,
            body: errorBody("500", undefined, `x-simulator-mismatch: ${responseErrors.join("; ")}`),
          },
          { "x-simulator-mismatch": "response" },
        );
        return;
      }
    }
    if (malformed !== undefined) {
      const real = answer.body === undefined ? "" : JSON.stringify(answer.body);
      send(
        answer,
        {},
        malformed === true ? real.slice(0, Math.max(1, Math.floor(real.length / 2))) : malformed,
      );
      return;
    }
    send(answer);
  };
}
