// Where the repository is (bench compiles to bench/dist, so __dirname cannot say), and webpack builds
// through its Node API: the product's production build for its sizes, and the benchmark's own page.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import webpack from "webpack";

function findRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "webpack.config.js")) && existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error(`no webpack.config.js above ${from}`);
}

export const ROOT = findRoot(__dirname);

export function runWebpack(config: webpack.Configuration): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    webpack({ ...config, context: ROOT, infrastructureLogging: { level: "error" } }, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** The product's pages, built for production into `out`. */
export async function buildProduct(out: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<webpack.Configuration>;
  process.env.ADDIN_URL ??= "https://localhost:3000/"; // the manifest's URL does not matter here
  const config = await makeConfig({}, { mode: "production" });
  await runWebpack({ ...config, mode: "production", output: { ...config.output, path: out } });
}

/** `dir` over plain http on 127.0.0.1, with the web page's own static server. */
export async function serve(dir: string): Promise<{ server: Server; base: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStaticServer } = require(join(ROOT, "scripts", "serve-web.js")) as { createStaticServer: (dir: string) => Server };
  const server = createStaticServer(dir);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
