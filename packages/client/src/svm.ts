// SVM tunneling: ONTAP runs a cluster administrator's request in one SVM's context when it
// carries `X-Dot-SVM-Name` or `X-Dot-SVM-UUID` (the request then sees, and creates, only that
// SVM's objects). A client sends one on every request (`svm` option); a request may name
// another SVM, or none (`svm: null`).

/** One SVM, by name or by UUID. */
export type Svm = { name: string; uuid?: undefined } | { uuid: string; name?: undefined };

/**
 * The two headers for `svm`: the one that names it, and `null` for the other (openapi-fetch
 * removes a header whose value is null), so that a request's SVM replaces the client's
 * whichever way either was given. `null`: no SVM, both removed.
 */
export function svmHeaders(svm: Svm | null): Record<string, string | null> {
  const { name = null, uuid = null } = svm ?? {};
  const value = name ?? uuid;
  // Exactly one, a non-empty string: checked at runtime too (JavaScript callers,
  // configuration files). The message repeats no value.
  if (svm !== null && (!value || typeof value !== "string" || (name !== null && uuid !== null))) {
    throw new TypeError("createOntapClient: `svm` is `{ name }` or `{ uuid }`");
  }
  return { "x-dot-svm-name": name, "x-dot-svm-uuid": uuid };
}
