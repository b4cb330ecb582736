// What a route is, and how a request's path finds one.
export type Json = Record<string, unknown>;

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Ctx {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  hasBody: boolean;
  /** The SVM a tunneled request runs in: it sees, and creates, only this SVM's records. */
  svm?: { uuid: string; name: string };
}

export interface Route {
  method: string;
  template: string;
  /**
   * Why the contract does not check this route's requests and answers (no spec documents
   * it). Absent: checked whenever the doc set's spec has the operation.
   */
  unchecked?: string;
  handle(ctx: Ctx): Answer | Promise<Answer>;
}

export function findRoute(routes: Route[], method: string, wire: string) {
  const segments = wire.split("/");
  let pathMatched = false;
  for (const route of routes) {
    const parts = route.template.split("/");
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((p, i) => {
      if (p === "{uuid}") {
        params.uuid = decodeURIComponent(segments[i]!);
        return segments[i] !== "";
      }
      return p === segments[i];
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params, pathMatched };
  }
  return { route: undefined, params: {}, pathMatched };
}
