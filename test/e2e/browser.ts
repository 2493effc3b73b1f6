// Shared set-up of the browser tests: build the web bundle once, serve it from 127.0.0.1 on a random
// port, and drive Debian's Chromium through playwright-core (never a downloaded browser).
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
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
 * the broken file), before anything is written, in the words of what will happen. Returns the row of a
 * file for further checks.
 */
export async function expectMarchPreview(page: Page): Promise<(file: string) => Locator> {
  await page.getByText(`Xem trước ${MARCH.length} tệp`).waitFor();
  await idle(page);
  const row = (file: string) => page.locator("table.stacked tbody tr", { hasText: file });
  await expect(row("BC thang 3 - Phong Kinh te.xlsx").textContent()).resolves.toContain("Trễ 3 ngày");
  await expect(row("BC thang 3 - Phong Kinh te.xlsx").locator(".badge").first().textContent()).resolves.toBe("Sẽ nhập");
  await expect(row("Zalo 13-3 CA xa.xlsx").getAttribute("data-status")).resolves.toBe("duplicate");
  await expect(row("Zalo 13-3 CA xa.xlsx").locator(".badge").first().textContent()).resolves.toBe("Trùng, bỏ qua");
  await expect(row("Bao cao T3 (1).xlsx").getAttribute("data-status")).resolves.toBe("refused");
  await expect(row("Bao cao T3 (1).xlsx").locator(".badge").first().textContent()).resolves.toBe("Không đọc được");
  await expect(row("BC thang 3 - Truong THCS Hoa Binh.xlsx").locator(".badge").first().textContent()).resolves.toBe("Khác kỳ");
  // Nothing says "written" before anything is: no "Đã nhập", and the preview's badges are outlined, not filled.
  await expect(page.locator("#bao-cao-don-vi").getByText("Đã nhập", { exact: true }).count()).resolves.toBe(0);
  await expect(page.locator("table.stacked tbody .badge-outline").count()).resolves.toBe(MARCH.length);
  return row;
}

/**
 * "Đơn vị báo cáo": one unit typed into the pane's form and added, the book then holding `total` units;
 * the form's code, name and contact are emptied for the next one.
 */
export async function addUnitInForm(page: Page, unit: { code: string; name: string; type?: string; frequency?: string; contact: string }, total: number): Promise<void> {
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await field("Mã đơn vị").fill(unit.code);
  await field("Tên đơn vị").fill(unit.name);
  if (unit.type) await field("Loại").selectOption(unit.type);
  if (unit.frequency) await field("Tần suất nộp").selectOption(unit.frequency);
  await field("Liên hệ").fill(unit.contact);
  await button(page, "Thêm đơn vị").click();
  await page.getByText(`Đã thêm đơn vị ${unit.name} (mã ${unit.code}). Sổ có ${total} đơn vị.`).waitFor();
  await expect(field("Mã đơn vị").inputValue()).resolves.toBe("");
}

/** "Thêm từ tệp danh sách…" with the file at `path`. */
export async function addUnitsFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await button(page, "Thêm từ tệp danh sách…").click();
  await (await chooser).setFiles([path]);
}

/** Waits until the focused element matches `selector`: each action's result takes the focus. */
export async function expectFocus(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => document.activeElement?.matches(sel) ?? false, selector, { timeout: 5000 });
}

/**
 * The pane's layout promises: no figure, date or badge breaks over two lines, and the notice covers no
 * control (it sits in the flow, and overlaps no button, field or link).
 */
export async function expectTidyLayout(page: Page): Promise<void> {
  // A text broken over lines has line boxes at more than one height.
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".num, .nowrap, .badge")]
      .filter((e) => {
        if (e.offsetParent === null) return false;
        const tops = new Set<number>();
        const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(t);
          for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
        }
        return tops.size > 1;
      })
      .map((e) => e.textContent),
  );
  expect(broken).toEqual([]);
  const covered = await page.evaluate(() => {
    const notice = document.querySelector<HTMLElement>(".notice");
    if (!notice || notice.hidden) return [];
    if (getComputedStyle(notice).position !== "static") return ["notice is not in the flow"];
    const n = notice.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>("button, input, select, a, summary")]
      .filter((c) => !notice.contains(c) && c.offsetParent !== null)
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top;
      })
      .map((c) => c.textContent ?? c.id);
  });
  expect(covered).toEqual([]);
}

export const SHOTS = join(ROOT, "docs", "screenshots");
export const WIDTHS = [350, 1280] as const;

/**
 * One screen at both widths the product is checked at, a task pane's 350 px and a desktop's 1280 px:
 * docs/screenshots/<mode>-<width>-<name>.png, of `target` (a section) or of the window. A long section is
 * cut at 1,600 px high. The layout promises are checked at each width.
 */
export async function shots(page: Page, mode: "web" | "excel", name: string, target?: () => Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expectTidyLayout(page);
    const path = join(SHOTS, `${mode}-${width}-${name}.png`);
    const element = target?.();
    const box = element && (await element.boundingBox());
    if (element && box) {
      await element.scrollIntoViewIfNeeded();
      const top = (await element.evaluate((e) => e.getBoundingClientRect().top + window.scrollY)) - 8;
      await page.screenshot({ path, fullPage: true, clip: { x: 0, y: Math.max(0, top), width, height: Math.min(box.height + 16, 1600) } });
    } else await page.screenshot({ path });
  }
  if (before) await page.setViewportSize(before);
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

/**
 * Builds the add-in and web pages (webpack production) into a fresh temporary directory; with
 * TONGHOP_WEB_DIST set to a directory holding such a build (`npx webpack --mode production --output-path
 * DIR`), that one is used instead, so that runs of one test file after another build once.
 */
export async function buildWeb(): Promise<string> {
  const prebuilt = process.env.TONGHOP_WEB_DIST;
  if (prebuilt && existsSync(join(prebuilt, "index.html"))) return prebuilt;
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
