// The units list reader on the bytes Excel writes on a Vietnamese Windows. The byte sequences below were
// made by glibc's iconv (CP1258, UTF-16LE) from the UTF-8 text beside them, not by the code under test.
import ExcelJS from "exceljs";
import { InputError } from "../core/input-error";
import { readUnitsList } from "./units-file";

const hex = (...parts: string[]) => Uint8Array.from(Buffer.from(parts.join(""), "hex"));
const utf8 = (text: string) => new TextEncoder().encode(text);
const names = (bytes: Uint8Array, file = "don-vi.csv") => readUnitsList(file, bytes).units.map((u) => [u.code, u.name, u.frequency]);

const CSV = "Mã đơn vị;Tên đơn vị;Loại;Tần suất\r\nVHXH;Phòng Văn hóa - Xã hội;Phòng;quý\r\nTCN05;Tổ công nghệ số cộng đồng thôn 5;Tổ công nghệ số cộng đồng;tháng\r\n";
const UNITS = [
  ["VHXH", "Phòng Văn hóa - Xã hội", "quarter"],
  ["TCN05", "Tổ công nghệ số cộng đồng thôn 5", "month"],
];

// "CSV (Comma delimited)" on a Vietnamese Windows: Windows-1258, most tones as combining marks (0xCC, 0xEC, 0xF2, ...).
const CP1258 = hex(
  "4d61de20f0f56e207669f23b54ea6e20f0f56e207669f23b4c6f61f2693b54e2cc6e207375e2ec740d0a564858483b50",
  "686fcc6e672056e36e2068f361202d205861de2068f4f2693b50686fcc6e673b717579ec0d0a54434e30353b54f4d220",
  "63f46e67206e6768eaf22073f4ec2063f4f26e6720f0f4cc6e67207468f46e20353b54f4d22063f46e67206e6768eaf2",
  "2073f4ec2063f4f26e6720f0f4cc6e673b7468e16e670d0a",
);

// "Unicode Text": UTF-16 LE after the BOM FF FE, tab-separated (the BOM is prepended below).
const UTF16 = hex(
  "fffe",
  "4d00e30020001101a1016e0020007600cb1e09005400ea006e0020001101a1016e0020007600cb1e09004c006f00a11e",
  "690009005400a71e6e00200073007500a51e74000d000a00100154004e00090010016f00e0006e002000540068006100",
  "6e00680020006e006900ea006e002c0020004800f200610020004200ec006e006800090010016f00e0006e0020007400",
  "6800c31e090071007500fd000d000a00",
);

test("reads CSV UTF-8 with and without its BOM", () => {
  expect(names(utf8(CSV))).toEqual(UNITS);
  expect(names(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(CSV)]))).toEqual(UNITS);
});

test("reads Excel's plain CSV in Windows-1258, tone marks composed (NFC)", () => {
  expect(CP1258.includes(0xcc)).toBe(true); // a combining grave: "Pho\u0300ng"
  const units = readUnitsList("don-vi.csv", CP1258).units;
  expect(units.map((u) => [u.code, u.name, u.frequency])).toEqual(UNITS);
  expect(units.every((u) => u.name === u.name.normalize("NFC") && u.type === u.type.normalize("NFC"))).toBe(true);
});

test("reads Unicode Text (UTF-16 LE with BOM, tabs), a comma inside a name included", () => {
  expect(names(UTF16, "don-vi.txt")).toEqual([["ĐTN", "Đoàn Thanh niên, Hòa Bình", "quarter"]]);
});

test.each([
  ["UTF-32", hex("fffe0000", "4d000000")],
  ["UTF-16 without a BOM", Uint8Array.from(UTF16.subarray(2))],
  ["bytes no Vietnamese code page has", Uint8Array.from([...utf8("Mã đơn vị;Tên đơn vị\r\nX;"), 0xe3, 0x81, 0x20])],
])("refuses %s, naming the encoding and asking for CSV UTF-8", (_, bytes) => {
  let error: unknown;
  try {
    readUnitsList("don-vi.csv", bytes);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(/“don-vi\.csv”.*(UTF-32|UTF-16|Windows-1258).*CSV UTF-8/);
});

test("refuses a file where Excel already replaced the letters it could not save by “?”", () => {
  expect(() => readUnitsList("don-vi.csv", utf8("Mã đơn vị;Tên đơn vị;Loại;Tần suất\r\nTCN05;T? c?ng ngh? s?;T?;th?ng\r\n"))).toThrow(/dòng 2 .*“\?”.*CSV UTF-8/);
});

test("takes the units of a master workbook from its “Đơn vị” sheet, not its first sheet", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Cài đặt").addRows([["Thiết lập", "Giá trị"], ["Năm", 2026]]);
  wb.addWorksheet("Đơn vị").addRows([["Mã đơn vị", "Tên đơn vị", "Loại", "Tần suất"], ["CAX", "Công an xã", "Công an", "Tháng"]]);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  expect(names(bytes, "so-nam-truoc.xlsx")).toEqual([["CAX", "Công an xã", "month"]]);
});

test("a file without the header row: no unit, and a message naming the columns it needs", () => {
  expect(() => readUnitsList("ds.csv", utf8("a,b\n1,2\n"))).toThrow(/Không đọc được đơn vị nào từ “ds\.csv”.*Mã đơn vị, Tên đơn vị/);
});
