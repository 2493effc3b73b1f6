// The add-in page in Excel mode, in Chromium: there is no Excel on Linux, so Office.js is replaced by a
// stand-in whose workbook is the fake Excel object model of the jest tests (test/office-fake.ts), which
// counts syncs and records what Excel would have made a formula. The clerk creates the master sheets,
// pastes the units list into "Đơn vị", reopens the pane, consolidates the March reports, and imports a
// report sheet pasted into the workbook; in desktop Excel, adds the units from the pane instead and
// makes the templates, which the webview may not download.
// Run alone with: npx jest test/e2e
import { mkdtempSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import webpack from "webpack";
import { parseCsv } from "../../src/core/csv";
import { SHEETS } from "../../src/core/master-sheets";
import type { OutValue } from "../../src/core/types";
import { readWorkbook } from "../../src/io/xlsx";
import { dateToSerial } from "../../src/office/cells";
import { sampleFigures } from "../../src/samples/commune";
import { writeReport } from "../../src/samples/report-writer";
import { addUnitInForm, addUnitsFile, buildWeb, button, expectFocus, expectMarchPreview, idle, launch, MARCH, ROOT, SAMPLE_NOW, serve, shots, watch, type PageWatch } from "./browser";
import type { ExcelFakeHandle } from "./excel-fake-entry";

jest.setTimeout(120_000);

const SAMPLES = join(ROOT, "samples");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
const PANE = { width: 350, height: 900 };
/** Early April: the pane starts on April, the reports are March's. */
const APRIL = new Date("2026-04-05T09:00:00+07:00");

type Scalar = string | number | boolean;

let dist: string;
let fakeScript: string;
let server: Server;
let base: string;
let browser: Browser;

/** The fake Excel and its Office.js stand-in as one browser script, through the project's ts-loader rule. */
async function bundleFake(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "excel-fake-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { typescriptRule } = require(join(ROOT, "webpack.config.js")) as { typescriptRule: webpack.RuleSetRule };
  const config: webpack.Configuration = {
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: join(__dirname, "excel-fake-entry.ts"),
    output: { path: out, filename: "excel-fake.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescriptRule] },
    infrastructureLogging: { level: "error" },
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
  return readFileSync(join(out, "excel-fake.js"), "utf8");
}

beforeAll(async () => {
  [dist, fakeScript] = await Promise.all([buildWeb(), bundleFake()]);
  ({ server, base } = await serve(dist));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/**
 * The add-in page as Excel opens it, with the fake in place of Office.js from the CDN: Excel on the web,
 * or desktop Excel ("PC": the OpenBrowserWindow API, and downloads the webview may drop).
 */
async function openPane(now = SAMPLE_NOW, platform: "OfficeOnline" | "PC" = "OfficeOnline"): Promise<{ page: Page; watched: PageWatch }> {
  const context = await browser.newContext({ viewport: PANE, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.clock.setFixedTime(now);
  // The CDN script would replace window.Office; an empty script leaves the stand-in installed before it.
  await page.route(`${OFFICE_CDN}**`, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
  await page.addInitScript((p) => Object.assign(window, { excelFakePlatform: p }), platform);
  await page.addInitScript({ content: fakeScript });
  const watched = watch(page, base);
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("heading", { name: "Sổ tổng hợp" }).waitFor();
  return { page, watched };
}


/** Runs `f` on the fake Excel inside the page. */
async function inExcel<T, A>(page: Page, f: (fake: ExcelFakeHandle, arg: A) => T, arg: A): Promise<T> {
  const fake = await page.evaluateHandle(() => (window as unknown as { excelFake: ExcelFakeHandle }).excelFake);
  try {
    return (await fake.evaluate(f as (on: ExcelFakeHandle, a: unknown) => T, arg as unknown)) as T;
  } finally {
    await fake.dispose();
  }
}

const sheetGrid = (page: Page, name: string) => inExcel(page, (fake, n) => fake.workbook.sheet(n)?.grid() ?? null, name);

/** Cells as Excel holds them: a date is a day serial shown with a date format. */
function excelCells(rows: OutValue[][]): { values: Scalar[][]; formats: string[][] } {
  return {
    values: rows.map((row) => Array.from(row, (v) => (v instanceof Date ? dateToSerial(v) : (v ?? "")))),
    formats: rows.map((row) => Array.from(row, (v) => (v instanceof Date ? "dd/mm/yyyy" : typeof v === "string" && v !== "" ? "@" : "General"))),
  };
}

/** A sheet's table below the header row holding `firstHeader`, as objects keyed by header text. */
function table(grid: Scalar[][], firstHeader: string): Record<string, Scalar>[] {
  const h = grid.findIndex((r) => r.includes(firstHeader));
  if (h < 0) throw new Error(`no header ${firstHeader}`);
  const headers = grid[h].map(String);
  return grid
    .slice(h + 1)
    .filter((r) => r.some((v) => v !== ""))
    .map((r) => Object.fromEntries(headers.map((name, i) => [name, r[i] ?? ""])));
}

/** The "Đơn vị" sheet with the commune's units list pasted under its headers, column by column. */
function withUnits(sheet: Scalar[][]): { values: Scalar[][]; formats: string[][] } {
  const [csvHeader, ...units] = parseCsv(readFileSync(join(SAMPLES, "don-vi.csv"), "utf8"));
  const h = sheet.findIndex((r) => r.includes("Mã đơn vị"));
  const columns = h < 0 ? [-1] : csvHeader.map((name) => sheet[h].indexOf(String(name)));
  if (columns.includes(-1)) throw new Error(`"Đơn vị" has no column for one of ${csvHeader.join(", ")}`);
  const pasted = units.map((u) => {
    const row: OutValue[] = sheet[h].map(() => null);
    u.forEach((v, i) => (row[columns[i]] = v));
    return row;
  });
  return excelCells([...sheet.slice(0, h + 1), ...pasted]);
}

describe("the add-in page in Excel mode (Chromium, fake Excel)", () => {
  it("creates the master sheets, follows the files' period, consolidates March in one read and at most 3 write syncs without formulas, and re-opens on it", async () => {
    const { page, watched } = await openPane(APRIL);

    // 1. A workbook without the master sheets: Excel mode asks for the body's name and offers to create them.
    await button(page, "Tạo sổ tổng hợp").waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.host)).resolves.toBe("excel");
    await expect(button(page, "Mở sổ tổng hợp").count()).resolves.toBe(0);
    await expect(button(page, "Tải sổ tổng hợp").count()).resolves.toBe(0);
    await idle(page);
    await shots(page, "excel", "01-so-moi");
    await button(page, "Tạo sổ tổng hợp").click();
    await page.getByRole("alert").getByText("Hãy nhập tên đơn vị tổng hợp").waitFor();
    await expectFocus(page, "#body-name");
    await page.keyboard.type("UBND xã Hòa Bình");
    await page.getByLabel("Mã đơn vị tổng hợp").fill("XHB");
    await button(page, "Tạo sổ tổng hợp").click();
    // No units yet: the pane says what to do next, in Excel's terms.
    const noUnits = page.locator("#don-vi .notice.warning");
    await noUnits.getByText("hoặc gõ, dán danh sách vào trang “Đơn vị”").waitFor();
    await expectFocus(page, "#don-vi .notice");
    await shots(page, "excel", "02-chua-co-don-vi", () => page.locator("#don-vi"));
    const created = await inExcel(page, (fake) => ({ names: fake.workbook.sheets.map((s) => s.name), active: fake.workbook.active }), null);
    expect(created.names).toEqual(expect.arrayContaining([SHEETS.settings, SHEETS.units, SHEETS.catalogue, SHEETS.data, SHEETS.submissions]));
    expect(created.active).toBe(SHEETS.units);
    const settings = table((await sheetGrid(page, SHEETS.settings)) ?? [], "Thiết lập");
    expect(settings.find((r) => r["Thiết lập"] === "Tên đơn vị tổng hợp")?.["Giá trị"]).toBe("UBND xã Hòa Bình");

    // 2. The clerk pastes the units into "Đơn vị" and reopens the pane on the same workbook.
    const units = withUnits((await sheetGrid(page, SHEETS.units)) ?? []);
    await inExcel(page, (fake, u) => (fake.fill("Đơn vị", u.values, u.formats), fake.keep()), units);
    await page.reload();
    await expect(page.locator(".summary-line").first().textContent()).resolves.toMatch(/^15 đơn vị · 25 chỉ tiêu/);
    await expect(page.getByRole("combobox", { name: "Kỳ báo cáo" }).inputValue()).resolves.toBe("2026-04");

    // 3. The March reports, chosen in April: the pane switches to March and says so; a preview, nothing written.
    await page.locator("#bao-cao-don-vi input[type=file]").setInputFiles(MARCH);
    const row = await expectMarchPreview(page);
    await page.getByText("13/16 tệp ghi kỳ Tháng 3/2026: đã chuyển kỳ báo cáo từ Tháng 4/2026 sang Tháng 3/2026.").waitFor();
    await expect(page.getByRole("combobox", { name: "Kỳ báo cáo" }).inputValue()).resolves.toBe("2026-03");
    await expect(inExcel(page, (fake) => fake.workbook.sheet("Tổng hợp") ?? null, null)).resolves.toBeNull();
    await shots(page, "excel", "03-xem-truoc", () => page.locator("#bao-cao-don-vi"));

    // 4. Consolidate: one read, then the outputs land in the workbook in at most 3 round trips to Excel.
    const syncsBefore = await inExcel(page, (fake) => fake.workbook.syncCount, null);
    await button(page, "Tổng hợp báo cáo").click();
    await page.locator("#tong-hop .summary-line").waitFor();
    await idle(page);
    const syncs = (await inExcel(page, (fake) => fake.workbook.syncCount, null)) - syncsBefore;
    console.log(`Tổng hợp trong Excel (giả lập): ${syncs} lần đồng bộ`);
    // One read of the master sheets (the clerk may have edited them since the pane opened), then the
    // writes of every sheet in at most 3.
    expect(syncs).toBeLessThanOrEqual(1 + 3);
    await expect(inExcel(page, (fake) => fake.workbook.active, null)).resolves.toBe(SHEETS.consolidated);
    await expectFocus(page, "#tong-hop .notice");
    await page.locator("#tong-hop .notice").getByText("Xem trang “Tổng hợp”.", { exact: false }).waitFor();
    await expect(row("BC thang 3 - Phong Kinh te.xlsx").locator(".badge").first().textContent()).resolves.toBe("Đã nhập");

    const consolidated = table((await sheetGrid(page, SHEETS.consolidated)) ?? [], "Mã chỉ tiêu");
    const ct03 = consolidated.find((r) => r["Mã chỉ tiêu"] === "CT03");
    expect(ct03?.["Kết quả"]).toBeCloseTo(1372 / 2204, 12);
    expect(consolidated.find((r) => r["Mã chỉ tiêu"] === "MH03")?.["Đánh giá"]).toBe("Đạt (8/≥ 1)");
    const status = table((await sheetGrid(page, SHEETS.status)) ?? [], "Mã đơn vị");
    expect(status.find((r) => r["Mã đơn vị"] === "PKT")?.["Tháng 3/2026"]).toBe("Trễ 3 ngày");
    // The reports come first among the tabs and are laid out for A4; the per-unit columns have their own sheet.
    const paper = await inExcel(
      page,
      (fake, names) => ({ order: fake.workbook.sheets.map((s) => s.name).slice(0, 3), page: fake.workbook.sheet(names[0])!.page }),
      [SHEETS.consolidated],
    );
    expect(paper.order).toEqual([SHEETS.consolidated, SHEETS.byUnit, SHEETS.status]);
    expect(paper.page).toMatchObject({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$7:$7", headersFooters: { leftHeader: "UBND xã Hòa Bình", centerHeader: "Báo cáo tổng hợp – Tháng 3/2026" } });
    const byUnit = (await sheetGrid(page, SHEETS.byUnit)) ?? [];
    expect(JSON.stringify(byUnit)).toContain("Tổ công nghệ số cộng đồng thôn 5");
    // Report files carry texts like "=HYPERLINK(…)": no cell of the workbook may have become a formula.
    const formulas = await inExcel(
      page,
      (fake) => fake.workbook.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.formula !== null).map((c) => `${s.name}: ${c.formula}`)),
      null,
    );
    expect(formulas).toEqual([]);
    await shots(page, "excel", "04-tong-hop", () => page.locator("#tong-hop"));

    // 5. Each unit's reminder button names its unit; findings show their codes apart; the as-of day reads dd/mm/yyyy.
    await page.getByRole("button", { name: "Sao chép nhắc nhở cho Tổ công nghệ số cộng đồng thôn 5", exact: true }).waitFor();
    await expect(page.getByLabel("Tính đến ngày").inputValue()).resolves.toBe("05/04/2026");
    await expect(page.locator('#phat-hien li[data-code="NEGATIVE"] .finding-code').first().textContent()).resolves.toBe("Mã phát hiện: NEGATIVE");
    await shots(page, "excel", "05-qua-han", () => page.locator("#qua-han"));
    // Excel on the web downloads like a browser: no way round to offer, no web page opened.
    const upward = page.waitForEvent("download");
    await button(page, "Xuất báo cáo cấp trên").click();
    expect((await upward).suggestedFilename()).toBe("BC 2026-03 - UBND xa Hoa Binh.xlsx");
    await page.locator("#mau-bao-cao .notice.success").getByText("Đã xuất báo cáo Tháng 3/2026 lên cấp trên").waitFor();
    await expect(page.locator("#mau-bao-cao .notice").textContent()).resolves.not.toContain("Nếu không thấy tệp");
    await expect(inExcel(page, (fake) => fake.browserWindows, null)).resolves.toEqual([]);

    // 6. Closing and reopening the pane a month later: it opens on March, the period last consolidated.
    await inExcel(page, (fake) => fake.keep(), null);
    await page.reload();
    await expect(page.locator(".summary-line").first().textContent()).resolves.toMatch(/^15 đơn vị/);
    await expect(page.getByRole("combobox", { name: "Kỳ báo cáo" }).inputValue()).resolves.toBe("2026-03");

    // 7. "Nhập từ trang tính": a unit's report pasted into the workbook as a sheet joins the preview.
    const report = await writeReport({
      parentName: "UBND xã Hòa Bình",
      unitName: "Tổ công nghệ số cộng đồng thôn 5",
      unitCode: "TCN05",
      periodLabel: "Tháng 3/2026",
      reportDate: "2026-03-24",
      values: sampleFigures("TCN05", "2026-03", "Tổ công nghệ số cộng đồng"),
    });
    const sheet = readWorkbook(report).sheets[0];
    await inExcel(page, (fake, s) => fake.fill("BC thôn 5", s.values, s.formats), excelCells(sheet.rows));
    await button(page, "Nhập từ trang tính").click();
    await idle(page);
    const pasted = row("BC thôn 5");
    await expect(pasted.getAttribute("data-status")).resolves.toBe("imported");
    await expect(pasted.locator(".badge").first().textContent()).resolves.toBe("Sẽ nhập");
    await expect(pasted.textContent()).resolves.toContain("Tổ công nghệ số cộng đồng thôn 5");

    // 8. Consolidating April with it takes nothing: a warning, and a one-click way to its period.
    await page.getByRole("combobox", { name: "Kỳ báo cáo" }).selectOption("2026-04");
    await button(page, "Tổng hợp báo cáo").click();
    await idle(page);
    const warning = page.locator("#tong-hop .notice.warning");
    await warning.getByText("Chưa nhận tệp nào cho Tháng 4/2026").waitFor();
    await warning.getByRole("button", { name: "Chuyển sang Tháng 3/2026" }).click();
    await pasted.locator(".badge", { hasText: "Sẽ nhập" }).waitFor();
    await button(page, "Tổng hợp báo cáo").click();
    await page.getByText("Đã tổng hợp Tháng 3/2026: nhận 1/1 tệp").waitFor();

    expect(watched.errors).toEqual([]);
    // The page did ask for Office.js from the CDN (answered empty): the stand-in won over the real tag.
    expect(new Set(watched.foreignRequests)).toEqual(new Set([`${OFFICE_CDN}lib/1/hosted/office.js`]));
    await page.context().close();
  });

  it("in desktop Excel adds units from the pane's form and a list file under the clerk's rows of “Đơn vị”, and says what to do when a download may not arrive", async () => {
    const { page, watched } = await openPane(SAMPLE_NOW, "PC");
    await page.getByLabel("Tên đơn vị tổng hợp").fill("UBND xã Hòa Bình");
    await page.getByLabel("Mã đơn vị tổng hợp").fill("XHB");
    await button(page, "Tạo sổ tổng hợp").click();
    await page.locator("#don-vi .notice.warning").getByText("thêm đơn vị ở mục “Đơn vị báo cáo” ngay dưới đây").waitFor();
    await page.locator("#don-vi").getByText("cũng có thể gõ, dán hoặc sửa thẳng ở trang đó").waitFor();

    // The clerk adds a column of their own to "Đơn vị" while the pane is open.
    const header = ((await sheetGrid(page, SHEETS.units)) ?? [])[0];
    await inExcel(page, (fake, cells) => fake.fill("Đơn vị", cells.values, cells.formats), excelCells([[...header.map(String), "Ghi chú riêng"]]));
    await addUnitInForm(page, { code: "HTX", name: "Hợp tác xã nông nghiệp Hòa Bình", frequency: "quarter", contact: "Lê Văn Hải - 0915 222 333" }, 1);
    await expectFocus(page, "#don-vi .notice");
    // A note typed beside the new unit in the sheet stays with it when more units are added.
    await inExcel(page, (fake, note) => {
      const sheet = fake.workbook.sheet("Đơn vị")!;
      Object.assign(sheet.at(1, note.column), { value: note.text, format: "@" });
    }, { column: header.length, text: "gọi trước ngày 18" });
    await addUnitsFile(page, join(SAMPLES, "don-vi.csv"));
    await page.getByText("Đã thêm 15 đơn vị từ “don-vi.csv”; sổ có 16 đơn vị.").waitFor();
    await shots(page, "excel", "13-them-don-vi", () => page.locator("#don-vi"));
    const units = table((await sheetGrid(page, SHEETS.units)) ?? [], "Mã đơn vị");
    expect(units).toHaveLength(16);
    expect(units[0]).toMatchObject({ "Mã đơn vị": "HTX", "Tên đơn vị": "Hợp tác xã nông nghiệp Hòa Bình", "Tần suất": "Quý", "Liên hệ": "Lê Văn Hải - 0915 222 333", "Ghi chú riêng": "gọi trước ngày 18" });
    expect(units.find((u) => u["Mã đơn vị"] === "CAX")).toMatchObject({ "Tên đơn vị": "Công an xã Hòa Bình", "Ghi chú riêng": "" });
    await expect(page.locator(".summary-line").first().textContent()).resolves.toMatch(/^16 đơn vị/);

    // The units are known: the March reports are recognised.
    await page.locator("#bao-cao-don-vi input[type=file]").setInputFiles(MARCH);
    await expectMarchPreview(page);

    // Desktop Excel's webview may drop a download: the web page is opened in the browser and the notice says what to do.
    const templates = page.waitForEvent("download");
    await button(page, "Tạo mẫu báo cáo").click();
    expect((await templates).suggestedFilename()).toBe("Mau bao cao 2026-03.zip");
    const saved = page.locator("#mau-bao-cao .notice.success");
    await saved.getByText("Nếu không thấy tệp trong thư mục Tải về: trang web của phần mềm vừa mở trong trình duyệt — lưu sổ này (Ctrl+S), mở sổ ở trang web rồi bấm lại nút này.").waitFor();
    await expectFocus(page, "#mau-bao-cao .notice");
    await expect(inExcel(page, (fake) => fake.browserWindows, null)).resolves.toEqual([`${base}/taskpane.html`]);
    await shots(page, "excel", "14-tai-ve-may-tinh", () => page.locator("#mau-bao-cao"));

    expect(watched.errors).toEqual([]);
    await page.context().close();
  });
});
