// Lint a file with retext-intensify (hedges, weasels, fillers) on retext's English
// parser and print the messages as JSON, like `caveat --format json`. Used by `cargo xtask bench`.
import { readFileSync } from "node:fs";
import { retext } from "retext";
import retextEnglish from "retext-english";
import retextIntensify from "retext-intensify";

const text = readFileSync(process.argv[2], "utf8");
const file = await retext().use(retextEnglish).use(retextIntensify).process(text);
const messages = file.messages.map((m) => ({ start: m.place?.start?.offset, end: m.place?.end?.offset, rule: m.ruleId, text: m.actual }));
process.stdout.write(JSON.stringify(messages) + "\n");
