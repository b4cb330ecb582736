// A new npm project in the OS temp folder with the workspace's packages installed from the
// tarballs pnpm packs, as a user (or a downstream team's repo) gets them: far from this
// workspace's node_modules, with the user's npm settings and nothing of the workspace's.
//
// Used by pack-install.test.ts and downstream.test.ts. Needs the packages built (`pnpm
// generate`, the README's first command) and the npm registry (typescript, @types/node and
// the packages' own dependencies).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../..", import.meta.url));

export const INSTALL_TIMEOUT_MS = 180_000;
export const STEP_TIMEOUT_MS = 60_000;

const devDependencies = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
  .devDependencies as Record<string, string>;

/** Within the workspace (then the project would see its node_modules): not a fresh project. */
export function insideWorkspace(path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * The environment for npm, tsc and the program: without what pnpm and npm pass to scripts
 * (`npm_config_local_prefix` would make npm install into the workspace) and without the
 * workspace's node_modules/.bin on PATH. The user's registry, cache and proxy settings stay.
 */
export function userEnv(): NodeJS.ProcessEnv {
  const keep =
    /^npm_config_(registry|cache|userconfig|globalconfig|cafile|https?_proxy|proxy|noproxy|strict_ssl)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(key) && !keep.test(key)) continue;
    if (["INIT_CWD", "NODE_PATH"].includes(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((entry) => entry !== "" && !insideWorkspace(entry))
    .join(delimiter);
  env.npm_config_update_notifier = "false";
  return env;
}

export interface Output {
  stdout: string;
  stderr: string;
}

/** Runs a command; rejects with its output on a non-zero exit or after `timeout` ms. */
export function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout: number },
): Promise<Output> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { ...options, env: options.env ?? userEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const why = error.killed ? `killed after ${options.timeout} ms` : error.message;
        reject(
          new Error(
            `${command} ${args.join(" ")} (in ${options.cwd}): ${why}\n${stdout}\n${stderr}`,
          ),
        );
      },
    );
  });
}

/** The workspace's pnpm: the one on PATH if it is root package.json's `packageManager`. */
async function pnpm(): Promise<string[]> {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    packageManager: string;
  };
  const version = /^pnpm@([^+]+)/.exec(packageManager)?.[1] ?? "";
  const onPath = await exec("pnpm", ["--version"], {
    cwd: root,
    env: process.env,
    timeout: STEP_TIMEOUT_MS,
  }).catch(() => undefined);
  return onPath?.stdout.trim() === version ? ["pnpm"] : ["npx", "-y", `pnpm@${version}`];
}

/** A package to install: its folder under packages/ and files the build must have made. */
export interface PackedPackage {
  folder: string;
  built: readonly string[];
}

/** Throws, naming the command to run, when a package's build is missing. */
export function assertBuilt(packages: readonly PackedPackage[]): void {
  const missing = packages.flatMap(({ folder, built }) =>
    built.map((file) => join("packages", folder, file)).filter((f) => !existsSync(join(root, f))),
  );
  if (missing.length > 0) {
    throw new Error(
      `the packages are not built (missing ${missing.join(", ")}): run ` +
        "`npx -y pnpm@10.34.9 generate` (the README's first command) first",
    );
  }
}

/** Packs each package with pnpm into `<into>/<folder>/` and returns the tarballs' paths. */
export async function packPackages(
  packages: readonly PackedPackage[],
  into: string,
): Promise<string[]> {
  const [command, ...prefix] = await pnpm();
  const files: string[] = [];
  for (const { folder } of packages) {
    const out = join(into, folder);
    mkdirSync(out, { recursive: true });
    // Lifecycle scripts off: pack the build `pnpm generate` made (ingest's `prepare` would
    // rebuild dist/ while other tests use it).
    await exec(
      command!,
      [...prefix, "pack", "--pack-destination", out, "--config.ignore-scripts=true"],
      {
        cwd: join(root, "packages", folder),
        env: process.env,
        timeout: STEP_TIMEOUT_MS,
      },
    );
    const tgz = readdirSync(out).filter((f) => f.endsWith(".tgz"));
    if (tgz.length !== 1) throw new Error(`${out}: expected one tarball, found ${tgz.length}`);
    files.push(join(out, tgz[0]!));
  }
  return files;
}

/** The TypeScript setup of the projects: NodeNext, strict, the packages' .d.ts checked too. */
export const tsconfig = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: false,
    resolveJsonModule: true,
    types: ["node"],
    rootDir: "src",
    outDir: "out",
  },
  include: ["src"],
};

/**
 * Makes `project` a new npm project (package.json, tsconfig.json) and installs the tarballs,
 * typescript and @types/node into it, at the workspace's versions.
 */
export async function installProject(project: string, tarballs: readonly string[]): Promise<void> {
  if (insideWorkspace(project)) throw new Error(`${project} is inside the workspace ${root}`);
  mkdirSync(join(project, "src"), { recursive: true });
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "ontap-rest-packed-project", private: true, type: "module" }, null, 2),
  );
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  await exec(
    "npm",
    [
      "install",
      "--prefix",
      project,
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...tarballs,
      `typescript@${devDependencies["typescript"]}`,
      `@types/node@${devDependencies["@types/node"]}`,
    ],
    { cwd: project, timeout: INSTALL_TIMEOUT_MS },
  );
}

/** `tsc --noEmit` in `project` (rejects with the errors), then JavaScript to `out/` unchecked. */
export async function compileProject(project: string): Promise<void> {
  const tsc = join(project, "node_modules", "typescript", "bin", "tsc");
  await exec(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.json"], {
    cwd: project,
    timeout: STEP_TIMEOUT_MS,
  });
  await exec(process.execPath, [tsc, "--noCheck", "-p", "tsconfig.json"], {
    cwd: project,
    timeout: STEP_TIMEOUT_MS,
  });
}
