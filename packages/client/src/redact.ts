// Secrets never leave the client in an error. The client knows two kinds: the credentials,
// and the values of secret properties in the request body (`client_secret`,
// `proxy_password`, …), which a server may repeat in an error message.

const SECRET_KEY = /secret|password|passphrase|private_key|token/i;
const MASK = "[redacted]";
const MAX_DEPTH = 32;

/** The string values of secret-looking properties anywhere in a request body. */
export function secretsIn(body: unknown, found: string[] = [], depth = 0): string[] {
  if (body && typeof body === "object" && depth < MAX_DEPTH) {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === "string" && value !== "" && SECRET_KEY.test(key)) found.push(value);
      else secretsIn(value, found, depth + 1);
    }
  }
  return found;
}

/** `value` (a string, or parsed JSON) with every occurrence of every secret masked. */
export function redact<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === "string") {
    let text: string = value;
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
      if (secret) text = text.replaceAll(secret, MASK);
    }
    return text as T;
  }
  if (value && typeof value === "object") {
    // Too deep to walk is too deep to trust.
    if (depth >= MAX_DEPTH) return MASK as T;
    if (Array.isArray(value)) return value.map((item) => redact(item, secrets, depth + 1)) as T;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redact(item, secrets, depth + 1);
    return copy as T;
  }
  return value;
}
