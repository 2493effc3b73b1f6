// Damaged and hostile files: each is refused quickly with a WorkbookReadError and a Vietnamese message,
// never a crash, a hang or an out-of-memory.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { Deflate, Inflate, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbook, WorkbookReadError, type ReadLimits } from "../src/io/xlsx";

function refusal(bytes: Uint8Array, limits?: Partial<ReadLimits>): WorkbookReadError {
  try {
    readWorkbook(bytes, limits);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("the file was read, not refused");
}

interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the directory declares (a bomb may lie). */
  declaredSize: number;
}

/** Writes a zip by hand so sizes can lie (CRCs are left 0: the reader does not check them). */
function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, e.method, true);
    dv.setUint32(20, e.data.length, true);
    dv.setUint32(24, e.declaredSize, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, e.data);
    central.push(dir);
    offset += local.length + e.data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function stored(name: string, text: string): RawEntry {
  const data = strToU8(text);
  return { name, data, method: 0, declaredSize: data.length };
}

const PACKAGE: RawEntry[] = [
  stored("[Content_Types].xml", "<Types/>"),
  stored("xl/workbook.xml", `<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  stored(
    "xl/_rels/workbook.xml.rels",
    `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  ),
];

/** 200 MB of zeros deflated in pieces (about 200 KB), so the test itself never holds 200 MB. */
function deflatedZeros(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  const block = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) deflate.push(block, i === megabytes - 1);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function withSheet(sheetXml: string): Uint8Array {
  return rawZip([...PACKAGE, stored("xl/worksheets/sheet1.xml", sheetXml)]);
}

describe("hostile workbooks", () => {
  const bomb = deflatedZeros(200);

  /** Compressed bytes the reader fed to the inflater while refusing `bytes`: how far it inflated. */
  function inflatedInput(bytes: Uint8Array): { error: WorkbookReadError; fed: number } {
    const push = jest.spyOn(Inflate.prototype, "push");
    try {
      const error = refusal(bytes);
      return { error, fed: push.mock.calls.reduce((n, [chunk]) => n + chunk.length, 0) };
    } finally {
      push.mockRestore();
    }
  }

  it("refuses a zip bomb from its declared size, before inflating", () => {
    const { error, fed } = inflatedInput(rawZip([...PACKAGE, { name: "xl/worksheets/sheet1.xml", data: bomb, method: 8, declaredSize: 200 * 1024 * 1024 }]));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.message).toMatch(/quá lớn/);
    expect(fed).toBe(0);
  });

  it("refuses a zip bomb that lies about its size, stopping where the lie starts", () => {
    const { error, fed } = inflatedInput(rawZip([...PACKAGE, { name: "xl/worksheets/sheet1.xml", data: bomb, method: 8, declaredSize: 1000 }]));
    expect(error.code).toBe("FILE_TOO_LARGE");
    // The reader stops a few MB past the declared 1,000 bytes, not after inflating all 200 MB.
    expect(fed).toBeGreaterThan(0);
    expect(fed).toBeLessThan(bomb.length / 10);
  });

  it("counts the total across parts, not only each part", () => {
    const error = refusal(withSheet(`<worksheet><sheetData/></worksheet>`), { maxUncompressedBytes: 200 });
    expect(error.code).toBe("FILE_TOO_LARGE");
  });

  it("refuses malformed XML, truncated files and random bytes as unreadable", async () => {
    expect(refusal(withSheet("<worksheet><sheetData><row><c><v>1</v></c>")).code).toBe("FILE_UNREADABLE");
    expect(refusal(withSheet("<worksheet><sheetData><row><c r=")).message).toMatch(/xl\/worksheets\/sheet1\.xml/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = "x";
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(refusal(good.subarray(0, good.length >> 1)).code).toBe("FILE_UNREADABLE");
    expect(refusal(new Uint8Array(0)).code).toBe("FILE_UNREADABLE");
  });

  it("never throws anything but WorkbookReadError, whatever the bytes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Báo cáo");
    ws.getCell("B3").value = 12;
    ws.getCell("C4").value = "Kết quả";
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    // An uncompressed copy puts the XML itself in reach of the mutations.
    const plain = zipSync(unzipSync(good), { level: 0 });
    const survives = (bytes: Uint8Array) => {
      try {
        readWorkbook(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookReadError);
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), survives), { numRuns: 300 });
    const mutated = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    for (const base of [good, plain]) {
      fc.assert(
        fc.property(mutated, (edits) => {
          const bytes = base.slice();
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          survives(bytes);
        }),
        { numRuns: 300 },
      );
    }
  });

  it("refuses grids past the row, cell and sheet limits", () => {
    expect(refusal(withSheet(`<worksheet><sheetData><row r="200"><c r="A200"><v>1</v></c></row></sheetData></worksheet>`), { maxRows: 100 }).code).toBe(
      "FILE_TOO_LARGE",
    );
    const wide = `<worksheet><sheetData>${"<row><c><v>1</v></c><c><v>2</v></c></row>".repeat(60)}</sheetData></worksheet>`;
    expect(refusal(withSheet(wide), { maxCells: 100 }).message).toMatch(/quá nhiều ô/);
    expect(refusal(withSheet(`<worksheet><sheetData><row><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`)).code).toBe("FILE_TOO_LARGE");
    expect(refusal(withSheet(`<worksheet><sheetData/></worksheet>`), { maxSheets: 0 }).code).toBe("FILE_TOO_LARGE");
  });

  it("cuts a 10 MB string cell at Excel's 32,767 characters", () => {
    const huge = "ạ".repeat(10 * 1024 * 1024);
    const wb = readWorkbook(withSheet(`<worksheet><sheetData><row><c t="inlineStr"><is><t>${huge}</t></is></c></row></sheetData></worksheet>`));
    expect(wb.sheets[0].rows[0][0]).toBe("ạ".repeat(32_767));
  });
});

describe("files that are not .xlsx", () => {
  it("says how to resave an .xls", () => {
    const xls = new Uint8Array(2048);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = refusal(xls);
    expect(error.code).toBe("FILE_FORMAT");
    expect(error.message).toContain("Tệp .xls (Excel 97-2003) chưa đọc được");
    expect(error.message).toContain("Lưu thành > Sổ làm việc Excel");
  });

  it("recognises a password-protected workbook", () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const entry = 512 + 3 * 128;
    "EncryptionInfo".split("").forEach((ch, i) => (cfb[entry + 2 * i] = ch.charCodeAt(0)));
    cfb[entry + 64] = ("EncryptionInfo".length + 1) * 2;
    const error = refusal(cfb);
    expect(error.code).toBe("FILE_ENCRYPTED");
    expect(error.message).toMatch(/mật khẩu/);
  });

  it("refuses renamed text, web pages, .xlsb, .ods and other zips with their own advice", () => {
    expect(refusal(strToU8("Mã,Chỉ tiêu,Kết quả\r\nMH01,Lớp học,12\r\n")).message).toMatch(/CSV/);
    expect(refusal(strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>")).message).toMatch(/HTML/);
    expect(refusal(zipSync({ "xl/workbook.bin": new Uint8Array(8) })).message).toMatch(/\.xlsb/);
    expect(refusal(zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }] })).message).toMatch(/\.ods/);
    expect(refusal(zipSync({ "word/document.xml": strToU8("<w/>") })).code).toBe("FILE_FORMAT");
    expect(refusal(strToU8("just some words")).code).toBe("FILE_FORMAT");
  });
});
