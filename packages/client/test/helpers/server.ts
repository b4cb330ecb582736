// A real HTTP(S) server on 127.0.0.1, port 0: the tests run the real client and the real
// fetch against it. Each test sets the handler; every request is recorded.
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

export interface Seen {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: Seen, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` (or https). */
  origin: string;
  /** The requests since the last `handle`. */
  seen: Seen[];
  /** Sets the handler for the next requests and forgets the ones seen. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(tls?: { key: string; cert: string }): Promise<TestServer> {
  const seen: Seen[] = [];
  let handler: Handler = (_, response) => json(response, 404, {});
  const listener = async (
    request: import("node:http").IncomingMessage,
    response: ServerResponse,
  ) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const entry: Seen = {
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    seen.push(entry);
    try {
      await handler(entry, response);
    } catch {
      if (!response.headersSent) json(response, 599, {});
    }
  };
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    seen,
    handle(next) {
      handler = next;
      seen.length = 0;
    },
    close() {
      // Also the connections a test left hanging (timeouts).
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** A port nothing listens on: a server's, once it has closed. */
export async function closedPort(): Promise<number> {
  const server = await startServer();
  const port = Number(new URL(server.origin).port);
  await server.close();
  return port;
}
