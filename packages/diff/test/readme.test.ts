// The README's TypeScript examples type-check against the published entry points (the build).
import { describeReadmeExamples } from "../../../scripts/test/readme-examples.js";

describeReadmeExamples(new URL(".", import.meta.url));
