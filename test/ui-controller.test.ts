// The pane's behaviour without a browser: the controller driven against an in-memory master store.
import { keepEditedOutputs } from "../src/core/output-seal";
import { parseCsv } from "../src/core/csv";
import { readdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { join } from "node:path";
import { readReportFile } from "../src/app/master-service";
import { DEFAULT_SETTINGS, SHEETS } from "../src/core/master-sheets";
import type { CellValue, FileStatus, Sheet, SheetSpec } from "../src/core/types";
import { fileStatusText, fileStatusTone } from "../src/ui/labels";
import { PaneController } from "../src/ui/controller";
import type { BrowserWorkbook, Host, LocalFile } from "../src/ui/host";
import { asOfInstant, dueText, masterFileName, periodGroups } from "../src/ui/periods";
import { expectedTotals } from "../src/samples/scenario";
import { parseReport } from "../src/core/report-parser";
import { readMasterBook } from "../src/core/master-read";
import { readWorkbook } from "../src/io/xlsx";

const SAMPLES = join(__dirname, "..", "samples");
// The sample story is told as of 25 March 2026, 09:00 in Vietnam.
const NOW = new Date("2026-03-25T09:00:00+07:00");

/** A workbook as plain grids: what Excel or exceljs would hold, minus the formatting. */
class MemoryStore implements BrowserWorkbook {
  grids = new Map<string, CellValue[][]>();
  writes: string[][] = [];
  activated: string[] = [];
  selected: string[] = [];
  otherSheets: Sheet[] = [];

  async readSheets(names: readonly string[]) {
    const out: Record<string, CellValue[][]> = {};
    for (const n of names) {
      const g = this.grids.get(n);
      if (g) out[n] = g;
    }
    return out;
  }
  async writeSheets(specs: SheetSpec[], activate?: string, keepEdited: readonly string[] = []) {
    const { backups, problems } = keepEditedOutputs(await this.readSheets(keepEdited), keepEdited, (n) => this.grids.has(n));
    const all = [...backups, ...specs];
    for (const s of all) this.grids.set(s.name, s.values as CellValue[][]);
    this.writes.push(all.map((s) => s.name));
    if (activate) this.activated.push(activate);
    return problems;
  }
  async readOtherSheets() {
    return this.otherSheets;
  }
  async selectCell(sheet: string, cell: string) {
    this.selected.push(`${sheet}!${cell}`);
  }
  async toBytes() {
    return new TextEncoder().encode(JSON.stringify([...this.grids]));
  }
}

function local(dir: string, name: string): LocalFile {
  return { name, bytes: new Uint8Array(readFileSync(join(dir, name))), lastModified: null };
}

function march(): LocalFile[] {
  const dir = join(SAMPLES, "2026-03");
  return readdirSync(dir).sort().map((n) => local(dir, n));
}

/**
 * A host that keeps the files the pane hands to the user; on the web page its workbooks are `store`.
 * `webPageOpened`: it also opened the web page in the browser, as the pane does in desktop Excel.
 */
function hostOf(kind: Host["kind"], store: MemoryStore, webPageOpened = false) {
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const saveFile = async (name: string, bytes: Uint8Array) => (saved.push({ name, bytes }), { webPageOpened });
  const host: Host =
    kind === "excel"
      ? { kind, store, saveFile }
      : { kind, saveFile, loadWorkbook: async () => store, emptyWorkbook: async () => (store.grids.clear(), store) };
  return { host, saved };
}

function webPane(store = new MemoryStore()) {
  const { host } = hostOf("web", store);
  return { store, host, ctl: new PaneController(host, () => NOW) };
}

const BODY = { bodyName: "UBND xã Hòa Bình", bodyCode: "XHB" };

async function bookWithUnits(kind: Host["kind"] = "web", clock: () => Date = () => NOW) {
  const store = new MemoryStore();
  const { host, saved } = hostOf(kind, store);
  const ctl = new PaneController(host, clock);
  await ctl.start();
  ctl.chooseUnitsList(local(SAMPLES, "don-vi.csv"));
  await ctl.createBook(BODY);
  return { store, ctl, saved, host };
}

describe("period helpers", () => {
  it("offers the months, quarters, halves and years of this year and last, the ad-hoc periods, and shows the due instant", () => {
    const keys = periodGroups(DEFAULT_SETTINGS, "2026-03").flatMap((g) => g.options.map((o) => o.key));
    expect(keys).toEqual(expect.arrayContaining(["2026-03", "2025-12", "2026-Q1", "2025-H2", "2026", "2025", "2025-10-CD30"]));
    expect(dueText("2026-03", DEFAULT_SETTINGS)).toBe("Hạn nộp: trước 00:00 ngày 20/03/2026");
    expect(dueText("2025-10-CD30", DEFAULT_SETTINGS)).toBe("Hạn nộp: trước 00:00 ngày 20/10/2025");
  });

  it("always offers the current period, even outside the settings' years", () => {
    const groups = periodGroups({ ...DEFAULT_SETTINGS, year: 2024 }, "2026-11");
    expect(groups[0].options).toEqual([{ key: "2026-11", label: "Tháng 11/2026" }]);
  });

  it("reads the as-of day as now when it is today, else as the end of that day in Vietnam", () => {
    expect(asOfInstant("2026-03-25", NOW)).toBe(NOW);
    expect(asOfInstant("2026-03-20", NOW).toISOString()).toBe("2026-03-20T16:59:59.999Z");
  });
});

describe("PaneController on the web page", () => {
  it("starts without a book, defaults to the current month and today, and creates a book from a units list", async () => {
    const { ctl, store } = webPane();
    await ctl.start();
    expect(ctl.state.phase).toBe("no-book");
    expect(ctl.state.periodKey).toBe("2026-03");
    expect(ctl.state.asOfDay).toBe("2026-03-25");

    ctl.chooseUnitsList(local(SAMPLES, "don-vi.csv"));
    expect(ctl.state.notice?.text).toBe("Danh sách “don-vi.csv”: 15 đơn vị.");
    await ctl.createBook(BODY);
    expect(ctl.state.notice).toMatchObject({ kind: "success", at: "book", text: "Đã tạo sổ tổng hợp của UBND xã Hòa Bình với 15 đơn vị. Bước tiếp theo: chọn báo cáo của các đơn vị." });
    expect(ctl.state.book?.settings).toMatchObject(BODY);
    expect(ctl.state.phase).toBe("ready");
    expect(ctl.state.book?.units).toHaveLength(15);
    expect(ctl.state.canDownload).toBe(true);
    expect(store.grids.has(SHEETS.units)).toBe(true);
  });

  it("refuses a units file it cannot read a single unit from, and creates nothing", async () => {
    const { ctl, store } = webPane();
    await ctl.start();
    ctl.chooseUnitsList({ name: "ds.csv", bytes: new TextEncoder().encode("a,b\n1,2\n"), lastModified: null });
    expect(ctl.state.notice?.kind).toBe("error");
    expect(ctl.state.notice?.text).toContain("Mã đơn vị");
    expect(ctl.state.newUnits).toBeNull();
    expect(ctl.state.book).toBeNull();
    expect(store.writes).toHaveLength(0);
  });

  it("opens a master workbook file, keeps the book it has when the file is not one, and downloads the one it works on", async () => {
    const { store: first } = await bookWithUnits();
    const notMaster = new MemoryStore();
    notMaster.grids.set("Báo cáo", [["Đơn vị: Công an xã"]]);
    const files = new Map([["so.xlsx", first], ["bao-cao.xlsx", notMaster]]);
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host: Host = {
      kind: "web",
      loadWorkbook: async (_bytes, name) => files.get(name)!,
      emptyWorkbook: async () => new MemoryStore(),
      saveFile: async (name, bytes) => (saved.push({ name, bytes }), { webPageOpened: false }),
    };
    const ctl = new PaneController(host, () => NOW);
    await ctl.start();
    await ctl.openBookFile({ name: "so.xlsx", bytes: new Uint8Array(), lastModified: null });
    expect(ctl.state.notice).toMatchObject({ kind: "success", text: "Đã mở sổ “so.xlsx”: 15 đơn vị." });

    await ctl.openBookFile({ name: "bao-cao.xlsx", bytes: new Uint8Array(), lastModified: null });
    expect(ctl.state.notice?.text).toBe("“bao-cao.xlsx” không phải sổ tổng hợp (không có trang “Đơn vị” và “Dữ liệu”). Hãy chọn đúng sổ, hoặc tạo sổ mới.");
    expect(ctl.state.book?.units).toHaveLength(15);
    await ctl.download();
    expect(saved.map((f) => f.name)).toEqual(["so-tong-hop-ubnd-xa-hoa-binh-2026-03.xlsx"]);
    expect(saved[0].bytes).toEqual(await first.toBytes());
  });

  it("previews the March files (statuses, timeliness, unit names) without writing anything", async () => {
    const { ctl, store } = await bookWithUnits();
    const writesBefore = store.writes.length;
    await ctl.addFiles(march());
    expect(store.writes).toHaveLength(writesBefore);
    expect(ctl.state.resultsWritten).toBe(false);

    const row = (file: string) => ctl.fileRows().find((r) => r.result.file === file);
    expect(row("BC thang 3 - Phong Kinh te.xlsx")).toMatchObject({ timeliness: "Trễ 3 ngày", result: { status: "imported", unitName: "Phòng Kinh tế" } });
    expect(row("BC thang 3 - Cong an xa Hoa Binh.xlsx")).toMatchObject({ timeliness: "Đúng hạn", result: { receivedSource: "declared" } });
    expect(row("Zalo 13-3 CA xa.xlsx")?.result.status).toBe("duplicate");
    // Two versions of one unit's report: whichever comes first, the later-dated one is kept, the other superseded.
    const vhxh = ["BC thang 3 - Phong Van hoa - Xa hoi.xlsx", "BC thang 3 - Phong Van hoa - Xa hoi (sua lai).xlsx"].map((f) => row(f)?.result.status);
    expect(vhxh).toEqual(["superseded", expect.stringMatching(/^(imported|replaced)$/)]);
    expect(row("BC thang 3 - Phong Van hoa - Xa hoi.xlsx")?.statusText).toBe("Bản cũ hơn, bỏ qua");
    // Before anything is written, rows say what will happen, not what did.
    expect(row("BC thang 3 - Phong Kinh te.xlsx")?.statusText).toBe("Sẽ nhập");
    expect(row("Zalo 13-3 CA xa.xlsx")?.statusText).toBe("Trùng, bỏ qua");
    expect(row("BC thang 3 - Truong THCS Hoa Binh.xlsx")?.statusText).toBe("Khác kỳ");
    expect(row("Bao cao T3 (1).xlsx")?.statusText).toBe("Không đọc được");
    expect(ctl.fileRows().map((r) => r.statusText)).not.toContain("Đã nhập");
    // A file with errors carries its first error into its row.
    const negative = ctl.fileRows().find((r) => r.result.findings.some((f) => f.code === "NEGATIVE"));
    expect(negative?.firstFinding).toMatchObject({ severity: "error" });
    expect(row("BC thang 3 - Truong THCS Hoa Binh.xlsx")).toMatchObject({ timeliness: "", result: { status: "period_mismatch" } });
    expect(row("BC thang 3 - To CNSCD thon 9.xlsx")?.result.status).toBe("refused");
    expect(row("Bao cao T3 (1).xlsx")?.result.findings.map((f) => f.code)).toEqual([expect.stringMatching(/^FILE_/)]);
    // The same files chosen again are not added twice.
    await ctl.addFiles(march());
    expect(ctl.state.pending).toHaveLength(16);
  });

  it("keeps an output sheet the clerk typed over as a copy, and says so", async () => {
    const { ctl, store } = await bookWithUnits();
    await ctl.addFiles(march());
    await ctl.consolidate();
    expect(ctl.state.bookProblems.some((p) => p.code === "OUTPUT_EDITED")).toBe(false);
    const typed = store.grids.get(SHEETS.consolidated)!.map((r) => [...r]);
    typed[6][6] = 12345;
    store.grids.set(SHEETS.consolidated, typed);
    await ctl.consolidate();
    const edited = () => ctl.state.bookProblems.filter((p) => p.code === "OUTPUT_EDITED");
    // Said once, by the write that kept the copy; the next consolidation, with nothing typed over, says nothing.
    expect(edited()).toHaveLength(1);
    expect(edited()[0].message).toContain("Tổng hợp (sửa tay)");
    expect(store.grids.get("Tổng hợp (sửa tay)")?.[6][6]).toBe(12345);
    expect(store.grids.get(SHEETS.consolidated)?.[6][6]).not.toBe(12345);
    await ctl.consolidate();
    expect(edited()).toHaveLength(0);
  });

  it("consolidates: writes data and outputs, totals match the scenario, overdue units and the reminder follow", async () => {
    const { ctl, store } = await bookWithUnits();
    await ctl.addFiles(march());
    await ctl.consolidate();

    expect(ctl.state.notice?.kind).toBe("success");
    expect(store.activated.at(-1)).toBe(SHEETS.consolidated);
    expect(store.grids.has(SHEETS.consolidated)).toBe(true);
    // Only the file set aside for another period (February) stays in the list, for when that period is chosen.
    expect(ctl.state.pending.map((f) => f.name)).toEqual(["BC thang 3 - Truong THCS Hoa Binh.xlsx"]);
    expect(ctl.state.resultsWritten).toBe(true);
    expect(ctl.fileRows().find((r) => r.result.file === "BC thang 3 - Phong Kinh te.xlsx")?.statusText).toBe("Đã nhập");
    expect(ctl.state.notice).toMatchObject({ kind: "success", at: "consolidate", action: { label: "Chuyển sang Tháng 2/2026", periodKey: "2026-02" } });
    expect(ctl.state.notice?.text).toContain("1 tệp khác kỳ vẫn ở danh sách");

    const expected = expectedTotals("2026-03");
    const got = Object.fromEntries((ctl.state.consolidation?.indicators ?? []).map((i) => [i.code, i]));
    for (const [code, e] of Object.entries(expected)) {
      expect(got[code].value).toBeCloseTo(e.value, 9);
      expect(got[code].unitsReporting).toBe(e.unitsReporting);
    }

    const chase = ctl.chase().map((s) => [s.unit, s.status, s.daysLate]);
    expect(chase).toEqual(expect.arrayContaining([["TCN05", "overdue", 6], ["THCS", "overdue", 6], ["PKT", "late", 3]]));
    expect(chase.findIndex(([u]) => u === "PKT")).toBeGreaterThan(chase.findIndex(([u]) => u === "TCN05"));

    expect(ctl.findings().map((f) => f.code)).toEqual(expect.arrayContaining(["NEGATIVE", "NOT_A_NUMBER", "UNKNOWN_UNIT", "PERIOD_MISMATCH"]));
    // On the web page there is no grid to select a cell in.
    expect(ctl.findings().some((f) => ctl.canSelect(f))).toBe(false);
  });

  it("reminds the group and each unit with the command line's messages, contacts and deadlines included", async () => {
    const { ctl } = await bookWithUnits();
    await ctl.addFiles(march());
    await ctl.consolidate();

    const group = ctl.reminder();
    expect(group).toContain("Chưa nộp báo cáo (quá hạn):");
    expect(group).toMatch(/\d\. Tổ công nghệ số cộng đồng thôn 5: quá hạn 6 ngày \(hạn trước ngày 20\/03\/2026\) – liên hệ: Hồ Thị Sen - 0918 990 315/);
    expect(group).toContain("Đã nộp nhưng trễ hạn:");
    expect(group).toMatch(/Phòng Kinh tế: trễ 3 ngày/);

    const toTeam = ctl.unitReminder("TCN05");
    expect(toTeam).toMatch(/^Kính gửi: Tổ công nghệ số cộng đồng thôn 5 \(liên hệ: Hồ Thị Sen - 0918 990 315\)\./);
    expect(toTeam).toContain("đã quá hạn 6 ngày");
    expect(toTeam).not.toContain("Phòng Kinh tế");
    expect(ctl.unitReminder("PKT")).toContain("trễ 3 ngày so với hạn nộp (trước ngày 20/03/2026)");
    // Every unit listed has its own message; a unit that reported on time without errors has none.
    for (const r of ctl.chase()) expect(ctl.unitReminder(r.unit)).toContain(r.name);
    expect(ctl.unitReminder("CAX")).toBe("");

    // The sender is the body named in the pane.
    await ctl.setBody({ bodyName: "UBND xã Hòa Bình", bodyCode: "XHB" });
    expect(ctl.reminder()).toContain("UBND xã Hòa Bình thông báo tình hình nộp báo cáo");
  });

  it("makes every unit's blank template for the period in one .zip", async () => {
    const { ctl, saved } = await bookWithUnits();
    await ctl.makeTemplates();
    expect(ctl.state.notice?.kind).toBe("success");
    expect(saved.map((f) => f.name)).toEqual(["Mau bao cao 2026-03.zip"]);
    const files = unzipSync(saved[0].bytes);
    const names = Object.keys(files);
    // Units not required in March (HPN reports quarterly) get no template.
    const owing = ctl.state.book!.units.filter((u) => u.frequency === "month");
    expect(names).toHaveLength(owing.length);
    expect(ctl.state.notice?.text).toContain(`Đã tạo ${owing.length} mẫu báo cáo Tháng 3/2026`);
    const pkt = names.find((n) => n.includes("Phong Kinh te")) as string;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files[pkt].buffer.slice(files[pkt].byteOffset, files[pkt].byteOffset + files[pkt].byteLength) as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain("Phòng Kinh tế");
    expect(text).toContain("Tháng 3/2026");
  });

  it("says so when no unit owes a report for the period, and saves nothing", async () => {
    const store = new MemoryStore();
    const { host, saved } = hostOf("web", store);
    const ctl = new PaneController(host, () => NOW);
    await ctl.createBook(BODY);
    await ctl.makeTemplates();
    expect(ctl.state.notice).toMatchObject({ kind: "error", text: expect.stringContaining("Không có đơn vị nào phải nộp báo cáo Tháng 3/2026") });
    expect(saved).toEqual([]);
  });

  it("exports the consolidated period upward under the body's name, saved in the book, as a report the reader takes in", async () => {
    const { ctl, store, saved } = await bookWithUnits();
    await ctl.addFiles(march());
    await ctl.consolidate();
    await ctl.setBody({ bodyName: " UBND xã Hòa Bình ", bodyCode: "XHB" });
    expect(ctl.state.notice).toBeNull(); // nothing changed, nothing said
    await ctl.setBody({ bodyName: "UBND xã Hòa Bình", bodyCode: "HB" });
    await ctl.setBody({ bodyName: "UBND xã Hòa Bình", bodyCode: "XHB" });
    // Saved in the workbook's "Cài đặt" sheet, so the next session finds it.
    expect(readMasterBook(Object.fromEntries(store.grids)).book.settings).toMatchObject({ bodyName: "UBND xã Hòa Bình", bodyCode: "XHB" });
    await ctl.exportUpward();
    expect(saved.map((f) => f.name)).toEqual(["BC 2026-03 - UBND xa Hoa Binh.xlsx"]);
    const report = parseReport(await readWorkbook(saved[0].bytes), saved[0].name, ctl.state.book!.catalogue);
    expect([report.unitCode?.value, report.unitName?.value, report.periodText?.value]).toEqual(["XHB", "UBND xã Hòa Bình", "Tháng 3/2026"]);
    const mh10 = report.rows.find((r) => r.indicator === "MH10")?.result?.value;
    expect(mh10).toMatchObject({ kind: "number", value: expectedTotals("2026-03").MH10.value });
  });

  it("shows overdue units before any file is chosen, and none before the deadline", async () => {
    const { ctl } = await bookWithUnits();
    expect(ctl.chase().filter((s) => s.status === "overdue")).toHaveLength(13);
    ctl.setAsOfDay("2026-03-19");
    expect(ctl.chase()).toHaveLength(0);
    expect(ctl.reminder()).toBe("");
  });

  it("counts the files being previewed as received when it lists overdue units", async () => {
    const { ctl } = await bookWithUnits();
    await ctl.addFiles(march());
    const overdue = ctl.chase().filter((s) => s.status === "overdue").map((s) => s.unit);
    expect(overdue.sort()).toEqual(["TCN05", "THCS"]);
  });

  it("turns a failing store into a message, not a crash", async () => {
    const { ctl, store } = await bookWithUnits();
    store.writeSheets = async () => {
      throw new Error("Hết dung lượng");
    };
    await ctl.consolidate();
    expect(ctl.state.notice).toMatchObject({ kind: "error", at: "consolidate", text: "Hết dung lượng" });
    expect(ctl.state.busy).toBeNull();
  });
});

describe("the period follows the files", () => {
  // Early April: the picker defaults to April, the files are March's.
  const APRIL = new Date("2026-04-05T09:00:00+07:00");

  it("switches to the period most files declare, saying so, and keeps a file of another period to re-read later", async () => {
    const { ctl } = await bookWithUnits("web", () => APRIL);
    expect(ctl.state.periodKey).toBe("2026-04");
    await ctl.addFiles(march());
    expect(ctl.state.periodKey).toBe("2026-03");
    expect(ctl.state.notice).toMatchObject({ kind: "info", at: "reports" });
    expect(ctl.state.notice?.text).toMatch(/^13\/16 tệp ghi kỳ Tháng 3\/2026: đã chuyển kỳ báo cáo từ Tháng 4\/2026 sang Tháng 3\/2026\. Đã đọc 16 tệp, chưa ghi gì vào sổ: /);
    expect(ctl.periodSuggestion()).toMatchObject({ key: "2026-02", files: 1 });

    await ctl.consolidate();
    expect(ctl.state.consolidation?.period.key).toBe("2026-03");
    // February's file is still there: choosing February re-reads it, and it will be imported then.
    ctl.switchPeriod("2026-02");
    expect(ctl.state.resultsWritten).toBe(false);
    expect(ctl.fileRows().map((r) => [r.result.file, r.statusText])).toEqual([["BC thang 3 - Truong THCS Hoa Binh.xlsx", "Sẽ nhập"]]);
    expect(ctl.state.notice?.text).toContain("Đã chuyển sang Tháng 2/2026");
    // It counts as received (late: dated 17/03) in February's list of units to chase, not as overdue.
    expect(ctl.chase().find((r) => r.unit === "THCS")?.status).toBe("late");
  });

  it("warns, and offers the files' period, when a consolidation takes no file at all", async () => {
    const { ctl, store } = await bookWithUnits("web", () => APRIL);
    await ctl.addFiles(march());
    ctl.setPeriod("2026-04"); // the clerk picks April back by hand: no file is April's
    expect(ctl.fileRows().every((r) => r.result.status === "period_mismatch" || r.result.status === "refused")).toBe(true);
    await ctl.consolidate();
    expect(ctl.state.notice).toMatchObject({ kind: "warning", at: "consolidate", action: { label: "Chuyển sang Tháng 3/2026", periodKey: "2026-03" } });
    expect(ctl.state.notice?.text).toMatch(/^Chưa nhận tệp nào cho Tháng 4\/2026: 14 khác kỳ, để riêng, 1 đã từ chối, 1 không đọc được\./);
    // Every file stays in the list, to be taken for its own period.
    expect(ctl.state.pending).toHaveLength(14);
    ctl.switchPeriod("2026-03");
    await ctl.consolidate();
    expect(ctl.state.notice?.kind).toBe("success");
    expect(readMasterBook(Object.fromEntries(store.grids)).book.data.some((f) => f.period === "2026-03")).toBe(true);
  });

  it("warns when it consolidates a period the book has no report of", async () => {
    const { ctl } = await bookWithUnits();
    await ctl.consolidate();
    expect(ctl.state.notice).toMatchObject({ kind: "warning", text: expect.stringContaining("Sổ chưa có báo cáo nào của Tháng 3/2026") });
  });

  it("re-opens a book on the period last consolidated, recorded in “Cài đặt” beside the clerk's own notes", async () => {
    const { ctl, store, host } = await bookWithUnits("excel", () => APRIL);
    const settings = store.grids.get(SHEETS.settings)!;
    store.grids.set(SHEETS.settings, [...settings, ["Ghi chú của văn thư", "đổi hạn nộp từ tháng 7", null]]);
    await ctl.addFiles(march());
    await ctl.consolidate();
    const grid = store.grids.get(SHEETS.settings)!;
    expect(grid).toContainEqual(["Kỳ tổng hợp gần nhất", "2026-03", expect.any(String)]);
    expect(grid).toContainEqual(["Ghi chú của văn thư", "đổi hạn nộp từ tháng 7", null]);

    const again = new PaneController(host, () => APRIL);
    await again.start();
    expect(again.state.periodKey).toBe("2026-03");
  });
});

describe("a new book", () => {
  it("asks for the body's name before making anything, and points at the field", async () => {
    const { ctl, store } = webPane();
    await ctl.start();
    await ctl.createBook({ bodyName: "  ", bodyCode: "XHB" });
    expect(ctl.state.notice).toMatchObject({ kind: "error", at: "book", field: "body-name", text: expect.stringContaining("Hãy nhập tên đơn vị tổng hợp") });
    expect(ctl.state.book).toBeNull();
    expect(store.writes).toHaveLength(0);
  });

  it("suggests the body's code from the units list's common parent", () => {
    const { ctl } = webPane();
    ctl.chooseUnitsList(local(SAMPLES, "don-vi.csv"));
    expect(ctl.state.newUnits).toMatchObject({ name: "don-vi.csv", parent: "XHB" });
  });

  it("without units: says what to do next, then takes units typed into the form or from a list file, keeping the clerk's columns", async () => {
    const { ctl, store } = webPane();
    await ctl.start();
    await ctl.createBook(BODY);
    expect(ctl.state.notice).toMatchObject({ kind: "warning", at: "units", text: expect.stringContaining("sổ chưa có đơn vị nào") });
    expect(ctl.state.notice?.text).toContain("thêm đơn vị ở mục “Đơn vị báo cáo”");

    // The clerk's own column in "Đơn vị" of a book opened from a file must survive the product's additions.
    const units = store.grids.get(SHEETS.units)!;
    store.grids.set(SHEETS.units, [[...units[0], "Ghi chú riêng"]]);
    await ctl.openBookFile({ name: "so.xlsx", bytes: new Uint8Array(), lastModified: null });
    await ctl.addUnit({ code: "CAX", name: "Công an xã", type: "", frequency: "month", contact: "0912 000 111" });
    expect(ctl.state.notice).toMatchObject({ kind: "success", at: "units", text: "Đã thêm đơn vị Công an xã (mã CAX). Sổ có 1 đơn vị." });
    expect(ctl.state.book?.units).toEqual([expect.objectContaining({ code: "CAX", name: "Công an xã", parent: "XHB", frequency: "month", contact: "0912 000 111" })]);
    await ctl.addUnit({ code: "CAX", name: "Công an xã (lần 2)", type: "", frequency: "month", contact: "" });
    expect(ctl.state.notice).toMatchObject({ kind: "error", field: "unit-code", text: expect.stringContaining("Mã đơn vị “CAX” đã có trong sổ") });
    await ctl.addUnit({ code: "", name: "Không mã", type: "", frequency: "month", contact: "" });
    expect(ctl.state.notice).toMatchObject({ kind: "error", field: "unit-code" });

    await ctl.addUnitsFile(local(SAMPLES, "don-vi.csv"));
    expect(ctl.state.book?.units).toHaveLength(15);
    expect(ctl.state.notice?.text).toBe("Đã thêm 14 đơn vị từ “don-vi.csv”; sổ có 15 đơn vị. 1 mã đã có trong sổ, không thêm lại: CAX.");
    expect(store.grids.get(SHEETS.units)![0]).toContain("Ghi chú riêng");
    expect(ctl.state.unsaved).toBe(true);

    await ctl.addFiles(march());
    expect(ctl.fileRows().find((r) => r.result.file === "BC thang 3 - Phong Kinh te.xlsx")?.statusText).toBe("Sẽ nhập");
  });
});

describe("nothing lost on the web page", () => {
  it("marks the book unsaved after each change and saved after a download named after the body and period", async () => {
    const { ctl, saved } = await bookWithUnits();
    expect(ctl.state.unsaved).toBe(true);
    await ctl.download();
    expect(ctl.state.unsaved).toBe(false);
    expect(saved.at(-1)?.name).toBe("so-tong-hop-ubnd-xa-hoa-binh-2026-03.xlsx");
    expect(ctl.state.notice).toMatchObject({ kind: "success", at: "book", text: expect.stringContaining("Đã tải sổ về máy: “so-tong-hop-ubnd-xa-hoa-binh-2026-03.xlsx”") });
    await ctl.addFiles(march());
    expect(ctl.state.unsaved).toBe(false); // a preview writes nothing
    await ctl.consolidate();
    expect(ctl.state.unsaved).toBe(true);
    await ctl.download("consolidate");
    expect(ctl.state.notice?.at).toBe("consolidate");
    expect(ctl.state.unsaved).toBe(false);
  });

  it("names the download in ASCII whatever the body's name", () => {
    expect(masterFileName({ bodyName: "Phường Đông Hà & Bắc Hà", bodyCode: "P01" }, "2026-Q1")).toBe("so-tong-hop-phuong-dong-ha-bac-ha-2026-q1.xlsx");
    expect(masterFileName({ bodyName: "", bodyCode: "XHB" }, "2026-11")).toBe("so-tong-hop-xhb-2026-11.xlsx");
    expect(masterFileName({ bodyName: "", bodyCode: "" }, "2026-11")).toBe("so-tong-hop-2026-11.xlsx");
  });
});

describe("a file's status in words", () => {
  it("says what will happen before anything is written and what happened after, in different words", () => {
    const statuses: FileStatus[] = ["imported", "duplicate", "replaced", "superseded", "refused", "period_mismatch"];
    const preview = statuses.map((status) => fileStatusText({ status, findings: [] }, false));
    const written = statuses.map((status) => fileStatusText({ status, findings: [] }, true));
    expect(preview).toEqual(["Sẽ nhập", "Trùng, bỏ qua", "Sẽ thay thế", "Bản cũ hơn, bỏ qua", "Sẽ không nhận", "Khác kỳ"]);
    expect(written).toEqual(["Đã nhập", "Trùng, đã bỏ qua", "Đã thay thế", "Bản cũ, không dùng", "Đã từ chối", "Khác kỳ, để riêng"]);
    preview.forEach((p, i) => expect(p).not.toBe(written[i]));
    // The badges differ in colour too: a preview is outlined on white, a written state filled.
    for (const status of statuses) {
      expect(fileStatusTone(status, false)).toMatchObject({ background: "#ffffff", border: expect.any(String) });
      expect(fileStatusTone(status, true).border).toBeUndefined();
    }
  });
});

describe("the as-of day as typed", () => {
  it("reads dd/mm/yyyy (and its variants) whatever the browser's language, and says what is wrong otherwise", async () => {
    const { ctl } = await bookWithUnits();
    ctl.setAsOfText("5/3/2026");
    expect([ctl.state.asOfDay, ctl.state.asOfError]).toEqual(["2026-03-05", null]);
    ctl.setAsOfText("20.03.26");
    expect(ctl.state.asOfDay).toBe("2026-03-20");
    ctl.setAsOfText("31/02/2026");
    expect(ctl.state.asOfDay).toBe("2026-03-20");
    expect(ctl.state.asOfError).toBe("“31/02/2026” không phải một ngày: hãy gõ ngày/tháng/năm, ví dụ 25/03/2026.");
    ctl.setAsOfText("03/20/2026"); // an English month-first date is no Vietnamese day
    expect(ctl.state.asOfError).not.toBeNull();
    ctl.setAsOfText("19/03/2026");
    expect(ctl.state.asOfError).toBeNull();
    expect(ctl.chase()).toHaveLength(0);
  });
});

describe("PaneController in Excel", () => {
  it("offers to create the master sheets in a workbook without them, then reads them back next time", async () => {
    const store = new MemoryStore();
    const first = new PaneController(hostOf("excel", store).host, () => NOW);
    await first.start();
    expect(first.state.phase).toBe("no-book");
    await first.createBook(BODY);
    expect(first.state.canDownload).toBe(false);

    const again = new PaneController(hostOf("excel", store).host, () => NOW);
    await again.start();
    expect(again.state.phase).toBe("ready");
    expect(again.state.book?.catalogue.length).toBeGreaterThan(20);
  });

  it("sees units the clerk typed into the workbook after the pane opened", async () => {
    const store = new MemoryStore();
    const ctl = new PaneController(hostOf("excel", store).host, () => NOW);
    await ctl.start();
    await ctl.createBook(BODY);
    expect(ctl.state.book?.units).toHaveLength(0);
    // The clerk fills the "Đơn vị" sheet by hand, with the pane still open.
    const csv = new TextDecoder().decode(local(SAMPLES, "don-vi.csv").bytes);
    store.grids.set(SHEETS.units, parseCsv(csv));
    await ctl.addFiles(march());
    expect(ctl.state.book?.units).toHaveLength(15);
    expect(ctl.fileRows().find((r) => r.result.file === "BC thang 3 - Phong Kinh te.xlsx")?.result).toMatchObject({ status: "imported", unit: "PKT" });
    await ctl.consolidate();
    expect(ctl.state.consolidation?.units).toHaveLength(15);
  });

  it("says what to do when a file may not have arrived: only where the web page was opened as a way round", async () => {
    const hint = "Nếu không thấy tệp trong thư mục Tải về: trang web của phần mềm vừa mở trong trình duyệt — lưu sổ này (Ctrl+S), mở sổ ở trang web rồi bấm lại nút này.";
    for (const webPageOpened of [true, false]) {
      const store = new MemoryStore();
      const { host, saved } = hostOf("excel", store, webPageOpened);
      const ctl = new PaneController(host, () => NOW);
      await ctl.start();
      ctl.chooseUnitsList(local(SAMPLES, "don-vi.csv"));
      await ctl.createBook(BODY);
      await ctl.makeTemplates();
      expect(saved.map((f) => f.name)).toEqual(["Mau bao cao 2026-03.zip"]);
      expect(ctl.state.notice).toMatchObject({ kind: "success", at: "outputs", text: expect.stringMatching(/^Đã tạo 13 mẫu báo cáo Tháng 3\/2026/) });
      expect(ctl.state.notice?.text.endsWith(` ${hint}`)).toBe(webPageOpened);
      await ctl.exportUpward();
      expect(ctl.state.notice?.text.includes(hint)).toBe(webPageOpened);
    }
  });

  it("adds units typed into the form or from a list file under the rows of “Đơn vị”, the clerk's own columns and rows kept", async () => {
    const store = new MemoryStore();
    const ctl = new PaneController(hostOf("excel", store).host, () => NOW);
    await ctl.start();
    await ctl.createBook(BODY);
    expect(ctl.state.notice).toMatchObject({ kind: "warning", at: "units", text: expect.stringContaining("thêm đơn vị ở mục “Đơn vị báo cáo”") });
    expect(ctl.state.notice?.text).toContain("hoặc gõ, dán danh sách vào trang “Đơn vị”");
    // With the pane open, the clerk adds a column of their own and a note above the table, and types one unit.
    const [header] = store.grids.get(SHEETS.units)!;
    const typed = (code: string, name: string) => header.map((h) => (h === "Mã đơn vị" ? code : h === "Tên đơn vị" ? name : h === "Tần suất" ? "tháng" : null));
    store.grids.set(SHEETS.units, [["Danh sách đơn vị năm 2026"], [...header, "Ghi chú riêng"], [...typed("PKT", "Phòng Kinh tế"), "gọi trước ngày 18"]]);
    await ctl.addUnit({ code: "HTX", name: "Hợp tác xã nông nghiệp", type: "", frequency: "quarter", contact: "0912 000 111" });
    expect(ctl.state.notice).toMatchObject({ kind: "success", at: "units", text: "Đã thêm đơn vị Hợp tác xã nông nghiệp (mã HTX). Sổ có 2 đơn vị." });
    await ctl.addUnitsFile(local(SAMPLES, "don-vi.csv"));
    expect(ctl.state.notice?.text).toBe("Đã thêm 14 đơn vị từ “don-vi.csv”; sổ có 16 đơn vị. 1 mã đã có trong sổ, không thêm lại: PKT.");
    const grid = store.grids.get(SHEETS.units)!;
    expect(grid[0][0]).toBe("Danh sách đơn vị năm 2026");
    expect(grid[1].at(-1)).toBe("Ghi chú riêng");
    expect(grid[2].at(-1)).toBe("gọi trước ngày 18");
    expect(grid.slice(2).map((r) => r[0])).toEqual(["PKT", "HTX", ...ctl.state.book!.units.slice(2).map((u) => u.code)]);
    expect(ctl.state.book?.units.find((u) => u.code === "HTX")).toMatchObject({ name: "Hợp tác xã nông nghiệp", parent: "XHB", frequency: "quarter", contact: "0912 000 111" });
    expect(ctl.state.canDownload).toBe(false);
    await ctl.addFiles(march());
    expect(ctl.fileRows().find((r) => r.result.file === "BC thang 3 - Phong Kinh te.xlsx")?.statusText).toBe("Sẽ nhập");
  });

  it("imports report sheets of this workbook and selects a finding's cell on its sheet", async () => {
    const { store, ctl } = await bookWithUnits("excel");
    const incoming = await readReportFile("x.xlsx", local(join(SAMPLES, "2026-03"), "BC thang 3 - To cong nghe so cong dong thon 3.xlsx").bytes, null);
    const report = incoming.workbook?.sheets.find((s) => s.name.normalize("NFC") === "Báo cáo") as Sheet;
    store.otherSheets = [{ ...report, name: "BC thôn 3" }];

    await ctl.addSheets();
    expect(ctl.fileRows()[0]).toMatchObject({ timeliness: "Đúng hạn", result: { status: "imported", unit: "TCN03" } });
    const negative = ctl.findings().find((f) => f.code === "NEGATIVE");
    expect(negative && ctl.canSelect(negative)).toBe(true);
    await ctl.selectFinding(negative!);
    expect(store.selected).toEqual([`BC thôn 3!${negative!.cell}`]);
  });
});
