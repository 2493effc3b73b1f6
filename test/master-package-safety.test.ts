// What the patch refuses: overwriting a sheet of the clerk's, and masters it cannot read. Each refusal is
// a coded MasterPackageError with one Vietnamese line, and no bytes come back to be written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { SHEETS } from "../src/core/master-sheets";
import { keepEditedOutputs } from "../src/core/output-seal";
import type { SheetSpec } from "../src/core/types";
import { WorkbookStore } from "../src/io/workbook-store";
import { MasterPackage, MasterPackageError, patchMasterPackage, readMasterPackage, type MasterPackageErrorCode } from "../src/io/xlsx-package";
import { clerkMaster, clerkMasterParts } from "./helpers/clerk-master";
import { encryptedWorkbook, randomBytes } from "./helpers/hostile";
import { consolidationSpecs, sheetMismatches } from "./helpers/master-specs";

const decoder = new TextDecoder();
const specs = consolidationSpecs();
const spec = (name: string) => specs.find((s) => s.name === name)!;

/** The fixture with one part's text edited. */
function edited(part: string, edit: (xml: string) => string, parts = clerkMasterParts()): Uint8Array {
  return zipSync({ ...parts, [part]: strToU8(edit(decoder.decode(parts[part]))) });
}

function renamed(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const parts = unzipSync(bytes);
  return edited("xl/workbook.xml", (xml) => xml.replace(`name="${from}"`, `name="${to}"`), parts);
}

function refusal(run: () => unknown): MasterPackageError {
  try {
    run();
  } catch (error) {
    if (error instanceof MasterPackageError) return error;
    throw error;
  }
  throw new Error("not refused");
}

/** One line of Vietnamese: diacritics present, no raw English from a library. */
function expectVietnameseLine(error: MasterPackageError, code: MasterPackageErrorCode): void {
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  expect(error.message).not.toMatch(/\n|\b(error|invalid|unexpected|undefined|unbalanced|zip|fflate|exceljs|Cannot)\b/i);
}

describe("a sheet named like a product sheet but for case", () => {
  test("is the clerk's when its content is not the product's: the patch is refused", () => {
    const master = renamed(clerkMaster(), SHEETS.consolidated, "TỔNG HỢP");
    const error = refusal(() => patchMasterPackage(master, [spec(SHEETS.consolidated)]));
    expectVietnameseLine(error, "SHEET_NAME_TAKEN");
    expect(error.message).toContain('"TỔNG HỢP"');
    expect(error.message).toContain('"Tổng hợp"');
  });

  test("is the product's when its seal is intact: it is rewritten and keeps the clerk's spelling", () => {
    const first = patchMasterPackage(null, [spec(SHEETS.consolidated)]).bytes;
    const master = renamed(first, SHEETS.consolidated, "TỔNG HỢP");
    const patched = patchMasterPackage(master, [spec(SHEETS.consolidated)]);
    expect(patched.replaced).toEqual(["TỔNG HỢP"]);
    expect(MasterPackage.open(patched.bytes).sheets.map((s) => s.name)).toEqual(["TỔNG HỢP"]);
    expect(sheetMismatches(readMasterPackage(patched.bytes, [SHEETS.consolidated]).grids[SHEETS.consolidated], spec(SHEETS.consolidated))).toEqual([]);
  });

  test("is the product's data sheet when it has the product's header row, the clerk's otherwise", () => {
    const data = spec(SHEETS.data);
    // Written by the product, renamed by the clerk: the product's header row is there.
    const product = renamed(patchMasterPackage(null, [data]).bytes, SHEETS.data, "DỮ LIỆU");
    expect(patchMasterPackage(product, [data]).replaced).toEqual(["DỮ LIỆU"]);
    // The clerk's units list under that name, and no data sheet of the product's: refused.
    const clerks = renamed(renamed(clerkMaster(), SHEETS.data, "Dữ liệu cũ"), SHEETS.units, "DỮ LIỆU");
    expectVietnameseLine(refusal(() => patchMasterPackage(clerks, [data])), "SHEET_NAME_TAKEN");
  });

  test("is read under the product's name, as Excel would take it", () => {
    const master = renamed(clerkMaster(), SHEETS.units, "ĐƠN VỊ");
    expect(readMasterPackage(master, [SHEETS.units]).grids[SHEETS.units]?.[1]).toEqual(["X01", "Xã Tân Lập"]);
  });
});

test("a decomposed (NFD) sheet name is the same sheet as its composed form", () => {
  const master = renamed(clerkMaster(), SHEETS.data, SHEETS.data.normalize("NFD"));
  expect(readMasterPackage(master, [SHEETS.data]).grids[SHEETS.data]?.[0]).toEqual(["Kỳ", "Mã đơn vị", "Mã chỉ tiêu", "Giá trị"]);
  expect(patchMasterPackage(master, [spec(SHEETS.data)]).replaced).toEqual([SHEETS.data.normalize("NFD")]);
});

test("a copy of a hand-edited output is never overwritten by the next copy", () => {
  const edits = { [SHEETS.consolidated]: [["Số liệu sửa tay", 1]] };
  const { backups } = keepEditedOutputs(edits, [SHEETS.consolidated], () => false);
  const first = patchMasterPackage(clerkMaster(), backups);
  expect(first.added).toEqual(["Tổng hợp (sửa tay)"]);
  const error = refusal(() => patchMasterPackage(first.bytes, backups));
  expectVietnameseLine(error, "SHEET_NAME_TAKEN");
});

test("a chart sheet carrying a product sheet's name is refused", () => {
  const parts = clerkMasterParts();
  const master = edited("xl/_rels/workbook.xml.rels", (xml) => xml.replace(/relationships\/worksheet" Target="\/xl\/worksheets\/summary.xml"/, 'relationships/chartsheet" Target="/xl/worksheets/summary.xml"'), parts);
  expectVietnameseLine(refusal(() => patchMasterPackage(master, [spec(SHEETS.consolidated)])), "SHEET_NOT_WORKSHEET");
});

test.each([
  ["a slash", "Tổng/hợp"],
  ["32 characters", "x".repeat(32)],
  ["a bracket", "Tổng [hợp]"],
])("a sheet name with %s is refused", (_, name) => {
  const bad: SheetSpec = { ...spec(SHEETS.findings), name };
  expectVietnameseLine(refusal(() => patchMasterPackage(null, [bad])), "SHEET_NAME_INVALID");
});

test("two specs for one sheet (names equal but for case) are refused", () => {
  const twice = [spec(SHEETS.log), { ...spec(SHEETS.log), name: SHEETS.log.toUpperCase() }];
  expectVietnameseLine(refusal(() => patchMasterPackage(null, twice)), "SHEET_NAME_INVALID");
});

describe("a master that cannot be read", () => {
  const parts = clerkMasterParts();
  const good = zipSync(parts);

  /** Calls `edit` with the offset of each zip header of this signature naming the entry (local: 30, central: 46 bytes before the name). */
  function eachHeader(bytes: Uint8Array, name: string, central: boolean, edit: (view: DataView, at: number) => void): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    const target = strToU8(name);
    const [signature, lengthAt, size] = central ? [0x02014b50, 28, 46] : [0x04034b50, 26, 30];
    for (let at = 0; at + size < out.length; at++) {
      if (view.getUint32(at, true) !== signature || view.getUint16(at + lengthAt, true) !== target.length) continue;
      if (target.every((b, i) => out[at + size + i] === b)) edit(view, at);
    }
    return out;
  }

  /** The zip with the central directory's size of one entry made smaller than what it inflates to. */
  const lyingSize = (bytes: Uint8Array, name: string) => eachHeader(bytes, name, true, (view, at) => view.setUint32(at + 24, 10, true));

  /** The zip with one entry's compressed bytes overwritten (its local header kept). */
  const corrupted = (bytes: Uint8Array, name: string) =>
    eachHeader(bytes, name, false, (view, at) => new Uint8Array(view.buffer).set(randomBytes(40, 7), at + 30 + name.length + view.getUint16(at + 28, true)));

  const fixtures = path.join(__dirname, "fixtures", "formats");
  const cases: [string, () => Uint8Array, MasterPackageErrorCode][] = [
    ["an empty file", () => new Uint8Array(0), "MASTER_DAMAGED"],
    ["random bytes", () => randomBytes(5000, 3), "MASTER_FORMAT"],
    ["a zip cut in half", () => good.subarray(0, good.length >> 1), "MASTER_DAMAGED"],
    ["an OpenDocument spreadsheet", () => new Uint8Array(readFileSync(path.join(fixtures, "standard-CAX-2026-03.ods"))), "MASTER_FORMAT"],
    ["an Excel 97-2003 file", () => new Uint8Array(readFileSync(path.join(fixtures, "standard-CAX-2026-03.xls"))), "MASTER_FORMAT"],
    ["a password-protected workbook", encryptedWorkbook, "MASTER_ENCRYPTED"],
    ["a workbook part that is not XML", () => edited("xl/workbook.xml", (x) => x.slice(0, x.length - 40)), "MASTER_DAMAGED"],
    ["content types that are not XML", () => edited("[Content_Types].xml", (x) => x.replace("</Types>", "")), "MASTER_DAMAGED"],
    ["a styles part that is not XML", () => edited("xl/styles.xml", (x) => x.replace("</cellXfs>", "")), "MASTER_DAMAGED"],
    ["a product sheet whose stored bytes are garbage", () => corrupted(good, "xl/worksheets/data.xml"), "MASTER_DAMAGED"],
    ["a product sheet inflating past its declared size", () => lyingSize(good, "xl/worksheets/data.xml"), "MASTER_TOO_LARGE"],
    ["a product sheet whose part is missing", () => zipSync(Object.fromEntries(Object.entries(parts).filter(([n]) => n !== "xl/worksheets/data.xml"))), "MASTER_DAMAGED"],
  ];

  test.each(cases)("%s: reading or patching gives one Vietnamese line and no bytes", (_, bytes, code) => {
    const master = bytes();
    const both = [() => readMasterPackage(master, [SHEETS.data, SHEETS.units]), () => patchMasterPackage(master, [spec(SHEETS.data)])];
    for (const run of both) expectVietnameseLine(refusal(run), code);
  });

  describe("a data sheet big enough for the platform's inflater (the web page's store)", () => {
    // Hex text compresses about twice: the part stays plausible for its declared size.
    const padding = `<!-- ${Array.from(randomBytes(60_000, 11), (b) => b.toString(16).padStart(2, "0")).join("")} -->`;
    const big = zipSync({ ...parts, "xl/worksheets/data.xml": strToU8(decoder.decode(parts["xl/worksheets/data.xml"]).replace("?>", `?>${padding}`)) });
    const storeRefusal = async (bytes: Uint8Array) => {
      const store = await WorkbookStore.fromBytes(bytes);
      const error = await store.readSheets([SHEETS.data]).then(() => null, (e: unknown) => e);
      if (error instanceof MasterPackageError) return error;
      throw new Error(`not refused: ${String(error)}`);
    };

    test("is read as the reader reads it without the platform's inflater", async () => {
      const store = await WorkbookStore.fromBytes(big);
      expect((await store.readSheets([SHEETS.data]))[SHEETS.data]).toEqual(readMasterPackage(big, [SHEETS.data]).grids[SHEETS.data]);
    });

    test("whose stored bytes are garbage is refused as damaged", async () => {
      expectVietnameseLine(await storeRefusal(corrupted(big, "xl/worksheets/data.xml")), "MASTER_DAMAGED");
    });

    test("inflating past its declared size is refused", async () => {
      const lie = eachHeader(big, "xl/worksheets/data.xml", true, (view, at) => view.setUint32(at + 24, 100_000, true));
      expectVietnameseLine(await storeRefusal(lie), "MASTER_TOO_LARGE");
    });
  });

  test("a damaged sheet the product does not read does not stop it reading the others", () => {
    const master = corrupted(good, "xl/worksheets/pivot.xml");
    expect(readMasterPackage(master, [SHEETS.units]).grids[SHEETS.units]).toHaveLength(3);
    const error = refusal(() => readMasterPackage(master, ["Phân tích"]));
    expectVietnameseLine(error, "MASTER_DAMAGED");
    expect(error.message).toContain("xl/worksheets/pivot.xml");
  });
});
