// Hostile Word, OpenDocument and Excel 97-2003 files through the whole import path (bytes ->
// toIncomingFile -> importFiles): each is refused with a Vietnamese message that says what to do, under
// the same limits as .xlsx, and the good reports of every format beside them are imported.
import { strToU8, zipSync } from "fflate";
import { importFiles, type IncomingFile } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { consolidateBook } from "../src/core/period-consolidation";
import { toIncomingFile } from "../src/io/incoming";
import { readOds } from "../src/io/ods";
import { MAX_CELL_TEXT } from "../src/io/xlsx/limits";
import { reportXlsx } from "./helpers/hostile";
import { odsBomb, odsFile, odsPackage, repeatedCellsOds, repeatedRowsOds, repeatedSpansOds, spacesBombOds } from "./helpers/ods";
import { expectClearRefusal, readHostile, type HostileMakers } from "./helpers/refusal";
import { type GridReport, reportWorkbook, testUnit } from "./helpers/report-grid";
import { docxBomb, docxPackage, manyParagraphsDocx, nestedTablesDocx, wideSpanDocx, wordReport } from "./helpers/word";
import { biff5File, biffWorkbook, compoundFile, setU32, xlsFile } from "./helpers/xls";

const NOW = new Date("2026-03-25T03:00:00Z");
const PERIOD = "Tháng 3/2026";

const file = (name: string, bytes: Uint8Array): IncomingFile => toIncomingFile(name, bytes, `sha-${name}`, null);
const report = (unit: string, values: GridReport["values"]): GridReport => ({ unit, period: PERIOD, date: "15/03/2026", values });
const sheetOf = (r: GridReport) => ({ name: "Báo cáo", rows: reportWorkbook(r).sheets[0].rows });
const WORD = { seed: 5, nested: true, twoRowHeader: false, junk: true, tabbedFields: false, thousands: "." } as const;

/** A good .xls whose container is then broken in one place. */
function brokenXls(breakIt: (layout: ReturnType<typeof compoundFile>) => void): Uint8Array {
  // Over 4,096 bytes, so the workbook stream lives in regular sectors chained by the FAT.
  const rows = reportWorkbook(report("Công an xã", { MH01: 1 })).sheets[0].rows;
  const filler = Array.from({ length: 300 }, (_, i) => [`Ghi chú ${i}`, i]);
  const layout = compoundFile([{ name: "Workbook", data: biffWorkbook([{ name: "Báo cáo", rows: [...rows, ...filler] }]) }]);
  breakIt(layout);
  return layout.bytes;
}

describe("hostile Word, OpenDocument and .xls files in a batch with good ones", () => {
  const units = [testUnit("CA", "Công an xã"), testUnit("DTN", "Đoàn Thanh niên"), testUnit("PKT", "Phòng Kinh tế"), testUnit("VH", "Phòng Văn hóa")];
  const goodDocx = wordReport(report("Công an xã", { MH01: 3, MH09: 4 }), WORD);
  const goodOds = odsFile([sheetOf(report("Đoàn Thanh niên", { MH15: 40, MH09: 2 }))]);
  const goodXls = xlsFile([sheetOf(report("Phòng Kinh tế", { MH05: 11, MH09: 1 }))]);
  const goodXlsx = reportXlsx(report("Phòng Văn hóa", { MH09: 5 }));

  const hostile: HostileMakers = {
    // Word
    "bom-nen.docx": () => ({ bytes: docxBomb(60 * 1024 * 1024), says: /quá lớn/ }),
    "bang-long-200-tang.docx": () => ({ bytes: nestedTablesDocx(200), says: /lồng trong bảng/ }),
    "70000-doan.docx": () => ({ bytes: manyParagraphsDocx(70_000), says: /65\.536 dòng/ }),
    "o-rong-20000-cot.docx": () => ({ bytes: wideSpanDocx(20_000), says: /ngoài vùng ô/ }),
    "tai-do-dang.docx": () => ({ bytes: goodDocx.subarray(0, Math.floor(goodDocx.length / 2)), says: /chưa tải về hết/ }),
    "xml-hong.docx": () => ({ bytes: docxPackage("<w:document><w:body><w:p>"), says: /bị hỏng.*word\/document\.xml/ }),
    "thieu-noi-dung.docx": () => ({ bytes: zipSync({ "word/document.xml": strToU8("") }), says: /bị hỏng/ }),
    // OpenDocument
    "trieu-dong-lap.ods": () => ({ bytes: repeatedRowsOds(1_000_000), says: /65\.536 dòng/ }),
    "o-lap-20000-cot.ods": () => ({ bytes: repeatedCellsOds(20_000), says: /ngoài vùng ô/ }),
    "trieu-o-lap.ods": () => ({ bytes: repeatedCellsOds(1_000, 1_000), says: /quá nhiều ô/ }),
    "o-gop-lap.ods": () => ({ bytes: repeatedSpansOds(16_000, 1_000), says: /quá nhiều ô/ }),
    "bom-nen.ods": () => ({ bytes: odsBomb(60 * 1024 * 1024), says: /quá lớn/ }),
    "tai-do-dang.ods": () => ({ bytes: goodOds.subarray(0, Math.floor(goodOds.length / 2)), says: /chưa tải về hết/ }),
    "xml-hong.ods": () => ({ bytes: odsPackage("<office:document-content><office:body>"), says: /bị hỏng.*content\.xml/ }),
    // Excel 97-2003: the container
    "fat-vong-lap.xls": () => ({ bytes: brokenXls((l) => setU32(l.bytes, l.fatEntry(l.starts.get("Workbook")! + 3), l.starts.get("Workbook")!)), says: /\.xls bị hỏng/ }),
    "fat-ngoai-tep.xls": () => ({ bytes: brokenXls((l) => setU32(l.bytes, l.fatEntry(l.starts.get("Workbook")! + 1), 0x00ffffff)), says: /\.xls bị hỏng/ }),
    "so-sector-fat-khong-lo.xls": () => ({ bytes: brokenXls((l) => setU32(l.bytes, 44, 0x7fffffff)), says: /\.xls bị hỏng/ }),
    "difat-vong-lap.xls": () => {
      // Enough FAT sectors to need two DIFAT sectors; the first then points back at itself.
      const layout = compoundFile([{ name: "Workbook", data: biffWorkbook([sheetOf(report("X", { MH01: 1 }))]) }], { padFatTo: 240 });
      const first = new DataView(layout.bytes.buffer).getUint32(68, true);
      setU32(layout.bytes, (first + 1) * 512 + 508, first);
      return { bytes: layout.bytes, says: /\.xls bị hỏng/ };
    },
    "kich-thuoc-khai-ao.xls": () => ({ bytes: brokenXls((l) => setU32(l.bytes, l.directoryEntry(1) + 120, 0xfffffff0)), says: /\.xls bị hỏng/ }),
    "thu-muc-vong-lap.xls": () => ({ bytes: brokenXls((l) => setU32(l.bytes, l.directoryEntry(1) + 72, 1)), says: /\.xls bị hỏng/ }),
    "tai-do-dang.xls": () => ({ bytes: goodXls.subarray(0, 1536), says: /\.xls bị hỏng hoặc chưa tải về hết/ }),
    // Excel 97-2003: the workbook
    "ban-ghi-cut.xls": () => {
      const stream = biffWorkbook([sheetOf(report("X", { MH01: 1 }))]);
      return { bytes: compoundFile([{ name: "Workbook", data: stream.subarray(0, stream.length - 7) }]).bytes, says: /\.xls bị hỏng/ };
    },
    "500000-o.xls": () => ({ bytes: xlsFile([{ name: "Báo cáo", rows: Array.from({ length: 1_960 }, (_, r) => Array.from({ length: 256 }, (_, c) => (r + c) % 97)) }]), says: /quá nhiều ô/ }),
    "5000-trang.xls": () => ({ bytes: xlsFile(Array.from({ length: 5_000 }, (_, i) => ({ name: `T${i}`, rows: [] }))), says: /5000 trang tính/ }),
    "mat-khau.xls": () => ({ bytes: xlsFile([sheetOf(report("X", { MH01: 1 }))], { encrypted: true }), says: /mật khẩu/ }),
    "excel-95.xls": () => ({ bytes: biff5File([["Don vi:", "Cong an xa"]]), says: /Excel 5\.0\/95/ }),
  };

  test("every hostile file is refused with what to do; the good files of each format are imported and consolidated", () => {
    const { files: refused, says, timings } = readHostile(hostile, file);
    const batch: IncomingFile[] = [file("CA.docx", goodDocx), file("DTN.ods", goodOds), ...refused];
    batch.push(file("PKT.xls", goodXls), file("VH.xlsx", goodXlsx));
    const { book, files } = importFiles(newMasterBook({ year: 2026 }, units), batch, { now: NOW });

    expect(files.map((f) => f.file)).toEqual(batch.map((f) => f.name));
    for (const [name, pattern] of says) expectClearRefusal(files.find((f) => f.file === name), pattern);
    expect(files.filter((f) => f.status === "imported").map((f) => f.unit).sort()).toEqual(["CA", "DTN", "PKT", "VH"]);
    expect(consolidateBook(book, "2026-03", NOW).indicators.find((i) => i.code === "MH09")?.value).toBe(12);
    for (const name of says.keys()) expect(book.findings.some((f) => f.file === name && f.severity === "error")).toBe(true);
    console.log(`hostile files built and read:\n${timings.join("\n")}`);
  }, 120_000);

  test("a cell of a billion repeated spaces is cut at Excel's cell limit, not built", () => {
    const sheet = readOds(spacesBombOds(50_000)).sheets[0];
    expect((sheet.rows[0][0] as string).length).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });
});

describe("files that are not reports get a line saying what to do", () => {
  const kinds: Record<string, { bytes: Uint8Array; says: RegExp }> = {
    "anh-chup.jpg": { bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), says: /ảnh chụp.*Excel hoặc Word/ },
    "anh.png": { bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), says: /ảnh chụp/ },
    "ban-in.pdf": { bytes: strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), says: /PDF.*Excel hoặc Word/ },
    "nhieu-bao-cao.zip": { bytes: zipSync({ "a.txt": strToU8("a") }), says: /giải nén/ },
    "van-ban.odt": { bytes: zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }], "content.xml": strToU8("<x/>") }), says: /\.odt.*\.docx/ },
    "van-ban.rtf": { bytes: strToU8("{\\rtf1\\ansi Đơn vị}"), says: /\.rtf.*\.docx/ },
    "bao-cao.doc": { bytes: wordDocCompoundFile(), says: /\.doc \(Word 97-2003\).*\.docx/ },
    "trang-web.xls": { bytes: strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>"), says: /trang web/ },
    "rong.docx": { bytes: new Uint8Array(0), says: /rỗng/ },
  };

  test.each(Object.entries(kinds))("%s", (name, { bytes, says }) => {
    const { files } = importFiles(newMasterBook({ year: 2026 }, []), [file(name, bytes)], { now: NOW });
    expectClearRefusal(files[0], says);
    expect(files[0].findings[0]).toMatchObject({ severity: "error", file: name });
  });
});

/** A compound file whose one stream is a Word 97-2003 document. */
function wordDocCompoundFile(): Uint8Array {
  return compoundFile([{ name: "WordDocument", data: new Uint8Array(5000) }]).bytes;
}

test("a zip whose mimetype says \"constructor\" is just an archive", () => {
  const odd = zipSync({ mimetype: [strToU8("constructor"), { level: 0 }], "a.xml": strToU8("<a/>") });
  const { files } = importFiles(newMasterBook({ year: 2026 }, []), [file("la.zip", odd)], { now: NOW });
  expectClearRefusal(files[0], /giải nén/);
});
