// Generates spec/ontap-<docset>.openapi.yaml for every published doc set in spec/sources/.
//
// Every spec/overlays/*.yaml is passed to every doc set, in file name order (plain code-unit
// order: name them 10-..., 20-... to order them); the ingester skips an overlay whose
// `extends` names another doc set.
//
// Runs the ingest CLI once per doc set, from the repo root, with paths relative to the root:
// the CLI records them in the spec as provenance, so they must not depend on where the repo
// is checked out. Runs every doc set even after a failure, then exits non-zero if any failed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = "packages/ingest/bin/ontap-rest-ingest.js";

if (!existsSync(new URL("../packages/ingest/dist/cli.js", import.meta.url))) {
  console.error("packages/ingest/dist/cli.js not found: build the ingester first (pnpm build)");
  process.exit(1);
}

const docsets = readdirSync(new URL("../spec/sources/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort(byCodeUnits);

const overlaysUrl = new URL("../spec/overlays/", import.meta.url);
const overlays = existsSync(overlaysUrl)
  ? readdirSync(overlaysUrl, { withFileTypes: true })
      .filter(
        (entry) => entry.isFile() && entry.name.endsWith(".yaml") && !entry.name.startsWith("."),
      )
      .map((entry) => entry.name)
      .sort(byCodeUnits)
  : [];

const failed = [];
for (const docset of docsets) {
  const manifestPath = `spec/sources/${docset}/docset.yaml`;
  const manifestUrl = new URL(`../${manifestPath}`, import.meta.url);
  const manifest = existsSync(manifestUrl) ? (parse(readFileSync(manifestUrl, "utf8")) ?? {}) : {};
  if (manifest.publish !== undefined && typeof manifest.publish !== "boolean") {
    console.error(`${manifestPath}: publish must be true or false`);
    failed.push(docset);
    continue;
  }
  if (manifest.publish === false) {
    console.error(`skip ${docset}: publish: false`);
    continue;
  }

  const args = [
    cli,
    "--docset",
    docset,
    "--out",
    `spec/ontap-${docset}.openapi.yaml`,
    ...overlays.flatMap((name) => ["--overlay", `spec/overlays/${name}`]),
    `spec/sources/${docset}`,
  ];
  console.error(`ontap-rest-ingest ${args.slice(1).join(" ")}`);
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.error) console.error(`${docset}: ${run.error.message}`);
  if (run.status !== 0) {
    console.error(`${docset}: ingest failed (exit ${run.status ?? run.signal})`);
    failed.push(docset);
  }
}

if (failed.length > 0) {
  console.error(`failed doc sets: ${failed.join(", ")}`);
  process.exit(1);
}

/** Plain code-unit order, the same on every machine and locale. */
function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
