// Builds a theme's front end: installs the npm packages when they are missing (once, even when
// both themes build in parallel), compiles the theme's Sass with govuk-frontend, and copies
// govuk-frontend's JavaScript and the portal's own shared script (table-regions.mjs) beside it. Called by build/Frontend.targets.
//   node build/frontend.mjs <theme folder>
import { execSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, copyFileSync, writeFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const theme = resolve(process.argv[2] ?? "");
if (!existsSync(join(theme, "Styles", "theme.scss"))) {
  console.error(`frontend: no Styles/theme.scss in ${theme}`);
  process.exit(2);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const lock = join(root, ".frontend-install.lock");
function withInstallLock(work) {
  for (let waited = 0; ; waited += 250) {
    try { mkdirSync(lock); break; } catch {
      // A lock older than ten minutes is left over from a killed build.
      if (waited > 600_000 || Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      sleep(250);
    }
  }
  try { work(); } finally { rmSync(lock, { recursive: true, force: true }); }
}

withInstallLock(() => {
  if (!existsSync(join(root, "node_modules", "govuk-frontend", "package.json")) ||
      !existsSync(join(root, "node_modules", "sass", "package.json"))) {
    console.log("frontend: installing npm packages (npm ci)");
    execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
  }
});

const sass = await import(join(root, "node_modules", "sass", "sass.node.mjs"));
const out = join(theme, "wwwroot", "lib");
mkdirSync(out, { recursive: true });
const result = sass.compile(join(theme, "Styles", "theme.scss"), {
  loadPaths: [root, join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "theme.css"), result.css);
copyFileSync(join(root, "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(join(root, "build", "table-regions.mjs"), join(out, "table-regions.mjs"));
console.log(`frontend: built ${join(out, "theme.css")}`);
