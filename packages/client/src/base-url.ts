// Where requests go: `host` (the usual case, a cluster management address) or `baseUrl`
// (a proxy, a simulator, plain http in tests). Messages never echo the value given: a URL
// may carry credentials (`https://admin:secret@…`).

export interface Location {
  /** A cluster management name or address, with an optional port: `https://<host>/api`. */
  host?: string;
  /** The full base URL, used as given (minus a trailing slash), e.g. `http://127.0.0.1:8080/api`. */
  baseUrl?: string;
}

export function resolveBaseUrl({ host, baseUrl }: Location): string {
  if ((host === undefined) === (baseUrl === undefined)) {
    throw new TypeError("createOntapClient: give exactly one of `host` or `baseUrl`");
  }
  if (host !== undefined) {
    // A name, an IPv4 address or a bracketed IPv6 address, each with an optional port;
    // anything else (a scheme, a path, user info) belongs in `baseUrl`.
    if (!/^(\[[0-9a-fA-F:.]+\]|[\w.-]+)(:\d{1,5})?$/.test(host)) {
      throw new TypeError(
        "createOntapClient: `host` is a name or address with an optional port, such as `cluster1.example.com` or `10.0.0.5:8443`; give a full URL as `baseUrl`",
      );
    }
    return `https://${host}/api`;
  }
  let url: URL;
  try {
    url = new URL(baseUrl!);
  } catch {
    throw new TypeError("createOntapClient: `baseUrl` is not an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError("createOntapClient: `baseUrl` must be an http: or https: URL");
  }
  // fetch refuses such URLs with a message that repeats them, credentials included.
  if (url.username || url.password) {
    throw new TypeError(
      "createOntapClient: `baseUrl` must not contain credentials; pass them as `auth`",
    );
  }
  if (url.search || url.hash) {
    throw new TypeError("createOntapClient: `baseUrl` must not have a query or a fragment");
  }
  return baseUrl!.replace(/\/+$/, "");
}

/**
 * The path (with query) of `href` relative to `baseUrl`, for openapi-fetch, which joins
 * `baseUrl + path`. ONTAP's links are absolute paths that start with `/api`, the same `/api`
 * that ends the base URL, so `https://h/api` + `/api/x?y` is `https://h/api/x?y`, not
 * `…/api/api/x`; a base URL with a prefix before `/api` (a proxy) keeps its prefix.
 * Returns undefined for a link that leaves the base URL: following it would send the
 * credentials to another server.
 */
export function relativeToBase(baseUrl: string, href: string): string | undefined {
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const apiRoot = basePath.replace(/\/api$/, "");
  const target =
    href.startsWith("/") && !href.startsWith("//")
      ? new URL(base.origin + apiRoot + href)
      : new URL(href, `${base.origin}${basePath}/`);
  if (target.origin !== base.origin || !target.pathname.startsWith(`${basePath}/`)) {
    return undefined;
  }
  return target.pathname.slice(basePath.length) + target.search;
}
