// The web page in Chromium, for offices whose reports come as Word, OpenDocument and old Excel files: one
// report of each format is dragged onto the page and dropped, previewed, consolidated — the figures of
// each in the total — and a Word 97-2003 file and a photo get a line saying what to do.
// Run alone with: npx jest test/e2e/formats
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { button, expectFocus, idle, ROOT, SAMPLE_NOW, useWebPage, watch } from "./browser";

jest.setTimeout(240_000);

const FIXTURES = join(ROOT, "test", "fixtures");
const DROPPED: [name: string, file: string][] = [
  ["CA xa.xls", join(FIXTURES, "formats", "standard-CAX-2026-03.xls")],
  ["Truong TH.ods", join(FIXTURES, "formats", "two-row-header-THHB-2026-03.ods")],
  ["Phong Kinh te.docx", join(FIXTURES, "formats", "late-PKT-2026-03.docx")],
  ["To CNSCD thon 1.xlsx", join(FIXTURES, "libreoffice", "nfd-TCN01-2026-03.xlsx")],
  ["Bao cao cu.doc", join(FIXTURES, "formats", "standard-CAX-2026-03.doc")],
  ["Anh chup bao cao.jpg", ""],
];

const web = useWebPage();

/** Drags the files onto the drop zone and drops them, as from a file manager. */
async function drop(page: Page, files: [string, string][]): Promise<void> {
  const payload = files.map(([name, file]) => ({ name, base64: file ? readFileSync(file).toString("base64") : Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]).toString("base64") }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return transfer;
  }, payload);
  const zone = page.locator(".dropzone");
  await zone.dispatchEvent("dragover", { dataTransfer });
  await zone.dispatchEvent("drop", { dataTransfer });
}

test("a .xls, an .ods, a .docx and a .xlsx dropped on the web page are read and consolidated; .doc and a photo say what to do", async () => {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  await page.clock.setFixedTime(SAMPLE_NOW);
  const watched = watch(page, web.base);
  await page.goto(`${web.base}/index.html`);
  await page.getByRole("heading", { name: "Sổ tổng hợp" }).waitFor();
  await expectFocus(page, "#body-name");
  await page.keyboard.type("UBND xã Hòa Bình");
  const chooser = page.waitForEvent("filechooser");
  await button(page, "Chọn danh sách đơn vị…").click();
  await (await chooser).setFiles([join(ROOT, "samples", "don-vi.csv")]);
  await page.locator("#units-file-name").getByText("Danh sách đơn vị: ").waitFor();
  await button(page, "Tạo sổ mới").click();
  await page.getByText("Đã tạo sổ tổng hợp của UBND xã Hòa Bình với 15 đơn vị").waitFor();

  // The picker offers the formats the page reads.
  const accept = await page.locator("#bao-cao-don-vi input[type=file]").getAttribute("accept");
  for (const ext of [".xlsx", ".xls", ".ods", ".docx"]) expect(accept?.split(",")).toContain(ext);

  await drop(page, DROPPED);
  await page.getByText(`Xem trước ${DROPPED.length} tệp`).waitFor();
  await idle(page);
  const row = (file: string) => page.locator("table.stacked tbody tr", { hasText: file });
  for (const [name] of DROPPED.slice(0, 4)) await expect(row(name).getAttribute("data-status")).resolves.toBe("imported");
  await expect(row("Phong Kinh te.docx").textContent()).resolves.toContain("Trễ 3 ngày");
  await expect(row("Bao cao cu.doc").getAttribute("data-status")).resolves.toBe("refused");
  await expect(row("Anh chup bao cao.jpg").getAttribute("data-status")).resolves.toBe("refused");
  const findings = await page.locator("#phat-hien").textContent();
  expect(findings).toContain("Word 97-2003");
  expect(findings).toContain("ảnh chụp");
  await page.locator("#bao-cao-don-vi").screenshot({ path: join(ROOT, "docs", "screenshots", "09-dinh-dang.png") });

  await button(page, "Tổng hợp báo cáo").click();
  await page.getByRole("table", { name: "Kết quả tổng hợp" }).waitFor();
  await idle(page);
  // One figure from each format: MH16 from the .xls, CT02 from the .ods, MH05 from the .docx, MH10 from the .xlsx.
  await expect(page.locator('tr[data-code="MH16"]').textContent()).resolves.toContain("573");
  await expect(page.locator('tr[data-code="CT02"]').textContent()).resolves.toContain((316).toLocaleString("vi-VN"));
  await expect(page.locator('tr[data-code="MH05"]').textContent()).resolves.toContain("11");
  await expect(page.locator('tr[data-code="MH10"]').textContent()).resolves.toContain("68");
  expect(watched.errors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
  await context.close();
});
