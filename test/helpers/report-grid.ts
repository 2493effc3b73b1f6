// Unit reports built directly as grids (no xlsx), for engine tests.
import { DEFAULT_CATALOGUE } from "../../src/core/catalogue";
import type { IncomingFile } from "../../src/core/import";
import type { CellValue, Unit, Workbook } from "../../src/core/types";

export type RowValue = number | string | { n: number | string; d: number | string };

export interface GridReport {
  unit: string;
  code?: string;
  period: string;
  date?: CellValue;
  values: Record<string, RowValue>;
}

export function reportWorkbook(r: GridReport): Workbook {
  const rows: CellValue[][] = [
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO \"BÌNH DÂN HỌC VỤ SỐ\""],
    [],
    ["Đơn vị:", r.unit],
    ["Mã đơn vị:", r.code ?? null],
    ["Kỳ báo cáo:", r.period],
    ["Ngày báo cáo:", r.date ?? null],
    [],
    ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Tử số", "Mẫu số", "Ghi chú"],
  ];
  let i = 1;
  for (const [code, v] of Object.entries(r.values)) {
    const ind = DEFAULT_CATALOGUE.find((x) => x.code === code);
    const name = ind?.name ?? code;
    const uom = ind?.uom ?? "";
    if (typeof v === "object") rows.push([i++, code, name, uom, null, v.n, v.d, null]);
    else rows.push([i++, code, name, uom, v, null, null, null]);
  }
  rows.push([], [null, "Người lập biểu", null, null, "Thủ trưởng đơn vị"]);
  return { sheets: [{ name: "Báo cáo", hidden: false, rows, merges: [] }], modifiedAt: null };
}

export function incoming(r: GridReport, name?: string, hash?: string): IncomingFile {
  return {
    name: name ?? `${r.unit} ${r.period}.xlsx`,
    hash: hash ?? `hash-${JSON.stringify(r)}`,
    modifiedAt: null,
    workbook: reportWorkbook(r),
    readError: null,
  };
}

export function testUnit(code: string, name: string, type = "", frequency: Unit["frequency"] = "month"): Unit {
  return { code, name, type, parent: "", frequency, activeFrom: "", activeTo: "", contact: "" };
}
