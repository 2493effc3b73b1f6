// Hostile files through the whole import path (bytes -> IncomingFile -> importFiles -> master workbook):
// each is refused with a Vietnamese message that says what to do, and the good files beside it go through.
import ExcelJS from "exceljs";
import { importFiles, type IncomingFile } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { consolidationSheets } from "../src/core/outputs";
import { consolidateBook } from "../src/core/period-consolidation";
import { toIncomingFile } from "../src/io/incoming";
import { masterXlsx, openXlsx } from "./helpers/master-xlsx";
import { bigSheetChunks, encryptedWorkbook, reportXlsx, sheetXml, streamedXlsx, xlsxPackage, zipBomb } from "./helpers/hostile";
import { expectClearRefusal, readHostile, type HostileMakers, VIETNAMESE } from "./helpers/refusal";
import { type GridReport, reportWorkbook, testUnit } from "./helpers/report-grid";

const NOW = new Date("2026-03-25T03:00:00Z");
const PERIOD = "Tháng 3/2026";

const file = (name: string, bytes: Uint8Array, limits = {}): IncomingFile => toIncomingFile(name, bytes, `sha-${name}`, null, limits);
const good = (unit: string, values: GridReport["values"], code?: string): GridReport => ({ unit, code, period: PERIOD, date: "15/03/2026", values });

describe("hostile files in a batch with good ones", () => {
  const units = [testUnit("CA", "Công an xã"), testUnit("DTN", "Đoàn Thanh niên")];
  const goodCa = reportXlsx(good("Công an xã", { MH01: 3, MH09: 4, CT04: { n: 120, d: 1000 } }));
  const goodDtn = reportXlsx(good("Đoàn Thanh niên", { MH15: 40, MH09: 2 }));

  // Each maker returns the hostile bytes and what its refusal must say.
  const hostile: HostileMakers = {
    "mot-trieu-dong.xlsx": () => ({ bytes: streamedXlsx("Báo cáo", bigSheetChunks(1_000_000, 1, reportWorkbook(good("Công an xã", { MH01: 1 })).sheets[0].rows), 0), says: /dòng/ }),
    // 123 full rows of 16,384 columns: just over the two million cells a sheet may hold.
    "16384-cot.xlsx": () => ({ bytes: streamedXlsx("Báo cáo", bigSheetChunks(123, 16_384), 0), says: /quá nhiều ô/ }),
    "ngoai-cot-XFD.xlsx": () => ({ bytes: xlsxPackage([{ name: "Báo cáo", xml: sheetXml([]).replace("<sheetData>", '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row>') }]), says: /ngoài vùng ô/ }),
    "5000-trang.xlsx": () => ({ bytes: xlsxPackage(Array.from({ length: 5000 }, (_, i) => ({ name: `Trang ${i + 1}` }))), says: /5000 trang tính/ }),
    "xml-hong.xlsx": () => ({ bytes: xlsxPackage([{ name: "Báo cáo", xml: "<worksheet><sheetData><row><c><v>1</v></row></sheetData>" }]), says: /bị hỏng/ }),
    "mat-khau.xlsx": () => ({ bytes: encryptedWorkbook(), says: /mật khẩu/ }),
    "bom-nen.xlsx": () => ({ bytes: zipBomb(60 * 1024 * 1024), says: /quá lớn/ }),
    "tai-do-dang.xlsx": () => ({ bytes: goodCa.subarray(0, Math.floor(goodCa.length / 2)), says: /chưa tải về hết/ }),
  };

  test("every hostile file is refused with what to do; the good files are imported and consolidated", () => {
    const { files: refused, says, timings } = readHostile(hostile, file);
    const batch: IncomingFile[] = [file("CA.xlsx", goodCa), ...refused];
    batch.push(file("DTN.xlsx", goodDtn));
    const { book, files } = importFiles(newMasterBook({ year: 2026 }, units), batch, { now: NOW });

    expect(files.map((f) => f.file)).toEqual(batch.map((f) => f.name));
    for (const [name, pattern] of says) expectClearRefusal(files.find((f) => f.file === name), pattern);
    expect(files.filter((f) => f.status === "imported").map((f) => f.unit).sort()).toEqual(["CA", "DTN"]);
    const c = consolidateBook(book, "2026-03", NOW);
    expect(c.indicators.find((i) => i.code === "MH09")?.value).toBe(6);
    // Each refusal is in the import log and the findings the clerk sees, under the file's name.
    for (const name of says.keys()) {
      expect(book.log.some((l) => l.file === name && l.status === "refused")).toBe(true);
      expect(book.findings.some((f) => f.file === name && f.severity === "error")).toBe(true);
    }
    console.log(`hostile files built and read:\n${timings.join("\n")}`);
  }, 60_000);

  test("the zip bomb limit is the caller's to set: a file within the default is refused under a tighter one", () => {
    const padded = zipBomb(3 * 1024 * 1024);
    expect(file("bom.xlsx", padded).readError).toBeNull();
    const tight = file("bom.xlsx", padded, { maxUncompressedBytes: 1024 * 1024 });
    expect(tight.readError?.code).toBe("FILE_TOO_LARGE");
    expect(tight.readError?.message).toMatch(/vượt quá 1 MB/);
    const { files } = importFiles(newMasterBook({ year: 2026 }, units), [tight, file("CA.xlsx", goodCa)], { now: NOW });
    expect(files.map((f) => f.status)).toEqual(["refused", "imported"]);
  });

  test("a good report with a stray value in the last column Excel has (XFD) is still imported", () => {
    const rows = reportWorkbook(good("Công an xã", { MH01: 3 })).sheets[0].rows.map((r) => [...r]);
    rows[0][16_383] = "ghi chú lạc";
    const { files, book } = importFiles(newMasterBook({ year: 2026 }, units), [file("rong.xlsx", xlsxPackage([{ name: "Báo cáo", xml: sheetXml(rows) }]))], { now: NOW });
    expect(files[0].status).toBe("imported");
    expect(book.data.find((f) => f.indicator === "MH01")?.value).toBe(3);
  });

  test("a 10 MB string in a report cell neither crashes nor swamps the workbook", async () => {
    const huge = "Ghi chú rất dài ".repeat(650_000).slice(0, 10 * 1024 * 1024);
    const rows = reportWorkbook(good("Công an xã", { MH01: 3 })).sheets[0].rows.map((r) => [...r]);
    rows[8][7] = huge; // the note column of the first indicator row
    rows[0][0] = huge; // and the title
    const { files, book } = importFiles(newMasterBook({ year: 2026 }, units), [file("chuoi-dai.xlsx", xlsxPackage([{ name: "Báo cáo", xml: sheetXml(rows) }]))], { now: NOW });
    const result = files[0];
    if (result.status === "refused") expect(result.message).toMatch(VIETNAMESE);
    else expect(book.data.find((f) => f.indicator === "MH01")?.value).toBe(3);
    // Whatever is kept fits in a cell: Excel holds at most 32,767 characters.
    const bytes = await masterXlsx(book);
    const longest = Math.max(...[...book.findings, ...book.log].map((x) => x.message.length));
    expect(longest).toBeLessThanOrEqual(32_767);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    // Building and reading a 10 MB cell takes seconds on a loaded machine: jest's default 5 s is too tight.
  }, 60_000);
});

describe("hostile names: sheets in report files, codes and names in the units list", () => {
  const HOSTILE_NAMES = ["__proto__", "constructor", "hasOwnProperty", "toString", "", "Tên trang dài hơn ba mươi mốt ký tự rất là dài", "a/b\\c?d*[e]:f"];
  const units = [
    testUnit("CA", "Công an xã"),
    testUnit("__proto__", "__proto__"),
    testUnit("constructor", "constructor"),
    testUnit("hasOwnProperty", "toString"),
    testUnit("X/1", "Tổ [số] 1 / thôn \\ Hòa? Bình* có tên dài hơn ba mươi mốt ký tự"),
    testUnit("=1+1", "=HYPERLINK(\"http://x\",\"y\")"),
  ];
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  test("reports on oddly named sheets, from oddly named units, are imported, consolidated and written", async () => {
    const reports = [
      // The report sheet is the first visible one, whatever its name.
      ...HOSTILE_NAMES.map((sheet, i) => file(`ten-trang-${i}.xlsx`, reportXlsx(good("Công an xã", { MH09: i + 1 }), sheet))),
      ...units.slice(1).map((u, i) => file(`don-vi-${i}.xlsx`, reportXlsx(good(u.name, { MH09: 10, MH01: i + 1, CT04: { n: 1, d: 4 } }, u.code)))),
      // A report whose unit row is empty, and one with a "__proto__" indicator row and a "__proto__" unit name.
      file("khong-ten.xlsx", reportXlsx(good("", { MH09: 1 }))),
      file("ma-proto.xlsx", reportXlsx(good("Công an xã", { __proto__: 5, constructor: 7, MH01: 1 } as GridReport["values"], "CA"))),
    ];
    const { book, files } = importFiles(newMasterBook({ year: 2026 }, units), reports, { now: NOW });

    // The seven CA reports on odd sheets are seven versions of one report: one counts, the others are logged.
    const byName = new Map(files.map((f) => [f.file, f]));
    expect(HOSTILE_NAMES.every((_, i) => ["imported", "replaced", "superseded", "duplicate"].includes(byName.get(`ten-trang-${i}.xlsx`)!.status))).toBe(true);
    for (let i = 0; i < units.length - 1; i++) expect(byName.get(`don-vi-${i}.xlsx`)).toMatchObject({ status: "imported", unit: units[i + 1].code });
    expectClearRefusal(byName.get("khong-ten.xlsx"), /đơn vị/i);

    const c = consolidateBook(book, "2026-03", NOW);
    const mh01 = c.indicators.find((i) => i.code === "MH01")!;
    for (let i = 1; i < units.length; i++) expect(mh01.byUnit[units[i].code]).toBe(i);
    // Nothing tells CA's eight versions apart (no dates, one import): the last one handed in, ma-proto.xlsx, is kept, and it has no MH09.
    expect(byName.get("ma-proto.xlsx")!.status).toBe("replaced");
    expect(c.indicators.find((i) => i.code === "MH09")!.unitsReporting).toBe(units.length - 1);

    // Written through exceljs and read back, every unit and figure is still there, as text where it was text.
    const bytes = await masterXlsx(book, consolidationSheets(book, c, NOW));
    const back = await openXlsx(bytes);
    expect(back.book.units.map((u) => [u.code, u.name])).toEqual(units.map((u) => [u.code, u.name]));
    expect(consolidateBook(back.book, "2026-03", NOW).indicators.find((i) => i.code === "MH01")!.byUnit).toEqual(mh01.byUnit);
    const formulas: string[] = [];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (cell.formula && formulas.push(`${ws.name}!${cell.address}`)))));
    expect(formulas).toEqual([]);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(typeof ({} as { constructor: unknown }).constructor).toBe("function");
  });
});
