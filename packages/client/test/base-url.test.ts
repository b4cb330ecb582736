import { describe, expect, it } from "vitest";
import { relativeToBase, resolveBaseUrl } from "../src/base-url.js";

describe("resolveBaseUrl", () => {
  it.each([
    [{ host: "cluster1.example.com" }, "https://cluster1.example.com/api"],
    [{ host: "10.0.0.5:8443" }, "https://10.0.0.5:8443/api"],
    [{ host: "[fd00::5]:443" }, "https://[fd00::5]:443/api"],
    [{ baseUrl: "http://127.0.0.1:8080/api/" }, "http://127.0.0.1:8080/api"],
    [{ baseUrl: "https://proxy.example/clusters/c1/api" }, "https://proxy.example/clusters/c1/api"],
  ])("%j → %s", (location, expected) => {
    expect(resolveBaseUrl(location)).toBe(expected);
  });
});

describe("relativeToBase: ONTAP's next links against the base URL", () => {
  const next = "/api/security/azure-key-vaults?start.uuid=u2&max_records=2";
  it.each([
    ["https://c1/api", next, "/security/azure-key-vaults?start.uuid=u2&max_records=2"],
    ["https://c1/api/", next, "/security/azure-key-vaults?start.uuid=u2&max_records=2"],
    ["https://p/x/api", next, "/security/azure-key-vaults?start.uuid=u2&max_records=2"],
    [
      "https://c1/api",
      `https://c1${next}`,
      "/security/azure-key-vaults?start.uuid=u2&max_records=2",
    ],
    [
      "https://c1/api",
      "security/azure-key-vaults?start.uuid=u2",
      "/security/azure-key-vaults?start.uuid=u2",
    ],
    ["http://127.0.0.1:9", next, "/api/security/azure-key-vaults?start.uuid=u2&max_records=2"],
    // leaving the base URL: another server, another scheme, or above the base path
    ["https://c1/api", `https://evil${next}`, undefined],
    ["https://c1/api", `//evil${next}`, undefined],
    ["https://c1/api", `http://c1${next}`, undefined],
    ["https://p/x/api", `https://p/y${next}`, undefined],
    ["https://c1/api", "/api/../admin", undefined],
  ])("%s + %s → %s", (baseUrl, href, expected) => {
    expect(relativeToBase(baseUrl, href)).toBe(expected);
  });
});
