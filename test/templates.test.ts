// Blank templates: who gets one, what it holds, and the round trip a unit makes with it.
import ExcelJS from "exceljs";
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import type { Unit } from "../src/core/types";
import { toIncomingFile } from "../src/io/incoming";
import { buildTemplates } from "../src/io/template-writer";
import { testUnit } from "./helpers/report-grid";

const units: Unit[] = [
  { ...testUnit("CAX", "Công an xã Hòa Bình", "Công an"), contact: "Đ/c Lan 0912 345 678" },
  testUnit("TCN01", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng"),
  testUnit("VPUB", "Văn phòng HĐND và UBND", "Văn phòng"),
  testUnit("HPN", "Hội Liên hiệp Phụ nữ xã", "Đoàn thể", "quarter"),
  { ...testUnit("OLD", "Tổ công nghệ số thôn cũ", "Tổ công nghệ số cộng đồng"), activeTo: "2025-12" },
];
const book = () => newMasterBook({ bodyCode: "XHB", bodyName: "UBND xã Hòa Bình", year: 2026 }, units);
const NOW = new Date("2026-03-25T03:00:00Z");

/** Fills the template's editable cells as a unit would: Tử số / Mẫu số for ratios, Kết quả otherwise. */
async function fillTemplate(bytes: Uint8Array, figures: (code: string, kind: string) => number[]): Promise<{ bytes: Uint8Array; filled: Map<string, number[]> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Báo cáo")!;
  const filled = new Map<string, number[]>();
  ws.eachRow((row) => {
    const code = row.getCell(2).value;
    if (typeof code !== "string" || !/^[A-Z]{2}\d{2}$/.test(code)) return;
    // The unit can only type into the unlocked cells: Tử số and Mẫu số, or Kết quả.
    const cols = [5, 6, 7].filter((c) => row.getCell(c).protection?.locked === false);
    expect([[5], [6, 7]]).toContainEqual(cols);
    const values = figures(code, cols.length === 2 ? "ratio" : "count");
    cols.forEach((c, i) => (row.getCell(c).value = values[i]));
    filled.set(code, values);
  });
  const dateLabel = ws.getColumn(1).values.findIndex((v) => v === "Ngày báo cáo:");
  ws.getCell(dateLabel, 2).value = new Date(Date.UTC(2026, 2, 16));
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), filled };
}

describe("template files", () => {
  test("hold the header fields, the unit's indicators, validation, protection and instructions", async () => {
    const [file] = await buildTemplates(book(), "2026-03");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Báo cáo")!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(["Công an xã Hòa Bình", "CAX", "Tháng 3/2026", "trước ngày 20/03/2026", "Ngày báo cáo:", "Hướng dẫn:"]));
    expect(texts.filter((t) => /^(CT|MH|TT)\d\d$/.test(t))).toEqual(["CT04", "CT06", "MH16"]);
    expect(texts.some((t) => t.includes("cả Tử số") && t.includes("Mẫu số"))).toBe(true);
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });

    const rowOf = (code: string) => ws.getColumn(2).values.findIndex((v) => v === code);
    const ct04 = ws.getRow(rowOf("CT04"));
    expect(ct04.getCell(5).protection?.locked).not.toBe(false); // Kết quả of a ratio: locked, grey
    expect(ct04.getCell(5).fill).toMatchObject({ fgColor: { argb: "FFD9D9D9" } });
    expect(ct04.getCell(6).dataValidation).toMatchObject({ type: "custom", formulae: [expect.stringContaining("F" + rowOf("CT04") + "<=G" + rowOf("CT04"))] });
    expect(ct04.getCell(6).dataValidation.prompt).toContain("không lớn hơn Mẫu số");
    const mh16 = ws.getRow(rowOf("MH16"));
    expect(mh16.getCell(5).dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0], error: expect.stringContaining("số nguyên") });
    expect(mh16.getCell(6).protection?.locked).not.toBe(false);
    expect(mh16.getCell(8).protection?.locked).toBe(false); // Ghi chú stays editable
    expect(ws.getCell("C1").protection?.locked).not.toBe(false);
  });

  test("a template filled in and sent back reads exactly, with no findings", async () => {
    const templates = await buildTemplates(book(), "2026-03");
    expect(templates.map((t) => t.fileName)).toEqual([
      "Mau BC 2026-03 - Cong an xa Hoa Binh.xlsx",
      "Mau BC 2026-03 - To cong nghe so cong dong thon 1.xlsx",
      "Mau BC 2026-03 - Van phong HDND va UBND.xlsx",
    ]);
    // Figures that pass every cross-check: mentees ≥ 5 × mentors, certified ≤ adults.
    const figures = (code: string, kind: string) => (kind === "ratio" ? [400 + code.charCodeAt(3), 5000] : code === "MH02" ? [60] : [Number(code.slice(2)) + 1]);
    const sent = await Promise.all(templates.map((t) => fillTemplate(t.bytes, figures)));
    const files = sent.map((s, i) => toIncomingFile(templates[i].fileName, s.bytes, `hash-${i}`, null));
    const { book: after, files: results } = importFiles(book(), files, { now: NOW, periodKey: "2026-03" });

    expect(results.map((r) => [r.status, r.unit, r.findings])).toEqual([
      ["imported", "CAX", []],
      ["imported", "TCN01", []],
      ["imported", "VPUB", []],
    ]);
    expect(after.findings).toEqual([]);
    sent.forEach((s, i) => {
      const unit = results[i].unit;
      const facts = after.data.filter((f) => f.unit === unit);
      const read = new Map(facts.map((f) => [f.indicator, f.numerator !== null ? [f.numerator, f.denominator] : [f.value]]));
      expect(read).toEqual(s.filled);
    });
    expect(after.submissions.find((s) => s.unit === "CAX")).toMatchObject({ declaredDate: "2026-03-16", receivedSource: "declared" });
  });
});
