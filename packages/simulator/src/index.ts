// @ontap-rest/simulator (private): a stateful ONTAP stand-in on 127.0.0.1 for tests and the demo.
export { startSimulator } from "./server.js";
export { DEFAULT_RELEASE, type ClusterVersion } from "./release.js";
export type { AkvSeed, SeenRequest, Simulator, SimulatorOptions, SimUser } from "./server.js";
export { realClock, VirtualClock, type SimClock } from "./clock.js";
export { Faults, type Fault, type FaultKind } from "./faults.js";
export { DEFAULT_PLAN, JobStore, type Job, type JobPlan, type JobState } from "./jobs.js";
export { SpecContract, type ContractOptions, type Mismatch } from "./spec.js";
export { SpecSourceError, type OpenApiDocument, type SpecSource } from "./spec-source.js";
