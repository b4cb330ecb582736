// Accounts and their roles: `users` adds accounts whose role denies paths, as a least-privilege
// ONTAP role does (one that grants only /api/security/azure-key-vaults, say). A denied path
// answers 403 with ONTAP's body. Plain fetch: what is on the wire.
import { afterEach, describe, expect, it } from "vitest";
import { NOT_AUTHORIZED } from "../src/http-handler.js";
import { startSimulator, type Simulator } from "../src/index.js";
import { auth } from "./helpers.js";

const automation = { username: "akv-bot", password: "bot-Pa55word", deny: ["/api/cluster"] };
const basic = (user: { username: string; password: string }) =>
  `Basic ${btoa(`${user.username}:${user.password}`)}`;

let sim: Simulator | undefined;
afterEach(async () => {
  if (!sim) return;
  expect(sim.mismatches).toEqual([]);
  await sim.close();
  sim = undefined;
});

async function call(path: string, authorization: string) {
  const response = await fetch(`${sim!.baseUrl}${path}`, { headers: { authorization } });
  return { status: response.status, body: await response.json() };
}

describe("users and what their roles deny", () => {
  it("answers a denied path 403 with ONTAP's body", () => {
    expect(JSON.stringify(NOT_AUTHORIZED)).toBe(
      '{"error":{"code":"6","message":"not authorized for that command"}}',
    );
  });

  it.each<[string, { path: string; user: "admin" | "automation" | "stranger"; status: number }]>([
    [
      "the denied path itself",
      { path: "/cluster?fields=version", user: "automation", status: 403 },
    ],
    ["a path under it", { path: "/cluster/jobs", user: "automation", status: 403 }],
    ["a path it grants", { path: "/security/azure-key-vaults", user: "automation", status: 200 }],
    ["a path that only starts alike", { path: "/clusterx", user: "automation", status: 404 }],
    ["the same path for `auth`", { path: "/cluster?fields=version", user: "admin", status: 200 }],
    [
      "an account nobody has",
      { path: "/security/azure-key-vaults", user: "stranger", status: 401 },
    ],
  ])("%s", async (_, { path, user, status }) => {
    sim = await startSimulator({ clock: "virtual", auth, users: [automation] });
    const account = {
      admin: auth,
      automation,
      stranger: { username: "akv-bot", password: "wrong" },
    }[user];
    const answer = await call(path, basic(account));
    expect(answer.status).toBe(status);
    if (status === 403) expect(answer.body).toEqual(NOT_AUTHORIZED);
    if (status === 401) expect(answer.body).toMatchObject({ error: { code: "6" } });
    expect(sim.requests.at(-1)).toMatchObject({
      status,
      ...(status === 401 ? {} : { user: account.username }),
    });
  });

  it("`users` alone: every request needs one of them", async () => {
    sim = await startSimulator({ clock: "virtual", users: [automation] });
    expect((await call("/security/azure-key-vaults", basic(auth))).status).toBe(401);
    expect((await call("/security/azure-key-vaults", basic(automation))).status).toBe(200);
  });
});
