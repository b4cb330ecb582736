// What the poller needs of a client: `request`, as `createOntapClient` makes it (any doc
// set, with or without `throwOnError`). Structural, so any copy of the client fits.
export interface JobsClient {
  // `any`: the client's `request` is generic over its doc set's paths.
  request(
    method: any,
    path: any,
    init?: any,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}
