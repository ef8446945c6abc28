// Builds @cpa/client: checks that its version is the latest released API version, generates the
// types from that release's OpenAPI document, and compiles src/ to dist/ with tsc --strict.
// Run by the build (clients/typescript/pom.xml) or `npm run build`; the tools (openapi-typescript,
// typescript) come from the root package.json.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { COMMENT_HEADER, astToString } from "openapi-typescript";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const releasesDir = join(packageDir, "../../contracts/released");
const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

const byNumber = (a, b) => {
  const [left, right] = [a, b].map((version) => version.split(".").map(Number));
  return left.map((part, i) => part - right[i]).find((difference) => difference !== 0) ?? 0;
};
const latest = readdirSync(releasesDir).filter((name) => /^\d+\.\d+\.\d+$/.test(name)).sort(byNumber).at(-1);
const document = join(releasesDir, latest, "openapi.json");

// the package is versioned with the API: a release bumps it, and its example installs that tarball
const problems = [];
const { version } = readJson(join(packageDir, "package.json"));
if (version !== latest) {
  problems.push(`clients/typescript/package.json has version ${version}, the latest released API is ${latest}: set it to ${latest}`);
}
const documentVersion = readJson(document).info.version;
if (documentVersion !== latest) {
  problems.push(`contracts/released/${latest}/openapi.json says version ${documentVersion}, not ${latest}`);
}
const tarball = `file:../target/cpa-client-${latest}.tgz`;
const exampleDependency = readJson(join(packageDir, "example/package.json")).dependencies["@cpa/client"];
if (exampleDependency !== tarball) {
  problems.push(`clients/typescript/example/package.json depends on @cpa/client ${exampleDependency}: set it to ${tarball}`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}

// paths, components, operations, and each schema as a type of its own name (rootTypes)
const types = await openapiTS(pathToFileURL(document), { rootTypes: true, rootTypesNoSchemaPrefix: true });
const generated = join(packageDir, "src/generated");
mkdirSync(generated, { recursive: true });
writeFileSync(join(generated, "cpa-api.ts"),
  `${COMMENT_HEADER}// from contracts/released/${latest}/openapi.json\n\n${astToString(types)}`);

rmSync(join(packageDir, "dist"), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compile = spawnSync(process.execPath, [tsc, "--project", packageDir], { stdio: "inherit" });
process.exit(compile.status ?? 1);
