// Lint a file with write-good's API (all its checks, as a user would run it) and print
// the suggestions as JSON, like `caveat --format json`. Used by `cargo xtask bench`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const writeGood = createRequire(import.meta.url)("write-good");
const text = readFileSync(process.argv[2], "utf8");
const suggestions = writeGood(text);
process.stdout.write(JSON.stringify(suggestions) + "\n");
