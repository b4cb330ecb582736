// Shared set-up: a simulator on virtual time and the real client pointed at it.
import { createOntapClient } from "@ontap-rest/client";
import type { DocSet } from "@ontap-rest/openapi";
import {
  startSimulator,
  VirtualClock,
  type Simulator,
  type SimulatorOptions,
} from "../src/index.js";

export const auth = { username: "admin", password: "netapp-Pa55word" };

export const akvBody = (name: string, svm: string) => ({
  name,
  svm: { name: svm },
  client_id: "c5b1f1b0-1111-4d1a-9a53-2f4f0c3e1a01",
  tenant_id: "d6c2e2c1-2222-4e2b-8b64-3a5a1d4f2b02",
  client_secret: "Super-Secret-Value-1234567890",
  key_id: `https://${name}.vault.azure.net/keys/key1`,
});

/** `client`: options of the client beyond doc set, base URL and auth (`versionCheck`). */
export async function setup<D extends DocSet>(
  docset: D,
  options: SimulatorOptions = {},
  client: { versionCheck?: boolean } = {},
) {
  const sim: Simulator = await startSimulator({ docset, clock: "virtual", auth, ...options });
  const ontap = createOntapClient({ docset, baseUrl: sim.baseUrl, auth, ...client });
  const clock = sim.clock as VirtualClock;
  return { sim, client: ontap, clock };
}
