// Validates an AsyncAPI document with the AsyncAPI parser (its specification and Spectral rules):
// any error or warning fails, with each diagnostic printed. The payloads' JSON Schemas are draft
// 2020-12, which the parser only passes through; EventSchemasTest checks those.
import { Parser, fromFile } from '@asyncapi/parser';

const ERROR = 0;
const WARNING = 1;
const file = process.argv[2];
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
const failing = diagnostics.filter((d) => d.severity === ERROR || d.severity === WARNING);
for (const d of diagnostics) {
  console.log(`${file}: ${d.severity === ERROR ? 'error' : d.severity === WARNING ? 'warning' : 'info'} ${d.code} `
    + `${d.message} at ${d.path.join('.')}`);
}
if (!document || failing.length > 0) {
  console.error(`${file}: not a valid AsyncAPI document (${failing.length} error(s) or warning(s))`);
  process.exit(1);
}
console.log(`${file}: valid AsyncAPI ${document.version()} with ${document.allMessages().length} messages`);
