// Regenerates samples/ (the committed demo files). ts-node is not installed, so run the compiled copy:
//   npx tsc -p tsconfig.build.json && node -e "require('./dist/samples/make-samples').writeSamples('samples')"
// or compile this script with the rest: npx tsc -p tsconfig.json --outDir /tmp/mk && node /tmp/mk/scripts/make-samples.js
import { writeSamples } from "../src/samples/make-samples";

writeSamples(process.argv[2] ?? "samples").catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
