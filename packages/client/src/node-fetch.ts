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
        // Connecting keeps undici's own limit (10 s): OntapNetworkError UND_ERR_CONNECT_TIMEOUT.
        connect: { ca: pem },
      });
      return (send = async (u, { method, headers, body, signal }) => {
        const answer = await request(u, {
          method: method as "GET",
          headers: Object.fromEntries(headers as Headers),
          body: body && new Uint8Array(body as ArrayBuffer),
          signal: signal as AbortSignal,
          dispatcher,
        });
        const bytes = await answer.body.arrayBuffer();
        // No bytes, no body: a status that has none (204, 304) must not be given one.
        return new Response(bytes.byteLength ? bytes : null, {
          status: answer.statusCode,
          headers: answer.headers as Record<string, string>,
        });
      });
    })).then((f) => f(url, init));
}
