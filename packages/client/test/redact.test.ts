import { describe, expect, it } from "vitest";
import { redact, secretsIn } from "../src/redact.js";

describe("secretsIn", () => {
  it("finds secret properties at any depth, and nothing else", () => {
    const body = {
      name: "akv1",
      client_secret: "cs",
      proxy: { proxy_password: "pp", port: 3128 },
      accounts: [{ password: "pw" }, { passphrase: "" }],
      token: 42,
    };
    expect(secretsIn(body)).toEqual(["cs", "pp", "pw"]);
    expect(secretsIn(undefined)).toEqual([]);
    expect(secretsIn("client_secret")).toEqual([]);
  });
});

describe("redact", () => {
  it.each<[unknown, unknown]>([
    ["bad secret abc", "bad [redacted] abc"],
    [
      { error: { message: "x secret-long y", arguments: [{ message: "secret" }] } },
      { error: { message: "x [redacted] y", arguments: [{ message: "[redacted]" }] } },
    ],
    [42, 42],
    [null, null],
    [undefined, undefined],
  ])("%j → %j", (value, expected) => {
    expect(redact(value, ["secret", "secret-long"])).toEqual(expected);
  });

  it("masks what is too deep to walk", () => {
    let deep: unknown = "secret";
    for (let i = 0; i < 40; i++) deep = { deep };
    expect(JSON.stringify(redact(deep, ["secret"]))).not.toContain("secret");
  });
});
