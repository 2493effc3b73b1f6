// The upward report: the commune's consolidated period as one unit report the province reads back.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../src/cli/main";
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { consolidateBook } from "../src/core/period-consolidation";
import type { MasterBook } from "../src/core/types";
import { upwardFileName, upwardReport, UpwardReportError } from "../src/core/upward";
import { toIncomingFile } from "../src/io/incoming";
import { masterXlsx } from "./helpers/master-xlsx";
import { buildUpwardReport } from "../src/io/template-writer";
import { incoming, testUnit } from "./helpers/report-grid";

const NOW = new Date("2026-03-25T03:00:00Z");
const units = [
  testUnit("CA", "Công an xã", "Công an"),
  testUnit("T1", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng"),
  testUnit("T2", "Tổ công nghệ số cộng đồng thôn 2", "Tổ công nghệ số cộng đồng"),
];

function commune(settings: Partial<MasterBook["settings"]> = { bodyCode: "XHB", bodyName: "UBND xã Hòa Bình" }): MasterBook {
  const files = [
    incoming({ unit: "Công an xã", period: "Tháng 3/2026", date: "15/03/2026", values: { CT04: { n: 120, d: 1000 }, MH16: 50 } }),
    incoming({ unit: "Tổ công nghệ số cộng đồng thôn 1", period: "Tháng 3/2026", date: "15/03/2026", values: { CT03: { n: 300, d: 500 }, MH01: 2, MH02: 12, MH09: 3 } }),
    incoming({ unit: "Tổ công nghệ số cộng đồng thôn 2", period: "Tháng 3/2026", date: "16/03/2026", values: { CT03: { n: 100, d: 400 }, MH01: 1, MH02: 6, MH09: 4 } }),
  ];
  return importFiles(newMasterBook({ year: 2026, ...settings }, units), files, { now: NOW }).book;
}

test("the report carries the body's code and name, the period, sums and both parts of every ratio", () => {
  const book = commune();
  const doc = upwardReport(book, consolidateBook(book, "2026-03", NOW), "2026-03-25");
  expect(doc).toMatchObject({ unitCode: "XHB", unitName: "UBND xã Hòa Bình", periodLabel: "Tháng 3/2026", reportDate: "2026-03-25", deadline: "", instructions: [] });
  const line = (code: string) => doc.lines.find((l) => l.indicator.code === code)!;
  // 400/900, never the average of 60% and 25%.
  expect(line("CT03")).toMatchObject({ value: null, numerator: 400, denominator: 900, note: "Tổng hợp từ 2 đơn vị" });
  expect(line("MH09")).toMatchObject({ value: 7, numerator: null, denominator: null });
  expect(line("MH02")).toMatchObject({ value: 18 });
  expect(line("TT01")).toMatchObject({ value: null, numerator: null, denominator: null, note: "" });
  expect(doc.lines).toHaveLength(book.catalogue.length);
  expect(upwardFileName(book, consolidateBook(book, "2026-03", NOW).period)).toBe("BC 2026-03 - UBND xa Hoa Binh.xlsx");
});

test("without the body's code and name there is nothing to report as, and the clerk is told where to set them", () => {
  const book = commune({ bodyCode: "", bodyName: "" });
  expect(() => upwardReport(book, consolidateBook(book, "2026-03", NOW), "2026-03-25")).toThrow(UpwardReportError);
  expect(() => upwardReport(book, consolidateBook(book, "2026-03", NOW), "2026-03-25")).toThrow(/Cài đặt/);
});

test("the exported .xlsx is imported at the province like any unit report, with the same figures", async () => {
  const book = commune();
  const file = await buildUpwardReport(book, "2026-03", NOW);
  const province = newMasterBook({ bodyCode: "T", bodyName: "UBND tỉnh", year: 2026 }, [testUnit("XHB", "UBND xã Hòa Bình", "Xã")]);
  const { book: after, files } = importFiles(province, [toIncomingFile(file.fileName, file.bytes, "h", null)], { now: NOW, periodKey: "2026-03" });
  expect(files[0]).toMatchObject({ status: "imported", unit: "XHB", period: "2026-03", errors: 0 });
  expect(after.submissions[0]).toMatchObject({ declaredDate: "2026-03-25", receivedSource: "declared" });
  const pick = (b: MasterBook) => consolidateBook(b, "2026-03", NOW).indicators.map(({ code, value, numerator, denominator }) => ({ code, value, numerator, denominator }));
  expect(pick(after)).toEqual(pick(book));
});

test("the command line writes the templates and the upward report, and prints the reminders", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-issue5-"));
  const master = path.join(dir, "so.xlsx");
  await fs.writeFile(master, await masterXlsx(commune()));
  let out = "";
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), isTTY: false };
  process.env.TONGHOP_NOW = NOW.toISOString();
  try {
    expect(await main(["templates", master, "--period", "2026-03", "--out", path.join(dir, "mau")], io)).toBe(0);
    expect((await fs.readdir(path.join(dir, "mau"))).sort()).toEqual([
      "Mau BC 2026-03 - Cong an xa.xlsx",
      "Mau BC 2026-03 - To cong nghe so cong dong thon 1.xlsx",
      "Mau BC 2026-03 - To cong nghe so cong dong thon 2.xlsx",
    ]);
    expect(await main(["export", master, "--period", "2026-03"], io)).toBe(0);
    expect(await fs.stat(path.join(dir, "BC 2026-03 - UBND xa Hoa Binh.xlsx"))).toBeTruthy();
    out = "";
    expect(await main(["remind", master, "--period", "2026-03", "--json"], io)).toBe(0);
    // Every unit reported on time and cleanly: nobody to chase.
    expect(JSON.parse(out)).toMatchObject({ period: "2026-03", reminders: [], groupMessage: "" });
  } finally {
    delete process.env.TONGHOP_NOW;
    await fs.rm(dir, { recursive: true, force: true });
  }
});
