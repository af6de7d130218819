/**
 * Node entry of the model benchmarks. bench/run.mjs builds it with Vite and
 * runs it in a fresh `node --expose-gc`; it prints one JSON document on stdout
 * (progress on stderr).
 */
import { runModelBenches } from "./model-benches";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const samplesAt = args.indexOf("--samples");
const samples = samplesAt >= 0 ? Number(args[samplesAt + 1]) : quick ? 5 : 15;
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",").filter((group): group is "fold" | "replay" => group === "fold" || group === "replay") : undefined;

const result = runModelBenches({ samples, quick, only, log: (label) => process.stderr.write(`  ✓ ${label.trim()} · Node\n`) });
process.stdout.write(`${JSON.stringify(result)}\n`);
