import type { ErrorEntry, OntapErrorCode } from "./catalog-entry.js";
import { lookupError } from "./lookup-error.js";
import { readErrorBody, readErrorObject, type ErrorArgument } from "./read-error-body.js";

/** The operation that failed: `post` or `POST`, and its path (`/security/azure-key-vaults`). */
export interface ErrorOperation {
  readonly method: string;
  readonly path: string;
}

export interface OntapApiErrorOptions {
  /** The HTTP status of the response. */
  status: number;
  /** ONTAP's `error` object; only its documented fields are kept. */
  error?: {
    code?: OntapErrorCode;
    message?: string;
    target?: string;
    arguments?: readonly ErrorArgument[];
  };
  operation?: ErrorOperation;
  /** Replaces the message built from the code, status, operation and ONTAP's message. */
  message?: string;
}

// Two copies of this package (two versions in one node_modules, or ESM next to a bundle)
// have two classes; the registry-wide symbol lets `instanceof` recognise either one's errors.
const brand = Symbol.for("@ontap-rest/errors.OntapApiError");

/**
 * An error response from the ONTAP REST API. Holds what the response says and which
 * operation it answered, never the request: no body, header or credential can leak from it.
 */
export class OntapApiError extends Error {
  static override [Symbol.hasInstance](value: unknown): value is OntapApiError {
    // A subclass keeps the ordinary prototype test: not every OntapApiError is one of its.
    if (this !== OntapApiError) return super[Symbol.hasInstance](value);
    return typeof value === "object" && value !== null && brand in value;
  }

  /**
   * The error for a response: `body` parsed or as text. Never throws; a body that is not an
   * ONTAP error (a proxy's HTML page, a wrong shape) gives an error without a code.
   */
  static fromResponse(status: number, body: unknown, operation?: ErrorOperation): OntapApiError {
    return new OntapApiError({ status, error: readErrorBody(body), operation });
  }

  override readonly name = "OntapApiError";
  // `declare`: assigned in the constructor, so no field initialiser is emitted (bundle bytes).
  declare readonly status: number;
  /** ONTAP's `error.code`; `undefined` when the response had none. */
  declare readonly code: OntapErrorCode | undefined;
  /** ONTAP's own `error.message`, as sent. */
  declare readonly ontapMessage: string | undefined;
  /** ONTAP's `error.target`: the field or object the error is about. */
  declare readonly target: string | undefined;
  declare readonly arguments: readonly ErrorArgument[];
  declare readonly operation: ErrorOperation | undefined;

  constructor(options: OntapApiErrorOptions) {
    const { code, message, target, arguments: args = [] } = readErrorObject(options.error);
    const operation = readOperation(options.operation);
    const text =
      message ??
      lookupError(code ?? "")?.description ??
      "the response carries no ONTAP error details";
    const on = operation ? ` on ${operation.method.toUpperCase()} ${operation.path}` : "";
    super(
      options.message ??
        `ONTAP error${code === undefined ? "" : ` ${code}`} (HTTP ${options.status})${on}: ${text}`,
    );
    this.status = options.status;
    this.code = code;
    this.ontapMessage = message;
    this.target = target;
    this.arguments = args;
    this.operation = operation;
    // Not enumerable, and kept out of the type: copies of the package stay type-compatible.
    Object.defineProperty(this, brand, { value: true });
  }

  /** What is known about `code` (`lookupError`); `undefined` for a code no page lists. */
  get entry(): ErrorEntry | undefined {
    // No code: "", which no entry has (as in the constructor).
    return lookupError(this.code ?? "");
  }

  /**
   * What the response said, and nothing else: the own fields above and the message. The
   * stack and a `cause` are not enumerable, so they stay out of logs and payloads.
   */
  toJSON() {
    return { ...this, message: this.message };
  }
}

// Only the method and path, whatever else the caller's object carries.
function readOperation(operation: unknown): ErrorOperation | undefined {
  try {
    const { method, path } = (operation ?? {}) as Record<string, unknown>;
    return typeof method === "string" && typeof path === "string" ? { method, path } : undefined;
  } catch {
    return undefined;
  }
}
