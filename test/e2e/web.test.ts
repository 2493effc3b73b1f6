// The web page in a real browser, the way a new user goes through it: create the master workbook, choose
// the March reports, consolidate, download; then the downloaded workbook is read back in Node.
// Run alone with: npx jest test/e2e
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Dialog, Locator, Page } from "playwright-core";
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import { SHEETS } from "../../src/core/master-sheets";
import { parseReport } from "../../src/core/report-parser";
import { readWorkbook } from "../../src/io/xlsx";
import { sampleFigures, unitsCsv } from "../../src/samples/commune";
import { writeReport } from "../../src/samples/report-writer";
import { expectedTotals } from "../../src/samples/scenario";
import type { Unit } from "../../src/core/types";
import { addUnitInForm, addUnitsFile, buildWeb, button, expectFocus, expectMarchPreview, expectTidyLayout, idle, launch, MARCH, ROOT, SAMPLE_NOW, serve, shots, watch, type PageWatch } from "./browser";

jest.setTimeout(240_000);

const SAMPLES = join(ROOT, "samples");
const PANE = { width: 350, height: 900 };
const WIDE = { width: 1280, height: 900 };
/** Early April: the picker starts on April, the reports are March's. */
const APRIL = new Date("2026-04-05T09:00:00+07:00");
const BODY = "UBND xã Hòa Bình";

let dist: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  dist = await buildWeb();
  ({ server, base } = await serve(dist));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Session {
  context: BrowserContext;
  page: Page;
  watched: PageWatch;
  clicks: number;
  click(target: Locator): Promise<void>;
  /** Clicks a button that opens a file chooser and picks the files. */
  choose(target: Locator, files: string[]): Promise<void>;
}

async function openPage(path: string, opts: { viewport?: { width: number; height: number }; now?: Date; locale?: string } = {}): Promise<Session> {
  const locale = opts.locale ?? "vi-VN";
  const context = await browser.newContext({ viewport: opts.viewport ?? PANE, acceptDownloads: true, locale, timezoneId: "Asia/Ho_Chi_Minh" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  await page.clock.setFixedTime(opts.now ?? SAMPLE_NOW);
  const watched = watch(page, base);
  const s: Session = {
    context,
    page,
    watched,
    clicks: 0,
    async click(target) {
      s.clicks++;
      await target.click();
    },
    async choose(target, files) {
      const chooser = page.waitForEvent("filechooser");
      await s.click(target);
      await (await chooser).setFiles(files);
    },
  };
  await page.goto(`${base}/${path}`);
  await page.getByRole("heading", { name: "Sổ tổng hợp" }).waitFor();
  return s;
}

/** Clicks the button and returns the file it downloads. */
async function downloadFrom(s: Session, name: string, fileName: string): Promise<Uint8Array> {
  const event = s.page.waitForEvent("download");
  await s.click(button(s.page, name).first());
  const d = await event;
  expect(d.suggestedFilename()).toBe(fileName);
  const path = join(mkdtempSync(join(tmpdir(), "tonghop-dl-")), d.suggestedFilename());
  await d.saveAs(path);
  return new Uint8Array(readFileSync(path));
}

const MARCH_BOOK = "so-tong-hop-ubnd-xa-hoa-binh-2026-03.xlsx";
const download = (s: Session, fileName = MARCH_BOOK) => downloadFrom(s, "Tải sổ tổng hợp", fileName);

/** The body's name typed where the page put the focus, then the units list and "Tạo sổ mới": two clicks. */
async function createBook(s: Session, unitsCsv = join(SAMPLES, "don-vi.csv")): Promise<void> {
  const { page } = s;
  await expectFocus(page, "#body-name");
  await page.keyboard.type(BODY);
  await s.choose(button(page, "Chọn danh sách đơn vị…"), [unitsCsv]);
  await page.locator("#units-file-name").getByText("Danh sách đơn vị: ").waitFor();
  await s.click(button(page, "Tạo sổ mới"));
  await page.getByText(`Đã tạo sổ tổng hợp của ${BODY} với`).waitFor();
  await idle(page);
}

async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** A sheet's table below the header row that holds `firstHeader`, as objects keyed by header text. */
function table(wb: ExcelJS.Workbook, sheet: string, firstHeader: string): Record<string, unknown>[] {
  const ws = wb.worksheets.find((w) => w.name.normalize("NFC") === sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows = Array.from(ws.getSheetValues() as unknown[][], (r) => Array.from((r ?? []).slice(1), (v) => v ?? null));
  const h = rows.findIndex((r) => r.includes(firstHeader));
  const headers = rows[h] as string[];
  return rows.slice(h + 1).filter((r) => r.some((v) => v !== null)).map((r) => Object.fromEntries(headers.map((name, i) => [name, r[i] ?? null])));
}

/** Whether leaving the page now would ask first: closes it the way a clerk closes the tab, and says. */
async function asksBeforeLeaving(s: Session): Promise<boolean> {
  let asked = false;
  const onDialog = (d: Dialog) => {
    asked = d.type() === "beforeunload";
    void d.dismiss();
  };
  s.page.on("dialog", onDialog);
  await s.page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
  s.page.off("dialog", onDialog);
  return asked;
}

describe("the web page (Chromium)", () => {
  it("takes a new user from an empty page to the downloaded master workbook of March 2026", async () => {
    const s = await openPage("index.html");
    const { page } = s;
    await shots(page, "web", "01-trang-dau");

    // 1. The body's name is asked first (the focus is on it); "Tạo sổ mới" without it says so and points there.
    await expectFocus(page, "#body-name");
    await s.click(button(page, "Tạo sổ mới"));
    await page.getByRole("alert").getByText("Hãy nhập tên đơn vị tổng hợp").waitFor();
    await expectFocus(page, "#body-name");
    await createBook(s);
    // The body's code came from the units list (every unit names XHB above it).
    await expect(page.locator("#body-code").inputValue()).resolves.toBe("XHB");
    await expectFocus(page, ".notice");
    await expect(page.locator("#due").textContent()).resolves.toBe("Hạn nộp: trước 00:00 ngày 20/03/2026");
    await expect(page.getByRole("combobox", { name: "Kỳ báo cáo" }).inputValue()).resolves.toBe("2026-03");
    await expect(page.getByLabel("Tính đến ngày").inputValue()).resolves.toBe("25/03/2026");
    await shots(page, "web", "02-tao-so", () => page.locator("#so-tong-hop"));

    // 2. Choose the March reports: a preview in words of what will happen, nothing written yet.
    await s.choose(button(page, "Chọn báo cáo"), MARCH);
    const row = await expectMarchPreview(page);
    await expectFocus(page, ".notice");
    await expect(row("BC thang 3 - To CNSCD thon 9.xlsx").getAttribute("data-status")).resolves.toBe("refused");
    await expect(row("BC thang 3 - Truong THCS Hoa Binh.xlsx").getAttribute("data-status")).resolves.toBe("period_mismatch");
    await expect(row("BC thang 3 - Phong Kinh te.xlsx").textContent()).resolves.toContain("Phòng Kinh tế");
    // A file with errors shows its first error in its row, its code apart, and a link to the rest.
    const withErrors = row("BC thang 3 - To cong nghe so cong dong thon 3.xlsx");
    await expect(withErrors.locator(".first-finding .message").textContent()).resolves.toMatch(/âm|số/);
    await expect(withErrors.locator(".first-finding .finding-code").textContent()).resolves.toMatch(/^Mã phát hiện: [A-Z_]+$/);
    await withErrors.locator("a.more-link").click();
    await expectFocus(page, "#phat-hien h3");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("BC thang 3 - To cong nghe so cong dong thon 3.xlsx");
    await shots(page, "web", "03-xem-truoc", () => page.locator("#bao-cao-don-vi"));

    // 3. Consolidate: the written rows say so, the result takes the focus, and the book is unsaved.
    await s.click(button(page, "Tổng hợp báo cáo"));
    await page.locator("#tong-hop .summary-line").waitFor();
    await idle(page);
    await expectFocus(page, "#tong-hop .notice");
    await expect(page.locator("#tong-hop .notice").textContent()).resolves.toMatch(/^Đã tổng hợp Tháng 3\/2026: nhận 11\/16 tệp.*1 tệp khác kỳ vẫn ở danh sách/);
    await expect(row("BC thang 3 - Phong Kinh te.xlsx").locator(".badge").first().textContent()).resolves.toBe("Đã nhập");
    await page.getByText("Đã ghi vào sổ: 16 tệp").waitFor();
    const totals = expectedTotals("2026-03");
    // At pane width the results are a list: code and name on one line, the figures under it, the full name on demand.
    const mh10 = page.locator('ul.indicator-list li[data-code="MH10"]');
    await expect(mh10.isVisible()).resolves.toBe(true);
    await expect(page.locator("table.consolidated").isVisible()).resolves.toBe(false);
    await expect(mh10.textContent()).resolves.toContain(totals.MH10.value.toLocaleString("vi-VN"));
    await expect(page.locator('ul.indicator-list li[data-code="MH03"] summary').textContent()).resolves.toContain("Đạt (8/≥ 1)");
    const ct01 = page.locator('ul.indicator-list li[data-code="CT01"]');
    await expect(ct01.locator(".ind-head").evaluate((e) => e.scrollWidth > e.clientWidth)).resolves.toBe(true); // cut, on one line
    await ct01.locator("summary").click();
    await expect(ct01.locator("dd").first().isVisible()).resolves.toBe(true);
    await ct01.locator("summary").click();
    await shots(page, "web", "04-tong-hop", () => page.locator("#tong-hop"));
    // At 1280 px the same results are a table, the period of each file on one line.
    await page.setViewportSize(WIDE);
    await expect(page.locator("table.consolidated").isVisible()).resolves.toBe(true);
    await expect(page.locator('table.consolidated tr[data-code="MH03"]').textContent()).resolves.toContain("Đạt (8/≥ 1)");
    await expectTidyLayout(page);
    await page.setViewportSize(PANE);

    // 4. Units to remind: each button names its unit; the group reminder and one unit's message reach the clipboard.
    const overdue = page.locator("#qua-han");
    const team5 = overdue.locator('li[data-unit="TCN05"]');
    await expect(team5.textContent()).resolves.toContain("Quá hạn 6 ngày");
    await expect(team5.textContent()).resolves.toContain("Hồ Thị Sen - 0918 990 315");
    await expect(overdue.locator('li[data-unit="PKT"]').textContent()).resolves.toContain("Trễ 3 ngày");
    await button(page, "Sao chép nhắc nhở chung").click();
    await page.getByText("Đã sao chép nội dung nhắc nhở chung").waitFor();
    await expectFocus(page, "#qua-han .notice");
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain("Tổ công nghệ số cộng đồng thôn 5: quá hạn 6 ngày (hạn trước ngày 20/03/2026)");
    expect(clip).toContain("Phòng Kinh tế: trễ 3 ngày");
    await page.getByRole("button", { name: "Sao chép nhắc nhở cho Tổ công nghệ số cộng đồng thôn 5", exact: true }).click();
    await page.getByText("Đã sao chép nhắc nhở gửi Tổ công nghệ số cộng đồng thôn 5.").waitFor();
    const toTeam = await page.evaluate(() => navigator.clipboard.readText());
    expect(toTeam).toMatch(/^Kính gửi: Tổ công nghệ số cộng đồng thôn 5 \(liên hệ: Hồ Thị Sen - 0918 990 315\)\./);
    expect(toTeam).not.toContain("Phòng Kinh tế");
    const names = await overdue.locator("li button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
    expect(names.every((n) => /^Sao chép nhắc nhở cho .+/.test(n ?? ""))).toBe(true);
    await overdue.locator("summary").click();
    await shots(page, "web", "05-qua-han", () => overdue);

    // 5. The units' templates (one .zip) and the report to the level above, named after the body.
    const zip = unzipSync(await downloadFrom(s, "Tạo mẫu báo cáo", "Mau bao cao 2026-03.zip"));
    const template = Object.entries(zip).find(([name]) => name.includes("Phong Kinh te"));
    if (!template) throw new Error(`no template for Phòng Kinh tế in ${Object.keys(zip).join(", ")}`);
    const templateText = JSON.stringify((await loadXlsx(template[1])).worksheets[0].getSheetValues());
    expect(templateText).toContain("Phòng Kinh tế");
    expect(templateText).toContain("Tháng 3/2026");
    const upward = await downloadFrom(s, "Xuất báo cáo cấp trên", "BC 2026-03 - UBND xa Hoa Binh.xlsx");
    const report = parseReport(readWorkbook(upward), "upward.xlsx", DEFAULT_CATALOGUE);
    expect([report.unitCode?.value, report.unitName?.value, report.periodText?.value]).toEqual(["XHB", BODY, "Tháng 3/2026"]);
    expect(report.rows.find((r) => r.indicator === "MH10")?.result?.value).toMatchObject({ value: totals.MH10.value });
    await idle(page);
    await shots(page, "web", "06-mau-bao-cao", () => page.locator("#mau-bao-cao"));

    // 6. Findings, grouped by file; each code stands apart from its Vietnamese message.
    const findings = page.locator("#phat-hien");
    for (const code of ["NEGATIVE", "NOT_A_NUMBER", "UNKNOWN_UNIT", "PERIOD_MISMATCH"]) {
      await expect(findings.locator(`li[data-code="${code}"]`).count()).resolves.toBeGreaterThan(0);
    }
    const mismatch = findings.locator('li[data-code="PERIOD_MISMATCH"]').first();
    await expect(mismatch.locator(".message").textContent()).resolves.not.toContain("PERIOD_MISMATCH");
    await expect(mismatch.locator(".finding-code").textContent()).resolves.toBe("Mã phát hiện: PERIOD_MISMATCH");
    await shots(page, "web", "07-phat-hien", () => findings);

    // 7. Leaving now would lose the work: the page asks first.
    const leave = await openPage("index.html");
    await leave.page.keyboard.type(BODY);
    await leave.click(button(leave.page, "Tạo sổ mới"));
    await leave.page.locator(".notice.warning").getByText("sổ chưa có đơn vị nào").waitFor();
    expect(await asksBeforeLeaving(leave)).toBe(true);
    await leave.context.close();

    // 8. Download: named after the body and the period, confirmed by a notice; then leaving asks nothing.
    const wb = await loadXlsx(await download(s));
    await page.locator("#so-tong-hop .notice").getByText(`Đã tải sổ về máy: “${MARCH_BOOK}”`).waitFor();
    await expectFocus(page, "#so-tong-hop .notice");
    await shots(page, "web", "08-tai-so", () => page.locator("#so-tong-hop"));
    const consolidated = table(wb, SHEETS.consolidated, "Mã chỉ tiêu");
    for (const [code, e] of Object.entries(totals)) {
      const r = consolidated.find((x) => x["Mã chỉ tiêu"] === code);
      expect(r?.["Kết quả"]).toBeCloseTo(e.value, 9);
      expect(r?.["Số đơn vị báo cáo"]).toBe(e.unitsReporting);
      if (e.numerator !== null) expect([r?.["Tử số"], r?.["Mẫu số"]]).toEqual([e.numerator, e.denominator]);
    }
    const status = Object.fromEntries(table(wb, SHEETS.status, "Mã đơn vị").map((r) => [r["Mã đơn vị"], r["Tháng 3/2026"]]));
    expect(status).toMatchObject({ VHXH: "Đúng hạn", PKT: "Trễ 3 ngày", CAX: "Đúng hạn", TCN05: "Quá hạn 6 ngày", THCS: "Quá hạn 6 ngày", HPN: "Không phải nộp" });
    // Every unit required in March has its column, the overdue ones too.
    const byUnit = wb.worksheets.find((w) => w.name.normalize("NFC") === SHEETS.byUnit)!;
    const byUnitText = JSON.stringify(byUnit.getSheetValues());
    for (const name of ["Tổ công nghệ số cộng đồng thôn 5", "Trường THCS Hòa Bình", "Phòng Kinh tế"]) expect(byUnitText).toContain(name);
    expect(byUnitText).not.toContain("Hội Liên hiệp Phụ nữ");
    const codes = table(wb, SHEETS.findings, "Mã").map((r) => r["Mã"]);
    expect(codes).toEqual(expect.arrayContaining(["NEGATIVE", "NOT_A_NUMBER", "NUMERATOR_ABOVE_DENOMINATOR", "PERCENT_WITHOUT_DENOMINATOR", "UNKNOWN_UNIT", "PERIOD_MISMATCH"]));
    expect(wb.worksheets.map((w) => w.name.normalize("NFC")).slice(0, 3)).toEqual([SHEETS.consolidated, SHEETS.byUnit, SHEETS.status]);
    expect(table(wb, SHEETS.settings, "Thiết lập").find((r) => r["Thiết lập"] === "Kỳ tổng hợp gần nhất")?.["Giá trị"]).toBe("2026-03");
    expect(s.watched.errors).toEqual([]);
    expect(s.watched.foreignRequests).toEqual([]);
    expect(await asksBeforeLeaving(s)).toBe(false);
    await s.context.close();

    // 9. A month later the downloaded book opens on the period last consolidated, not on April.
    const saved = join(mkdtempSync(join(tmpdir(), "tonghop-reopen-")), MARCH_BOOK);
    writeFileSync(saved, new Uint8Array(await wb.xlsx.writeBuffer()));
    const again = await openPage("index.html", { now: APRIL });
    await again.choose(button(again.page, "Mở sổ tổng hợp"), [saved]);
    await again.page.getByText("Kỳ tổng hợp gần nhất: Tháng 3/2026.").waitFor();
    await expect(again.page.getByRole("combobox", { name: "Kỳ báo cáo" }).inputValue()).resolves.toBe("2026-03");
    await again.context.close();
  });

  it("takes the period from 30 reports of last month, and goes from opening the page to the downloaded workbook in 5 clicks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tonghop-30-"));
    const units: Unit[] = Array.from({ length: 30 }, (_, i) => {
      const code = `TCN${String(i + 1).padStart(2, "0")}`;
      return { code, name: `Tổ công nghệ số cộng đồng thôn ${i + 1}`, type: "Tổ công nghệ số cộng đồng", parent: "XHB", frequency: "month", activeFrom: "", activeTo: "", contact: "" };
    });
    writeFileSync(join(dir, "don-vi.csv"), unitsCsv(units));
    const reports = await Promise.all(
      units.map(async (u) => {
        const file = join(dir, `BC thang 3 - ${u.code}.xlsx`);
        const values = sampleFigures(u.code, "2026-03", u.type);
        writeFileSync(file, await writeReport({ parentName: BODY, unitName: u.name, unitCode: u.code, periodLabel: "Tháng 3/2026", reportDate: "2026-03-16", values }));
        return file;
      }),
    );

    const started = Date.now();
    // Opened in April: the picker says April, the reports say March.
    const s = await openPage("index.html", { viewport: WIDE, now: APRIL });
    const { page } = s;
    await createBook(s, join(dir, "don-vi.csv"));
    await expect(page.getByRole("combobox", { name: "Kỳ báo cáo" }).inputValue()).resolves.toBe("2026-04");
    await s.choose(button(page, "Chọn báo cáo"), reports);
    await page.getByText("Xem trước 30 tệp").waitFor();
    await idle(page);
    await page.getByText("30/30 tệp ghi kỳ Tháng 3/2026: đã chuyển kỳ báo cáo từ Tháng 4/2026 sang Tháng 3/2026.").waitFor();
    await expect(page.getByRole("combobox", { name: "Kỳ báo cáo" }).inputValue()).resolves.toBe("2026-03");
    await shots(page, "web", "09-chuyen-ky", () => page.locator("#bao-cao-don-vi"));
    await s.click(button(page, "Tổng hợp báo cáo"));
    await page.getByText("Đã tổng hợp Tháng 3/2026: nhận 30/30 tệp").waitFor();
    await idle(page);
    const wb = await loadXlsx(await download(s));
    const seconds = (Date.now() - started) / 1000;
    await shots(page, "web", "10-trang-web");

    // Speed is reported, not asserted (it lives in `npm run bench`); the clicks are the promise.
    console.log(`30 báo cáo: ${s.clicks} lần bấm, ${seconds.toFixed(1)} giây từ lúc mở trang đến khi tải sổ về`);
    expect(s.clicks).toBeLessThanOrEqual(5);
    const status = table(wb, SHEETS.status, "Mã đơn vị");
    expect(status.filter((r) => r["Tháng 3/2026"] === "Đúng hạn")).toHaveLength(30);
    expect(s.watched.errors).toEqual([]);
    expect(s.watched.foreignRequests).toEqual([]);
    await s.context.close();
  });

  it("offers the files' period when a consolidation takes none of them, and keeps them for it", async () => {
    const s = await openPage("index.html", { now: APRIL });
    const { page } = s;
    await createBook(s);
    await s.choose(button(page, "Chọn báo cáo"), MARCH);
    await idle(page);
    await page.getByRole("combobox", { name: "Kỳ báo cáo" }).selectOption("2026-04");
    await idle(page);
    await s.click(button(page, "Tổng hợp báo cáo"));
    await idle(page);
    const notice = page.locator("#tong-hop .notice.warning");
    await notice.getByText("Chưa nhận tệp nào cho Tháng 4/2026").waitFor();
    await expectFocus(page, "#tong-hop .notice");
    await shots(page, "web", "11-khong-nhan-tep", () => page.locator("#tong-hop"));
    await notice.getByRole("button", { name: "Chuyển sang Tháng 3/2026" }).click();
    await page.getByText("Xem trước 14 tệp").waitFor();
    await s.click(button(page, "Tổng hợp báo cáo"));
    await page.getByText("Đã tổng hợp Tháng 3/2026: nhận 11/14 tệp").waitFor();
    await s.context.close();
  });

  it("makes a book without units say what to do next, and takes units from a small form and a list file", async () => {
    const s = await openPage("index.html");
    const { page } = s;
    await page.keyboard.type(BODY);
    await page.locator("#body-code").fill("XHB");
    await s.click(button(page, "Tạo sổ mới"));
    const notice = page.locator("#don-vi .notice.warning");
    await notice.getByText("sổ chưa có đơn vị nào nên chưa nhận được báo cáo nào").waitFor();
    await expectFocus(page, "#don-vi .notice");
    await shots(page, "web", "12-chua-co-don-vi", () => page.locator("#don-vi"));
    await addUnitInForm(page, { code: "CAX", name: "Công an xã Hòa Bình", type: "Công an", contact: "Hoàng Văn Nam - 0916 703 552" }, 1);
    await addUnitsFile(page, join(SAMPLES, "don-vi.csv"));
    await page.getByText("Đã thêm 14 đơn vị từ “don-vi.csv”; sổ có 15 đơn vị.").waitFor();
    await shots(page, "web", "13-them-don-vi", () => page.locator("#don-vi"));
    // The units count: the March reports are recognised.
    await s.choose(button(page, "Chọn báo cáo"), MARCH);
    await expectMarchPreview(page);
    const wb = await loadXlsx(await download(s));
    expect(table(wb, SHEETS.units, "Mã đơn vị").find((r) => r["Mã đơn vị"] === "CAX")).toMatchObject({ "Tên đơn vị": "Công an xã Hòa Bình", Loại: "Công an", "Liên hệ": "Hoàng Văn Nam - 0916 703 552" });
    expect(s.watched.errors).toEqual([]);
    await s.context.close();
  });

  it("shows and reads the as-of day as dd/mm/yyyy in an English-language browser", async () => {
    const s = await openPage("index.html", { locale: "en-US" });
    const { page } = s;
    await createBook(s);
    const asOf = page.getByLabel("Tính đến ngày");
    await expect(asOf.inputValue()).resolves.toBe("25/03/2026");
    await expect(asOf.getAttribute("type")).resolves.toBe("text");
    await asOf.fill("03/20/2026");
    await asOf.press("Tab");
    await page.getByText("“03/20/2026” không phải một ngày").waitFor();
    await expect(asOf.getAttribute("aria-invalid")).resolves.toBe("true");
    await asOf.fill("19/3/2026");
    await asOf.press("Tab");
    // The page rewrites the field once it has taken the day: waited for, as a loaded machine may be slow to.
    await page.waitForFunction((field) => (field as HTMLInputElement).value === "19/03/2026", await asOf.elementHandle(), { timeout: 15_000 });
    await idle(page);
    await expect(asOf.getAttribute("aria-invalid")).resolves.toBe("false");
    // Before the deadline no unit is overdue.
    await page.getByText("Không có đơn vị quá hạn, trễ hạn hoặc có báo cáo lỗi trong kỳ này.").waitFor();
    await s.context.close();
  });

  it("reopens a downloaded master workbook, and refuses a file that is not one with a clear message", async () => {
    const s = await openPage("index.html");
    await createBook(s);
    const bytes = await download(s);
    const saved = join(mkdtempSync(join(tmpdir(), "tonghop-open-")), "so-tong-hop.xlsx");
    writeFileSync(saved, bytes);

    const again = await openPage("index.html");
    await again.choose(button(again.page, "Mở sổ tổng hợp"), [join(SAMPLES, "2026-03", "BC thang 3 - Phong Kinh te.xlsx")]);
    await again.page.getByRole("alert").getByText("không phải sổ tổng hợp").waitFor();
    await again.choose(button(again.page, "Mở sổ tổng hợp"), [saved]);
    await again.page.getByText("Đã mở sổ “so-tong-hop.xlsx”: 15 đơn vị.").waitFor();
    await expect(again.page.locator(".summary-line").first().textContent()).resolves.toMatch(/^15 đơn vị · 25 chỉ tiêu/);
    expect([...s.watched.errors, ...again.watched.errors]).toEqual([]);
    await s.context.close();
    await again.context.close();
  });

  it("shows text from files as text: a unit named like HTML stays characters on the page", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tonghop-xss-"));
    const evil = "<img src=x onerror=alert(1)>";
    const unit: Unit = { code: "X1", name: evil, type: "Tổ công nghệ số cộng đồng", parent: "", frequency: "month", activeFrom: "", activeTo: "", contact: "<b>0912</b>" };
    writeFileSync(join(dir, "don-vi.csv"), unitsCsv([unit]));
    const report = join(dir, "bc.xlsx");
    writeFileSync(report, await writeReport({ unitName: evil, unitCode: "X1", periodLabel: "Tháng 3/2026", reportDate: "2026-03-15", values: { MH09: 1 } }));

    const s = await openPage("index.html");
    const dialogs: string[] = [];
    s.page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await createBook(s, join(dir, "don-vi.csv"));
    await s.choose(button(s.page, "Chọn báo cáo"), [report]);
    await s.page.getByText("Xem trước 1 tệp").waitFor();
    await idle(s.page);
    await expect(s.page.locator("table.stacked tbody").textContent()).resolves.toContain(evil);
    await expect(s.page.locator("#qua-han, #bao-cao-don-vi").locator("img").count()).resolves.toBe(0);
    await expect(s.page.locator("main b").count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    await s.context.close();
  });

  it("loads exceljs only when a workbook is needed, and keeps the first load small", async () => {
    const s = await openPage("index.html");
    const loaded: string[] = [];
    const sizes = new Map<string, number>();
    const files = readdirSync(dist);
    const gz = (name: string) => gzipSync(readFileSync(join(dist, name))).length;
    s.page.on("request", (r) => loaded.push(r.url().slice(base.length + 1)));
    // The first load: the page, its script and stylesheet, and the web host chunk.
    const first = ["index.html", ...files.filter((f) => /^(taskpane|web)\..*\.(js|css)$/.test(f))];
    for (const f of first) sizes.set(f, gz(f));
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    console.log(`Lần tải đầu (gzip): ${(total / 1024).toFixed(1)} KB — ${[...sizes].map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KB`).join(", ")}`);
    expect(total).toBeLessThan(200 * 1024);

    await s.page.keyboard.type(BODY);
    await s.choose(button(s.page, "Chọn danh sách đơn vị…"), [join(SAMPLES, "don-vi.csv")]);
    await s.page.locator("#units-file-name").getByText("Danh sách đơn vị: ").waitFor();
    expect(loaded.filter((u) => u.endsWith(".js"))).toEqual([]);
    await s.click(button(s.page, "Tạo sổ mới"));
    await s.page.getByText("Đã tạo sổ tổng hợp").waitFor();
    expect(loaded.filter((u) => u.endsWith(".js")).length).toBeGreaterThan(0);
    await s.context.close();
  });

  it("runs exceljs's deferred work without the browser's 4 ms timer clamp", async () => {
    // The same master workbook opened with the MessageChannel timers and without them (the page marks
    // them as installed beforehand, so the browser's clamped setTimeout(0) stays).
    const s = await openPage("index.html");
    await createBook(s);
    await s.choose(button(s.page, "Chọn báo cáo"), MARCH);
    await s.page.getByText(`Xem trước ${MARCH.length} tệp`).waitFor();
    await idle(s.page);
    await s.click(button(s.page, "Tổng hợp báo cáo"));
    await s.page.getByText("Đã tổng hợp Tháng 3/2026").waitFor();
    const saved = join(mkdtempSync(join(tmpdir(), "tonghop-speed-")), "so.xlsx");
    writeFileSync(saved, await download(s));
    await s.context.close();

    const timeOpen = async (fastTimers: boolean) => {
      const context = await browser.newContext({ viewport: PANE });
      const page = await context.newPage();
      if (!fastTimers) await page.addInitScript(() => ((window as unknown as Record<symbol, boolean>)[Symbol.for("tonghop.fastTimers")] = true));
      await page.goto(`${base}/index.html`);
      let total = 0;
      for (let i = 0; i < 3; i++) {
        const chooser = page.waitForEvent("filechooser");
        await page.getByRole("button", { name: "Mở sổ tổng hợp" }).click();
        await (await chooser).setFiles([saved]);
        const t0 = Date.now();
        await page.getByText("Đã mở sổ").waitFor();
        total += Date.now() - t0;
        await page.waitForFunction(() => document.getElementById("app")?.dataset.busy === "false");
      }
      // 200 nested setTimeout(0), as exceljs's bundled process.nextTick chains them.
      const chainMs = await page.evaluate(async () => {
        const t0 = performance.now();
        for (let i = 0; i < 200; i++) await new Promise((r) => setTimeout(r, 0));
        return performance.now() - t0;
      });
      await context.close();
      return { openMs: total / 3, chainMs };
    };
    const slow = await timeOpen(false);
    const fast = await timeOpen(true);
    console.log(
      `Mở sổ tổng hợp: ${fast.openMs.toFixed(0)} ms với MessageChannel, ${slow.openMs.toFixed(0)} ms với setTimeout(0) của trình duyệt; ` +
        `200 setTimeout(0) lồng nhau: ${fast.chainMs.toFixed(0)} ms so với ${slow.chainMs.toFixed(0)} ms`,
    );
    // The chain is the mechanism itself and measures steadily; one master workbook holds too few deferrals
    // for its open time to tell the two apart reliably, so that figure is only reported.
    expect(fast.chainMs * 4).toBeLessThan(slow.chainMs);
  });

  it("opens the add-in page outside Office in web mode, with Office.js from the local package", async () => {
    const context = await browser.newContext({ viewport: PANE });
    const page = await context.newPage();
    const officeDist = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
    const cdn = "https://appsforoffice.microsoft.com/lib/1/hosted/";
    await page.route(`${cdn}**`, (route) => {
      const rel = route.request().url().slice(cdn.length).split("?")[0];
      try {
        return route.fulfill({ body: readFileSync(join(officeDist, rel)), contentType: "text/javascript" });
      } catch {
        return route.fulfill({ status: 404, body: "" });
      }
    });
    const watched = watch(page, base, [cdn]);
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("button", { name: "Mở sổ tổng hợp" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.host)).resolves.toBe("web");
    await expect(page.evaluate(() => typeof (window as { Office?: unknown }).Office)).resolves.toBe("object");
    expect(watched.errors).toEqual([]);
    await context.close();
  });

  it("still starts in web mode when Office.js cannot be loaded (no network)", async () => {
    const context = await browser.newContext({ viewport: PANE });
    const page = await context.newPage();
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort("internetdisconnected"));
    const watched = watch(page, base, ["https://appsforoffice.microsoft.com/"]);
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("button", { name: "Tạo sổ mới" }).waitFor();
    await expect(page.evaluate(() => typeof (window as { Office?: unknown }).Office)).resolves.toBe("undefined");
    // The only error is the browser's own note that the Office.js script failed to load.
    expect(watched.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});
