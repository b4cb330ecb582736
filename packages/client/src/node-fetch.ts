// Node only: the client's own transport, undici's `request` with an Agent of the client's own.
// The Agent carries two things nothing global should:
// - a cluster's own CA (`ca`), trusted for this client only (no NODE_TLS_REJECT_UNAUTHORIZED,
//   no rejectUnauthorized: false);
// - the timeout: `headersTimeout` (no answer) and `bodyTimeout` (an answer that stops) end a
//   hung connection with no signal per call. A signal per call (an AbortController, its
//   listeners) cost more than the rest of the client together (bench:client).
// `request`, not undici's `fetch`: fetch's Request, Headers and stream machinery cost more per
// call than the whole client (bench:client). ONTAP's answers are small JSON documents: the body
// is read here, within the Agent's timeouts, and handed on as a standard Response.
// undici is imported on a client's first request, so nobody who never sends loads it.
import type { FetchLike } from "./transport.js";

/** PEM text: one certificate or a bundle, or a list of them (a Buffer is a Uint8Array). */
export type CaCertificates = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

/** undici's usual time to connect; a shorter `timeoutMs` shortens it too. */
const CONNECT_MS = 10_000;

export function nodeFetch(ca: CaCertificates | undefined, timeoutMs: number): FetchLike {
  const pem =
    ca &&
    [ca].flat().map((item) => (typeof item === "string" ? item : new TextDecoder().decode(item)));
  let send: FetchLike | undefined;
  let loading: Promise<FetchLike> | undefined;
  return (url, init) =>
    // Once loaded, no await of our own per request.
    send?.(url, init) ??
    (loading ??= import("undici").then(({ Agent, request }) => {
      const dispatcher = new Agent({
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: { ca: pem, timeout: Math.min(timeoutMs, CONNECT_MS) },
      });
      return (send = async (u, { method, headers, body, signal }) => {
        const answer = await request(u, {
          method: method as "GET",
          headers: Object.fromEntries(headers as Headers),
          body: body && new Uint8Array(body as ArrayBuffer),
          signal: signal ?? undefined,
          dispatcher,
        });
        const bytes = await answer.body.arrayBuffer();
        // A status that has no body (204, 304, …) takes none.
        return new Response([101, 204, 205, 304].includes(answer.statusCode) ? null : bytes, {
          status: answer.statusCode,
          headers: answer.headers as Record<string, string>,
        });
      });
    })).then((f) => f(url, init));
}
