// The Authorization header, and the strings that must never show up anywhere else.

/** ONTAP accepts HTTP basic auth, and (9.14+) OAuth 2.0 bearer tokens. */
export type Auth =
  | { username: string; password: string }
  /** A ready header value, e.g. from a secret store: `Basic …` or `Bearer …`. */
  | { authorization: `Basic ${string}` | `Bearer ${string}` };

export interface Credentials {
  header: string;
  /** Every form of the secret a server or a runtime might repeat: redacted wherever seen. */
  secrets: string[];
}

export function credentials(auth: Auth): Credentials {
  // Checked at runtime too: JavaScript callers, and values read from configuration files.
  // No message repeats a value.
  if (auth && "authorization" in auth) {
    const header = auth.authorization;
    if (typeof header !== "string" || !/^(Basic|Bearer) [^\s]+$/.test(header)) {
      throw new TypeError(
        "createOntapClient: `auth.authorization` must be `Basic <base64>` or `Bearer <token>` on one line",
      );
    }
    return { header, secrets: [header, header.slice(header.indexOf(" ") + 1)] };
  }
  if (
    !auth?.username ||
    typeof auth.username !== "string" ||
    typeof auth.password !== "string" ||
    // A colon would move the boundary between user and password (RFC 7617).
    auth.username.includes(":")
  ) {
    throw new TypeError(
      "createOntapClient: `auth` is `{ username, password }` (a username without `:`) or `{ authorization }`",
    );
  }
  const token = base64(`${auth.username}:${auth.password}`);
  return { header: `Basic ${token}`, secrets: [auth.password, token] };
}

// btoa only takes Latin-1; passwords are UTF-8 (RFC 7617 `charset="UTF-8"`).
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
