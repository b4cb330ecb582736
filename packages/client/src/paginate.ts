// ONTAP collections come in pages: `records`, and `_links.next.href` while more remain.
import { relativeToBase } from "./base-url.js";
import { DEFAULTS } from "./defaults.js";

/** One request through the client; `template` names the operation in errors. */
export type Send = (
  method: string,
  path: string,
  init?: Record<string, unknown>,
  template?: string,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

interface Page {
  records?: unknown[];
  _links?: { next?: { href?: string } };
}

export function paginator(send: Send, baseUrl: string) {
  return async function* paginate(path: string, init?: Record<string, unknown>) {
    // Later pages: the link carries the whole query (fields, filters, max_records).
    const { params: _, ...rest } = init ?? {};
    const followed = new Set<string>();
    let page = await send("get", path, init);
    for (let count = 1; ; count++) {
      if (page.error) throw page.error;
      const { records = [], _links } = (page.data ?? {}) as Page;
      yield* records;
      const href = _links?.next?.href;
      // Bounded: a link seen before would start the same pages again.
      if (!href || followed.has(href) || count >= DEFAULTS.maxPages) return;
      followed.add(href);
      const next = relativeToBase(baseUrl, href);
      if (next === undefined) {
        // The credentials go with every request: they stay with this cluster.
        throw new Error(`paginate ${path}: the next link leaves the base URL; not followed`);
      }
      page = await send("get", next, rest, path);
    }
  };
}
