import type { KnownCode } from "./generated/catalog.js";

/**
 * Readable names for codes whose meaning the reference pages make plain, chosen by hand.
 *
 * Never derived from messages by a program: a name is a promise about what a code means, so
 * each one here was read against its description in the docs (shown beside it). Typed by
 * `KnownCode`, so a code that disappears from the docs stops the build here. Downstream
 * teams add their own with `registerErrorNames`.
 */
export const names: Readonly<Partial<Record<KnownCode, string>>> = {
  // "Job is already in a terminal state."
  "458762": "JOB_ALREADY_TERMINAL",
  // "The specified job is running."
  "458771": "JOB_RUNNING",
  // "The specified job is not currently running."
  "458776": "JOB_NOT_RUNNING",
  // "This job does not support pause."
  "458783": "JOB_PAUSE_NOT_SUPPORTED",
  // "This job does not support cancel."
  "458784": "JOB_CANCEL_NOT_SUPPORTED",
  // "Azure Key Vault is not configured for the given SVM."
  "65537120": "AKV_NOT_CONFIGURED",
  // "A key manager has already been configured for this SVM."
  "65537500": "KEY_MANAGER_ALREADY_CONFIGURED",
  // "AKV is not supported in MetroCluster configurations."
  "65537506": "AKV_METROCLUSTER_NOT_SUPPORTED",
  // "The field "client_secret" must be specified."
  "65537517": "AKV_CLIENT_SECRET_REQUIRED",
  // "No inputs were provided for the patch request."
  "65537541": "PATCH_NO_INPUTS",
};
