// Validate JSON documents against a JSON Schema (draft 2020-12) with ajv in its default strict
// mode, the way most JavaScript consumers read mixplan's schemas: an unknown `format`, keyword
// or ambiguous type is an error of the schema itself.
//
// Usage: node schema.mjs SCHEMA.json FILE.json...
// Prints "ok N" and exits 0, or prints the first errors and exits 1.
import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
} catch (err) {
  console.error(`${schemaFile}: the schema does not compile in strict mode: ${err.message}`);
  process.exit(1);
}
for (const file of files) {
  if (!validate(JSON.parse(fs.readFileSync(file, "utf8")))) {
    console.error(`${file}: ${ajv.errorsText(validate.errors.slice(0, 5))}`);
    process.exit(1);
  }
}
console.log(`ok ${files.length}`);
