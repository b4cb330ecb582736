// The README's TypeScript examples type-check against the published entry points (the build).
// The downstream program it shows (```typescript) imports modules a run of the CLI writes;
// scripts/test/downstream.test.ts runs that pipeline and such a program for real.
import { describeReadmeExamples } from "../../../scripts/test/readme-examples.js";

describeReadmeExamples(new URL(".", import.meta.url));
