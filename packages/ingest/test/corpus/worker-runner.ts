/**
 * One child process (a corpus worker: adoc-corpus-worker.ts, web-corpus-worker.ts) that
 * answers requests one at a time, a JSON line each way; a request that takes longer than its
 * limit kills the child (the next request starts a fresh one).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { ROOT } from "../helpers.js";
import type { IngestReply, IngestRequest } from "./adoc-corpus-worker.js";

const ADOC_WORKER = fileURLToPath(new URL("./adoc-corpus-worker.ts", import.meta.url));
/** A fresh child first loads tsx and the ingester: added to its first request's limit. */
const START_MS = 30_000;

export class WorkerRunner<Request, Reply> {
  private child: ChildProcess | undefined;
  private waiting: ((line: string | undefined) => void) | undefined;
  private fresh = true;

  /**
   * @param worker the worker module's path (run with tsx)
   * @param limitMs the most one request may take, once the child has started
   * @param startMs what a fresh child's first request may take on top of that
   */
  constructor(
    private readonly worker: string,
    private readonly limitMs: number,
    private readonly startMs = START_MS,
  ) {}

  private start(): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", this.worker], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    });
    createInterface({ input: child.stdout!, crlfDelay: Infinity }).on("line", (l) =>
      this.answer(l),
    );
    child.on("exit", () => {
      if (this.child === child) this.child = undefined;
      this.answer(undefined);
    });
    this.fresh = true;
    return child;
  }

  private answer(line: string | undefined): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(line);
  }

  /** The reply, or "hang" past the limit, or "exit" when the child died. */
  async run(request: Request): Promise<Reply | "hang" | "exit"> {
    const child = (this.child ??= this.start());
    const limit = this.limitMs + (this.fresh ? this.startMs : 0);
    this.fresh = false;
    let timer: NodeJS.Timeout | undefined;
    const line = await new Promise<string | undefined | "hang">((resolve) => {
      this.waiting = resolve;
      timer = setTimeout(() => resolve("hang"), limit);
      child.stdin!.write(JSON.stringify(request) + "\n");
    });
    clearTimeout(timer);
    if (line === "hang") {
      this.waiting = undefined;
      this.stop();
      return "hang";
    }
    return line === undefined ? "exit" : (JSON.parse(line) as Reply);
  }

  stop(): void {
    const child = this.child;
    this.child = undefined;
    child?.kill("SIGKILL");
  }
}

/** The AsciiDoc corpus worker: pages ingested alone or together. */
export class IngestRunner extends WorkerRunner<IngestRequest, IngestReply> {
  constructor(limitMs: number) {
    super(ADOC_WORKER, limitMs);
  }
}
