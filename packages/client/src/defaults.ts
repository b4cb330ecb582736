// Every default of the client, declared once: the option docs, the README and the code all
// point here instead of repeating numbers.
export const DEFAULTS = {
  /**
   * Per attempt. ONTAP may hold a request for up to `return_timeout` = 120 s before it
   * answers, so anything shorter would abort requests that are behaving as documented.
   */
  timeoutMs: 150_000,
  retry: {
    /** Retries after the first attempt (so at most 4 attempts). */
    retries: 3,
    /**
     * Methods that are safe to send twice. POST and PATCH are not: ONTAP may have acted on
     * the first one (started a job, created a record) before the connection broke.
     */
    methods: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"],
    /** First backoff step; it doubles per retry, up to `maxDelayMs`. */
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    /**
     * The total time a request may spend waiting between attempts. A `Retry-After` that
     * does not fit in what is left ends the retries and returns that response.
     */
    budgetMs: 30_000,
  },
  /** Pages `paginate` follows at most: a safety net against a server that never ends. */
  maxPages: 10_000,
  /**
   * On: an operation introduced in a later ONTAP release than the cluster runs is refused
   * before it is sent. It costs one `GET /api/cluster?fields=version` per client, on the
   * first operation that needs it (none of the 9.6 ones, such as the jobs endpoints).
   */
  versionCheck: true,
} as const;
