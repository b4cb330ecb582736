// What the caller asked for cannot be done (an output folder not named `generated`, a root
// with no spec to read): a problem with the arguments, not with a spec. The CLI exits 2 for
// it, with its usage; a spec that cannot be turned into code is 1.

export class UsageError extends Error {
  override name = "UsageError";
}
