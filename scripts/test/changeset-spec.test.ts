// scripts/changeset-spec.ts and scripts/changesets/: on temporary git repositories in the OS
// temp dir, each a minimal copy of this one (a fixed group in .changeset/config.json, the
// packages' package.json files, spec/ontap-9.9.1.openapi.yaml), released as
// @ontap-rest/openapi@0.1.0. The spec is then changed and the real functions (and, for the
// exit codes, the real CLI) run on it.
import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { main } from "../changeset-spec.js";
import { compareVersions, latestReleaseTag } from "../changesets/baseline.js";
import { checkCoverage } from "../changesets/coverage.js";
import { pendingChangesets } from "../changesets/pending.js";
import { isSpecChangeset } from "../changesets/summary.js";
import { writeSpecChangeset } from "../changesets/write-changeset.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const SPEC = "spec/ontap-9.9.1.openapi.yaml";
const TAG = "@ontap-rest/openapi@0.1.0";
const SPEC_PACKAGES = [
  "@ontap-rest/openapi",
  "@ontap-rest/types",
  "@ontap-rest/errors",
  "@ontap-rest/client",
];

// git never looks above the temp dir: a temp dir inside some other repository stays a
// non-repository, and the user's hooks and signing settings do not apply.
process.env.GIT_CEILING_DIRECTORIES = tmpdir();
const GIT = ["-c", "user.name=test", "-c", "user.email=test@example.com"];
const GIT_OPTIONS = [
  "-c",
  "commit.gpgsign=false",
  "-c",
  "tag.gpgSign=false",
  "-c",
  "core.hooksPath=/dev/null",
];
function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", [...GIT, ...GIT_OPTIONS, ...args], { cwd, encoding: "utf8" });
}

/** The spec variants the cases put in place of the committed 9.9.1 spec. */
const original = readFileSync(join(root, SPEC), "utf8");
const latest = readFileSync(join(root, "spec/ontap-latest.openapi.yaml"), "utf8");
function edited(...edits: ((doc: any) => void)[]): string {
  const doc = parse(original);
  for (const edit of edits) edit(doc);
  return stringify(doc);
}
/** Only a description: a fix. */
const betterDescription = (doc: any) => {
  doc.paths["/cluster/jobs"].get.description = "Retrieves the jobs. Now with a better description.";
};
/** An operation more: a feature. */
const extraOperation = (doc: any) => {
  doc.paths["/cluster/extra"] = {
    get: { operationId: "get_cluster_extra", responses: { "200": { description: "OK" } } },
  };
};
const described = edited(betterDescription);
const extended = edited(extraOperation);
const both = edited(betterDescription, extraOperation);

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "changeset-spec-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A repository like this one in `dir`, the 9.9.1 spec committed, tagged `tag` unless null. */
function makeRepo(tag: string | null = TAG, dir = tempDir()): string {
  const write = (file: string, text: string) => {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write("package.json", JSON.stringify({ name: "fixture", private: true }));
  write(
    ".changeset/config.json",
    JSON.stringify({
      changelog: "@changesets/cli/changelog",
      commit: false,
      fixed: [["@ontap-rest/*", "!@ontap-rest/spec"]],
      baseBranch: "main",
    }),
  );
  for (const name of [...SPEC_PACKAGES, "@ontap-rest/jobs"])
    write(
      `packages/${name.split("/")[1]}/package.json`,
      JSON.stringify({ name, version: "0.1.0" }),
    );
  write("spec/package.json", JSON.stringify({ name: "@ontap-rest/spec", private: true }));
  copyFileSync(join(root, SPEC), join(dir, SPEC));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "release");
  if (tag) git(dir, "tag", tag);
  return dir;
}

/** Puts the doc sets in the working tree: docset → spec text (missing: no file). */
function setSpecs(dir: string, specs: Record<string, string>): void {
  for (const name of readdirSync(join(dir, "spec")))
    if (name.endsWith(".openapi.yaml")) rmSync(join(dir, "spec", name));
  for (const [docset, text] of Object.entries(specs))
    writeFileSync(join(dir, `spec/ontap-${docset}.openapi.yaml`), text);
}

/** Removes every pending changeset (leaves config.json). */
function clearChangesets(dir: string): void {
  for (const name of readdirSync(join(dir, ".changeset")))
    if (name.endsWith(".md")) rmSync(join(dir, ".changeset", name));
}

/** A changeset written by hand, as `pnpm changeset` would. */
function handChangeset(dir: string, id: string, releases: Record<string, string>): void {
  const front = Object.entries(releases).map(([name, type]) => `"${name}": ${type}`);
  writeFileSync(join(dir, `.changeset/${id}.md`), `---\n${front.join("\n")}\n---\n\nBy hand.\n`);
}

async function run(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    args,
    cwd,
    (s) => (stdout += s),
    (s) => (stderr += s),
  );
  return { code, stdout, stderr };
}

describe("pnpm changeset:spec (released as 0.1.0)", () => {
  let repo: string;
  beforeAll(() => {
    repo = makeRepo();
  });
  beforeEach(() => {
    setSpecs(repo, { "9.9.1": original });
    clearChangesets(repo);
  });

  const cases: [
    string,
    { given: Record<string, string>; want: { bump: string; lines: string[] } },
  ][] = [
    [
      "the latest spec in place of 9.9.1",
      {
        given: { "9.9.1": latest },
        want: {
          bump: "major",
          lines: [
            `ONTAP API spec changes since ${TAG}: 16 breaking, 3 features, 5 fixes`,
            "- **9.9.1** `GET /cluster/jobs`: breaking: operation removed",
            "- **9.9.1** `POST /security/azure-key-vaults/{uuid}/rekey-internal`",
            "  - breaking: path parameter {azure_key_vault.uuid}: path parameter renamed (`azure_key_vault.uuid` → `uuid`)",
            "  - fix: introduced-in release changed (`9.8` → `9.10`)",
            "- **9.9.1** component `job_link`: feature: component added",
          ],
        },
      },
    ],
    [
      "a description changed",
      {
        given: { "9.9.1": described },
        want: {
          bump: "patch",
          lines: [
            `ONTAP API spec changes since ${TAG}: 1 fix`,
            "- **9.9.1** `GET /cluster/jobs`: fix: description changed",
          ],
        },
      },
    ],
    [
      "an operation added",
      {
        given: { "9.9.1": extended },
        want: {
          bump: "minor",
          lines: [
            `ONTAP API spec changes since ${TAG}: 1 feature`,
            "- **9.9.1** `GET /cluster/extra`: feature: operation added",
          ],
        },
      },
    ],
    [
      "a new doc set",
      {
        given: { "9.9.1": original, latest },
        want: {
          bump: "minor",
          lines: [
            `ONTAP API spec changes since ${TAG}: 9 features`,
            "- **latest** `spec/ontap-latest.openapi.yaml`: new doc set, 3 operations and 6 components",
          ],
        },
      },
    ],
    [
      "a doc set removed",
      {
        given: {},
        want: {
          bump: "major",
          lines: [
            `ONTAP API spec changes since ${TAG}: 21 breaking`,
            "- **9.9.1** `spec/ontap-9.9.1.openapi.yaml`: doc set removed, 10 operations and 11 components",
          ],
        },
      },
    ],
    [
      "a doc set renamed (its old name is gone: breaking)",
      {
        given: { "9.9.2": original },
        want: {
          bump: "major",
          lines: [
            `ONTAP API spec changes since ${TAG}: 21 breaking, 21 features`,
            "- **9.9.1** `spec/ontap-9.9.1.openapi.yaml`: doc set removed, 10 operations and 11 components",
            "- **9.9.2** `spec/ontap-9.9.2.openapi.yaml`: new doc set, 10 operations and 11 components",
          ],
        },
      },
    ],
  ];
  test.each(cases)("%s: one changeset, bump and summary", async (_t, { given, want }) => {
    setSpecs(repo, given);
    const result = await writeSpecChangeset(repo);
    expect(result.written?.file).toMatch(/^\.changeset\/[a-z-]+\.md$/);
    const pending = await pendingChangesets(repo);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.releases).toEqual(SPEC_PACKAGES.map((name) => ({ name, type: want.bump })));
    const lines = pending[0]!.summary.split("\n");
    expect(lines[0]).toBe(want.lines[0]);
    expect(lines[1]).toBe("");
    for (const line of want.lines.slice(1)) expect(lines).toContain(line);
    // What the file says is what the command printed.
    const printed = readFileSync(join(repo, result.written!.file), "utf8");
    expect(printed).toBe(result.written!.content);
  });

  test("nothing changed: nothing written, and it says so", async () => {
    const { code, stdout } = await run([], repo);
    expect(code).toBe(0);
    expect(stdout).toBe(`no spec changes since ${TAG}: no changeset written\n`);
    expect(await pendingChangesets(repo)).toEqual([]);
  });

  test("a rerun replaces the changeset it wrote, keeps the others, and drops it once stale", async () => {
    handChangeset(repo, "by-hand", { "@ontap-rest/jobs": "patch" });
    setSpecs(repo, { "9.9.1": latest });
    const first = await writeSpecChangeset(repo);
    // The same changes again: the same file, untouched.
    const again = await writeSpecChangeset(repo);
    expect(again).toMatchObject({ upToDate: first.written!.file, removed: [] });
    expect(again.written).toBeUndefined();
    // Other changes: the old one is replaced, not joined.
    setSpecs(repo, { "9.9.1": described });
    const { code, stdout } = await run([], repo);
    expect(code).toBe(0);
    expect(stdout).toContain(`removed ${first.written!.file} (written by changeset:spec before)`);
    expect(stdout).toMatch(/^wrote \.changeset\/[a-z-]+\.md \(patch: 1 fix\):\n\n---\n/m);
    const pending = await pendingChangesets(repo);
    expect(pending.map((c) => c.id).sort()).toEqual(
      ["by-hand", stdout.match(/wrote \.changeset\/([a-z-]+)\.md/)![1]!].sort(),
    );
    // The changes reverted: the stale changeset goes, the hand-written one stays.
    setSpecs(repo, { "9.9.1": original });
    const last = await run([], repo);
    expect(last.stdout).toContain("no changeset written");
    expect((await pendingChangesets(repo)).map((c) => c.id)).toEqual(["by-hand"]);
  });

  test("a hand-written changeset that merely starts with the marker words is never removed nor called stale", async () => {
    // Written by hand: "ONTAP API spec changes" are only its first words.
    const text = "ONTAP API spec changes since the last release were reviewed by the storage team.";
    writeFileSync(
      join(repo, ".changeset/reviewed.md"),
      `---\n"@ontap-rest/openapi": minor\n---\n\n${text}\n`,
    );
    setSpecs(repo, { "9.9.1": described });
    const written = await writeSpecChangeset(repo);
    expect(written.removed).toEqual([]);
    expect((await checkCoverage(repo)).stale).toEqual([]);
    // No changes: the one it wrote goes, the hand-written one stays.
    setSpecs(repo, { "9.9.1": original });
    expect((await writeSpecChangeset(repo)).removed).toEqual([written.written!.file]);
    expect((await pendingChangesets(repo)).map((c) => c.id)).toEqual(["reviewed"]);
  });

  const coverage: [
    string,
    { given: Record<string, Record<string, string>>; want: { ok: boolean; message: RegExp } },
  ][] = [
    [
      "no changeset",
      {
        given: {},
        want: {
          ok: false,
          message:
            /^spec\/ontap-9\.9\.1\.openapi\.yaml changed since @ontap-rest\/openapi@0\.1\.0 \(16 breaking changes: GET \/cluster\/jobs: operation removed; PATCH \/cluster\/jobs\/\{uuid\}: error code removed; …\): a major changeset is needed, no pending changeset releases @ontap-rest\/openapi or its fixed group\. Run pnpm changeset:spec\.$/,
        },
      },
    ],
    [
      "a minor changeset",
      {
        given: { small: { "@ontap-rest/openapi": "minor" } },
        want: {
          ok: false,
          message:
            /: a major changeset is needed, the pending ones give minor\. Run pnpm changeset:spec\.$/,
        },
      },
    ],
    [
      "a major changeset for a package outside the group",
      {
        given: { outside: { "@ontap-rest/spec": "major", "other-package": "major" } },
        want: { ok: false, message: /no pending changeset releases @ontap-rest\/openapi/ },
      },
    ],
    [
      "a major changeset by hand for another package of the group",
      {
        given: {
          "by-hand": { "@ontap-rest/jobs": "major" },
          small: { "@ontap-rest/openapi": "patch" },
        },
        want: {
          ok: true,
          message:
            /^spec changes since @ontap-rest\/openapi@0\.1\.0 \(16 breaking, 3 features, 5 fixes\) need a major changeset: \.changeset\/by-hand\.md gives major$/,
        },
      },
    ],
  ];
  test.each(coverage)("check with %s", async (_t, { given, want }) => {
    setSpecs(repo, { "9.9.1": latest });
    for (const [id, releases] of Object.entries(given)) handChangeset(repo, id, releases);
    const result = await checkCoverage(repo);
    expect(result.required).toBe("major");
    expect(result.ok).toBe(want.ok);
    expect(result.message).toMatch(want.message);
  });

  test("check passes with the changeset changeset:spec wrote; out of date, it warns or fails", async () => {
    setSpecs(repo, { "9.9.1": described });
    const { written } = await writeSpecChangeset(repo);
    expect(await run(["--check"], repo)).toEqual({
      code: 0,
      stdout: `spec changes since ${TAG} (1 fix) need a patch changeset: ${written!.file} gives patch\n`,
      stderr: "",
    });
    // More changes than it says: short of the bump, a failure naming it.
    const stale = `changeset:spec: ${written!.file} (written by changeset:spec) no longer matches the spec changes: rerun pnpm changeset:spec\n`;
    setSpecs(repo, { "9.9.1": extended });
    expect(await run(["--check"], repo)).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "changeset:spec: spec/ontap-9.9.1.openapi.yaml changed since @ontap-rest/openapi@0.1.0 (1 feature: GET /cluster/extra: operation added): a minor changeset is needed, the pending ones give patch. Run pnpm changeset:spec.\n" +
        stale,
    });
    // Changes reverted: the bump still covers (none needed), but its changelog text is wrong.
    setSpecs(repo, { "9.9.1": original });
    expect(await run(["--check"], repo)).toEqual({
      code: 0,
      stdout: `no spec changes since ${TAG}: no changeset needed\n`,
      stderr: stale,
    });
  });

  test("nothing changed: the check passes with no changeset", async () => {
    expect(await run(["--check"], repo)).toEqual({
      code: 0,
      stdout: `no spec changes since ${TAG}: no changeset needed\n`,
      stderr: "",
    });
  });

  test("--since compares with that commit instead of the release tag", async () => {
    const branch = makeRepo();
    setSpecs(branch, { "9.9.1": described });
    git(branch, "commit", "-q", "-am", "a description");
    setSpecs(branch, { "9.9.1": both });
    // Since the tag: the description and the operation; since HEAD: the operation only.
    expect((await checkCoverage(branch)).changes.summary).toEqual({
      breaking: 0,
      feature: 1,
      fix: 1,
    });
    const sinceHead = await checkCoverage(branch, { since: "HEAD" });
    expect(sinceHead.changes.summary).toEqual({ breaking: 0, feature: 1, fix: 0 });
    expect(sinceHead.message).toMatch(/ changed since HEAD \(1 feature: /);
    setSpecs(branch, { "9.9.1": described });
    expect(await run(["--since", "HEAD"], branch)).toMatchObject({
      code: 0,
      stdout: "no spec changes since HEAD: no changeset written\n",
    });
    expect(await run(["--check", "--since", "no-such-ref"], branch)).toEqual({
      code: 2,
      stdout: "",
      stderr: "changeset:spec: --since no-such-ref: not a commit in this repository\n",
    });
  });

  test("the baseline is the newest release tag reachable from HEAD, by version", () => {
    const tags = makeRepo("@ontap-rest/openapi@0.2.0");
    git(tags, "commit", "-q", "--allow-empty", "-m", "later");
    git(tags, "tag", "@ontap-rest/openapi@0.10.0");
    git(tags, "tag", "@ontap-rest/types@9.0.0"); // another package's tag
    git(tags, "checkout", "-q", "-b", "side", "HEAD~1");
    git(tags, "commit", "-q", "--allow-empty", "-m", "side");
    git(tags, "tag", "@ontap-rest/openapi@0.11.0-next.0");
    git(tags, "checkout", "-q", "main");
    expect(latestReleaseTag(tags)).toBe("@ontap-rest/openapi@0.10.0"); // 0.11 is not reachable
    git(tags, "merge", "-q", "--no-edit", "side");
    expect(latestReleaseTag(tags)).toBe("@ontap-rest/openapi@0.11.0-next.0");
  });
});

describe("which changesets changeset:spec wrote (found by their first line)", () => {
  const cases: [string, { given: string; want: boolean }][] = [
    [
      "since a tag",
      {
        given: `ONTAP API spec changes since ${TAG}: 16 breaking, 3 features, 5 fixes\n\n- **9.9.1** …`,
        want: true,
      },
    ],
    [
      "before the first release",
      { given: "ONTAP API spec changes (first release): 21 features", want: true },
    ],
    [
      "since a ref with spaces",
      { given: "ONTAP API spec changes since HEAD@{1 day ago}: 1 fix", want: true },
    ],
    [
      "prose starting with the words",
      {
        given: "ONTAP API spec changes since the last release were reviewed by the storage team.",
        want: false,
      },
    ],
    [
      "prose after a colon",
      { given: "ONTAP API spec changes: qtrees, written by hand", want: false },
    ],
    [
      "the title, then more on its line",
      { given: `ONTAP API spec changes since ${TAG}: 1 fix, and the qtrees by hand`, want: false },
    ],
    [
      "the title on a later line",
      { given: `Qtrees.\n\nONTAP API spec changes since ${TAG}: 1 fix`, want: false },
    ],
    ["the words alone", { given: "ONTAP API spec changes", want: false }],
  ];
  test.each(cases)("%s", (_t, { given, want }) => {
    expect(isSpecChangeset(given)).toBe(want);
  });
});

describe("the baseline read from git", () => {
  test("the release tag is found whatever the user's git config says about columns", () => {
    const repo = makeRepo();
    const saved = { ...process.env };
    // `column.ui=always` (a user's ~/.gitconfig) puts `git tag`'s list on one line.
    Object.assign(process.env, {
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "column.ui",
      GIT_CONFIG_VALUE_0: "always",
    });
    try {
      git(repo, "tag", "@ontap-rest/openapi@0.0.1");
      expect(latestReleaseTag(repo)).toBe(TAG);
    } finally {
      process.env = saved;
    }
  });

  test("a doc set whose file name git quotes (non-ASCII) is read from the tag too", async () => {
    const repo = makeRepo(null);
    copyFileSync(join(root, SPEC), join(repo, "spec/ontap-9.9.1-café.openapi.yaml"));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "café");
    git(repo, "tag", TAG);
    expect(await run(["--check"], repo)).toEqual({
      code: 0,
      stdout: `no spec changes since ${TAG}: no changeset needed\n`,
      stderr: "",
    });
  });

  test("a repository whose path has spaces", async () => {
    const repo = makeRepo(TAG, join(tempDir(), "my repo"));
    setSpecs(repo, { "9.9.1": described });
    expect(await run(["--check"], repo)).toMatchObject({ code: 1 });
    expect(await run([], repo)).toMatchObject({ code: 0 });
    expect(await run(["--check"], repo)).toMatchObject({ code: 0, stderr: "" });
  });

  test("a --since that looks like a git option is refused, never passed on as one", async () => {
    const repo = makeRepo();
    const file = join(repo, "written-by-git");
    for (const since of [`--output=${file}`, "--all", "-h"])
      expect(await run(["--check", `--since=${since}`], repo)).toEqual({
        code: 2,
        stdout: "",
        stderr: `changeset:spec: --since ${since}: not a commit in this repository\n`,
      });
    expect(existsSync(file)).toBe(false);
  });

  test("a release whose spec is not YAML: exit 2, naming <tag>:spec/…", async () => {
    const repo = makeRepo(null);
    writeFileSync(join(repo, SPEC), "openapi: 3.1.0\npaths: {\n");
    git(repo, "commit", "-q", "-am", "broken");
    git(repo, "tag", TAG);
    setSpecs(repo, { "9.9.1": original });
    const result = await run(["--check"], repo);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(
      /^changeset:spec: @ontap-rest\/openapi@0\.1\.0:spec\/ontap-9\.9\.1\.openapi\.yaml: expected YAML or JSON \(.+\)\n$/,
    );
  });
});

describe("semver order of release tags", () => {
  const cases: [string, { given: [string, string]; want: number }][] = [
    ["minor by number, not text", { given: ["0.10.0", "0.2.0"], want: 1 }],
    ["major first", { given: ["1.0.0", "0.99.99"], want: 1 }],
    ["equal", { given: ["1.2.3", "1.2.3"], want: 0 }],
    ["prerelease before its release", { given: ["1.0.0-next.1", "1.0.0"], want: -1 }],
    ["prerelease numbers by number", { given: ["1.0.0-next.10", "1.0.0-next.9"], want: 1 }],
    ["numeric before alphanumeric", { given: ["1.0.0-1", "1.0.0-alpha"], want: -1 }],
    ["not a version sorts first", { given: ["latest", "0.0.1"], want: -1 }],
  ];
  test.each(cases)("%s", (_t, { given: [a, b], want }) => {
    expect(Math.sign(compareVersions(a, b))).toBe(want);
  });
});

describe("nothing released yet", () => {
  test("no tag: every doc set is new, a minor; a minor changeset covers it", async () => {
    const repo = makeRepo(null);
    const check = await run(["--check"], repo);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(
      /^changeset:spec: spec\/ontap-9\.9\.1\.openapi\.yaml is new before the first release \(21 features: GET \/cluster\/jobs: operation added; GET \/cluster\/jobs\/\{uuid\}: operation added; …\): a minor changeset is needed, no pending changeset releases/,
    );
    const { code, stdout } = await run([], repo);
    expect(code).toBe(0);
    expect(stdout).toContain('"@ontap-rest/openapi": minor');
    expect(stdout).toContain(
      "ONTAP API spec changes (first release): 21 features\n\n- **9.9.1** `spec/ontap-9.9.1.openapi.yaml`: new doc set, 10 operations and 11 components\n",
    );
    // The initial release's hand-written changeset (a minor for the group) covers it too.
    clearChangesets(repo);
    handChangeset(repo, "initial-release", { "@ontap-rest/ingest": "minor" });
    expect((await checkCoverage(repo)).ok).toBe(true);
  });
});

describe("errors", () => {
  test("not a git repository: a clear error, exit 2", async () => {
    const dir = tempDir();
    expect(await run(["--check"], dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `changeset:spec: ${dir}: not a git repository (the previous release's specs are read from its git tag; run this in the repo)\n`,
    });
  });

  test("git not found: a clear error, exit 2", async () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir(); // an empty folder: no git on it
    try {
      expect(await run([], tempDir())).toMatchObject({
        code: 2,
        stderr:
          "changeset:spec: git: not found on PATH (the previous release's specs are read from its git tag)\n",
      });
    } finally {
      process.env.PATH = path;
    }
  });

  const usage: [string, { given: string[] }][] = [
    ["an unknown option", { given: ["--nope"] }],
    ["an argument", { given: ["spec"] }],
    ["--since without a ref", { given: ["--since"] }],
    ["--since with an empty ref", { given: ["--since="] }],
    ["--old without --new", { given: ["--old", "a.yaml"] }],
    ["--new without --old", { given: ["--new", "b.yaml"] }],
    ["--old with an empty file", { given: ["--old=", "--new", "b.yaml"] }],
    ["--since with --old and --new", { given: ["--since", "v1", "--old", "a", "--new", "b"] }],
  ];
  test.each(usage)("bad usage (%s): exit 2 and the usage line", async (_t, { given }) => {
    const { code, stderr } = await run(given, tempDir());
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /\nusage: tsx scripts\/changeset-spec\.ts \[--check\] \[--since <git-ref> \| --old <spec-file> --new <spec-file>\]\n$/,
    );
  });
});

describe("--old <file> --new <file>: two spec files, no git", () => {
  /** A folder that is no repository, with the two specs under the names given. */
  function files(old: [string, string], now: [string, string]): string {
    const dir = tempDir();
    for (const [name, text] of [old, now]) writeFileSync(join(dir, name), text);
    return dir;
  }
  const named = (text: string, version: string) =>
    stringify({ ...parse(text), info: { ...parse(text).info, version } });

  const cases: [
    string,
    { old: [string, string]; new: [string, string]; title: string; lines: string[] },
  ][] = [
    [
      "docset from the file name (a feature and a fix)",
      {
        old: ["ontap-9.9.1.openapi.yaml", original],
        new: ["next.yaml", both],
        title: "ONTAP API spec changes since ontap-9.9.1.openapi.yaml: 1 feature, 1 fix",
        lines: [
          "- **9.9.1** `GET /cluster/jobs`: fix: description changed",
          "- **9.9.1** `GET /cluster/extra`: feature: operation added",
        ],
      },
    ],
    [
      "docset from the new spec's info.version",
      {
        old: ["a.yaml", named(original, "team")],
        new: ["b.yaml", named(extended, "team")],
        title: "ONTAP API spec changes since a.yaml: 1 feature",
        lines: ["- **team** `GET /cluster/extra`: feature: operation added"],
      },
    ],
  ];
  test.each(cases)("%s: writes the changeset naming each change", async (_t, want) => {
    const dir = files(want.old, want.new);
    const { code, stdout, stderr } = await run(["--old", want.old[0], "--new", want.new[0]], dir);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const [changeset] = await pendingChangesets(dir);
    expect(stdout).toContain(`wrote .changeset/${changeset!.id}.md`);
    const summary = changeset!.summary.split("\n");
    expect(summary[0]).toBe(want.title);
    expect(isSpecChangeset(changeset!.summary)).toBe(true);
    for (const line of want.lines) expect(summary).toContain(line);
    // A rerun finds the changeset it wrote: the same, kept.
    expect((await run(["--old", want.old[0], "--new", want.new[0]], dir)).stdout).toBe(
      `.changeset/${changeset!.id}.md is up to date\n`,
    );
  });

  test("the same spec twice: nothing to write", async () => {
    const dir = files(["ontap-9.9.1.openapi.yaml", original], ["next.yaml", original]);
    expect(await run(["--old", "ontap-9.9.1.openapi.yaml", "--new", "next.yaml"], dir)).toEqual({
      code: 0,
      stdout: "no spec changes since ontap-9.9.1.openapi.yaml: no changeset written\n",
      stderr: "",
    });
  });

  const errors: [string, { old: [string, string]; new: [string, string]; want: string }][] = [
    [
      "no doc set name",
      {
        old: ["a.yaml", original],
        new: ["b.yaml", stringify({ ...parse(original), info: { title: "x" } })],
        want: "b.yaml: expected a file named ontap-<docset>.openapi.yaml or an info.version naming the doc set",
      },
    ],
    [
      "not a spec",
      {
        old: ["a.yaml", "openapi: 3.1.0\n"],
        new: ["ontap-9.9.1.openapi.yaml", original],
        want: "a.yaml: expected",
      },
    ],
  ];
  test.each(errors)("%s: exit 2, the file named", async (_t, { old, new: now, want }) => {
    const dir = files(old, now);
    const { code, stderr } = await run(["--old", old[0], "--new", now[0]], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(`changeset:spec: ${want}`);
    expect(stderr).not.toContain(dir);
  });

  test("a missing file: exit 2, named as given", async () => {
    const dir = files(["a.yaml", original], ["b.yaml", original]);
    expect(await run(["--old", "gone.yaml", "--new", "b.yaml"], dir)).toMatchObject({
      code: 2,
      stderr: "changeset:spec: gone.yaml: expected a readable file (ENOENT)\n",
    });
  });
});

describe("the script", () => {
  const script = join(root, "scripts/changeset-spec.ts");
  const tsx = join(root, "node_modules/tsx/dist/cli.mjs");
  function runScript(args: string[], cwd: string) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [tsx, script, ...args],
        { cwd },
        (_e, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
  }

  test("--check exits 1 when not covered, 0 once changeset:spec wrote the changeset", async () => {
    const repo = makeRepo();
    setSpecs(repo, { "9.9.1": latest });
    const failing = await runScript(["--check"], repo);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("a major changeset is needed");
    expect((await runScript([], repo)).code).toBe(0);
    expect(await runScript(["--check"], repo)).toMatchObject({ code: 0, stderr: "" });
  }, 60_000);
});
