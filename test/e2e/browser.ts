// Shared set-up of the browser tests: build the web bundle once, serve it from 127.0.0.1 on a random
// port, and drive Debian's Chromium through playwright-core (never a downloaded browser).
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import webpack from "webpack";

/** The project root, found upwards: the benchmark runs these helpers compiled under bench/dist. */
export const ROOT = ((from: string): string => {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, "webpack.config.js"))) return dir;
  return join(from, "..", "..");
})(__dirname);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The sample story is told as of 25 March 2026, 09:00 in Vietnam; the page's clock is set to it.
export const SAMPLE_NOW = new Date("2026-03-25T09:00:00+07:00");
/** The 16 sample files of March 2026 (see samples/README.md). */
export const MARCH = readdirSync(join(ROOT, "samples", "2026-03")).sort().map((n) => join(ROOT, "samples", "2026-03", n));

export const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** Waits until the pane has finished what it was doing. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById("app")?.dataset.busy === "false");
}

/**
 * After the March files were chosen: the preview lists them with their statuses (a late one, the duplicate,
 * the broken file), before anything is written. Returns the row of a file for further checks.
 */
export async function expectMarchPreview(page: Page): Promise<(file: string) => Locator> {
  await page.getByText(`Xem trước ${MARCH.length} tệp`).waitFor();
  await idle(page);
  const row = (file: string) => page.locator("table.stacked tbody tr", { hasText: file });
  await expect(row("BC thang 3 - Phong Kinh te.xlsx").textContent()).resolves.toContain("Trễ 3 ngày");
  await expect(row("Zalo 13-3 CA xa.xlsx").getAttribute("data-status")).resolves.toBe("duplicate");
  await expect(row("Bao cao T3 (1).xlsx").getAttribute("data-status")).resolves.toBe("refused");
  return row;
}

const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Date fields and numbers in the browser's own widgets as a Vietnamese user sees them.
  "--lang=vi-VN",
];

/** Builds the add-in and web pages (webpack production) into a fresh temporary directory. */
export async function buildWeb(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "tonghop-web-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<webpack.Configuration>;
  // The manifest's add-in URL does not matter here; setting it keeps the build quiet.
  process.env.ADDIN_URL ??= "https://localhost:3000/";
  const config = await makeConfig({}, { mode: "production" });
  config.mode = "production";
  config.output = { ...config.output, path: out };
  config.context = ROOT;
  config.infrastructureLogging = { level: "error" };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  return out;
}

export async function serve(dir: string): Promise<{ server: Server; base: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createStaticServer } = require(join(ROOT, "scripts", "serve-web.js")) as { createStaticServer: (dir: string) => Server };
  const server = createStaticServer(dir);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Không thấy Chromium tại ${CHROMIUM}: cài gói Debian "chromium" (apt-get install -y chromium) hoặc đặt CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** What went wrong on a page: console errors, uncaught exceptions, and requests to anywhere but `base`. */
export interface PageWatch {
  errors: string[];
  foreignRequests: string[];
}

export function watch(page: Page, base: string, allowedHosts: string[] = []): PageWatch {
  const w: PageWatch = { errors: [], foreignRequests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") w.errors.push(m.text());
  });
  page.on("pageerror", (e) => w.errors.push(e.message));
  page.on("request", (r) => {
    const url = r.url();
    if (url.startsWith(`${base}/`) || url.startsWith("blob:") || url.startsWith("data:")) return;
    if (allowedHosts.some((h) => url.startsWith(h))) return;
    w.foreignRequests.push(url);
  });
  return w;
}

/**
 * For a test file that drives the built web page: builds and serves it and launches Chromium before the
 * tests, closes both after them. The getters are read inside the tests.
 */
export function useWebPage(): { readonly base: string; readonly browser: Browser } {
  let server: Server | undefined;
  let base = "";
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server, base } = await serve(await buildWeb()));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  return {
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error("Chromium is not running");
      return browser;
    },
  };
}
