/** One of `error.arguments`: the values ONTAP put into its message. */
export interface ErrorArgument {
  readonly code?: string;
  readonly message?: string;
}

/** ONTAP's `error` object, as far as it could be read. */
export interface ErrorDetails {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
  readonly arguments?: readonly ErrorArgument[];
}

/**
 * Reads `{"error": {code, message, target, arguments}}` from a parsed body or its JSON text.
 * Never throws: a body that is not JSON, or not that shape, gives `undefined`; a field of the
 * wrong type is left out; a numeric `code` becomes the string ONTAP normally sends.
 */
export function readErrorBody(body: unknown): ErrorDetails | undefined {
  try {
    const parsed = typeof body === "string" ? JSON.parse(body) : body;
    return isRecord(parsed) && isRecord(parsed.error) ? readErrorObject(parsed.error) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Copies only the four documented fields, and only values of the documented types: whatever
 * else a body carries (a proxy's fields, an echoed request value) is never kept.
 */
export function readErrorObject(error: unknown): ErrorDetails {
  try {
    return isRecord(error) ? copyFields(error) : {};
  } catch {
    return {};
  }
}

function copyFields(error: Record<string, unknown>): ErrorDetails {
  const details: {
    code?: string;
    message?: string;
    target?: string;
    arguments?: ErrorArgument[];
  } = copyArgument(error);
  if (typeof error.target === "string") details.target = error.target;
  if (Array.isArray(error.arguments)) {
    details.arguments = error.arguments.filter(isRecord).map(copyArgument);
  }
  return details;
}

// `code` and `message`: what the error object and each of its arguments have in common.
// A `code` is a non-empty string, or a safe integer turned into the string ONTAP normally sends.
function copyArgument(item: Record<string, unknown>): ErrorArgument {
  const argument: { code?: string; message?: string } = {};
  const code = item.code;
  if (typeof code === "string" ? code !== "" : Number.isSafeInteger(code)) {
    argument.code = String(code);
  }
  if (typeof item.message === "string") argument.message = item.message;
  return argument;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
