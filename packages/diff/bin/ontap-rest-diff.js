#!/usr/bin/env node
// A committed shim, so that pnpm can link the bin before `prepare` has built dist/.
import { main } from "../dist/cli.js";

process.exitCode = main(process.argv.slice(2));
