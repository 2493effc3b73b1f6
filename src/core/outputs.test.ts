// The output sheets as the clerk prints and reads them: what each says, and how it is laid out on A4.
import { newMasterBook, SHEETS } from "./master-sheets";
import { achievementSummary, byUnitSheet, consolidatedSheet, consolidationSheets, statusSheet, verdictText } from "./outputs";
import { consolidateBook } from "./period-consolidation";
import { BODY_POINTS, MIN_PRINT_POINTS, widthScale } from "./print-layout";
import type { Fact, MasterBook, SheetSpec, Submission, Unit } from "./types";

const AS_OF = new Date("2026-03-25T02:00:00Z");

function unit(code: string, name: string, frequency: Unit["frequency"] = "month"): Unit {
  return { code, name, type: "Tổ công nghệ số cộng đồng", parent: "XHB", frequency, activeFrom: "", activeTo: "", contact: "" };
}

/** Two villages reported March (8 and 0 support staff), a third never did, a quarterly unit owes nothing in March. */
function book(units = [unit("T1", "Tổ công nghệ số cộng đồng thôn 1"), unit("T2", "Tổ công nghệ số cộng đồng thôn 2"), unit("T3", "Tổ công nghệ số cộng đồng thôn 3"), unit("Q1", "Hội Phụ nữ", "quarter")]): MasterBook {
  const b = newMasterBook({ bodyCode: "XHB", bodyName: "UBND xã Hòa Bình & Tân Lập" }, units);
  const reported: [string, number][] = [
    ["T1", 8],
    ["T2", 0],
  ];
  for (const [code, mh03] of reported) {
    const sub: Submission = { period: "2026-03", unit: code, file: `${code}.xlsx`, hash: code.padEnd(64, "0"), receivedAt: "2026-03-15T02:00:00.000Z", receivedSource: "declared", manualReceived: "", declaredDate: "2026-03-15", fileModified: "", importedAt: "2026-03-15T02:00:00.000Z", errors: 0, warnings: 0 };
    b.submissions.push(sub);
    const fact = (indicator: string, value: number, numerator: number | null = null, denominator: number | null = null): Fact => ({ period: "2026-03", unit: code, indicator, value, numerator, denominator, file: sub.file, sheet: "Báo cáo", cell: "E10", hash: sub.hash, importedAt: sub.importedAt });
    b.data.push(fact("MH03", mh03), fact("CT03", 0.5, 50, 100));
  }
  return b;
}

const specOf = (specs: SheetSpec[], name: string) => specs.find((s) => s.name === name)!;
const column = (spec: SheetSpec, header: string) => {
  const h = spec.values.findIndex((r) => r.includes(header));
  return { header: h, at: spec.values[h].indexOf(header) };
};
const row = (spec: SheetSpec, code: string) => spec.values.find((r) => r.includes(code))!;

describe("achievement against a count target", () => {
  const c = consolidateBook(book(), "2026-03", AS_OF);
  const mh03 = c.indicators.find((i) => i.code === "MH03")!;
  const ct03 = c.indicators.find((i) => i.code === "CT03")!;

  it("says Đạt with the figures instead of 800%", () => {
    expect(mh03.achievement).toBe(8);
    expect(verdictText(mh03)).toBe("Đạt (8/≥ 1)");
    expect(achievementSummary(mh03)).toBe("Đạt (8/≥ 1)");
    // A percentage target keeps its percentage.
    expect(achievementSummary(ct03)).toBe("50%");
    expect(verdictText(ct03)).toBe("Chưa đạt");
  });

  it("caps the sheet's “% so với kế hoạch” of a count target at 100%, the verdict beside it giving the figures", () => {
    const spec = consolidatedSheet(book(), c);
    const pct = column(spec, "% so với kế hoạch").at;
    const verdict = column(spec, "Đánh giá").at;
    expect(row(spec, "MH03")[pct]).toBe(1);
    expect(row(spec, "MH03")[verdict]).toBe("Đạt (8/≥ 1)");
    expect(row(spec, "CT03")[pct]).toBeCloseTo(0.5, 12);
  });
});

describe("the per-unit figures", () => {
  const b = book();
  const c = consolidateBook(b, "2026-03", AS_OF);
  const spec = byUnitSheet(b, c);

  it("have a column for every unit required in the period, the overdue one too, under its status", () => {
    const header = spec.values.find((r) => r[0] === "Mã chỉ tiêu")!;
    expect(header.slice(2)).toEqual(["Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng thôn 2", "Tổ công nghệ số cộng đồng thôn 3"]);
    const status = spec.values[spec.values.indexOf(header) + 1];
    expect(status.slice(1)).toEqual(["Tình trạng nộp", "Đúng hạn", "Đúng hạn", "Quá hạn 6 ngày"]);
    expect(row(spec, "MH03").slice(2)).toEqual([8, 0, null]);
  });

  it("are on their own sheet, apart from the report, which keeps only its own columns", () => {
    const report = consolidatedSheet(b, c);
    const header = report.values.find((r) => r[1] === "Mã chỉ tiêu")!;
    expect(header.filter((h) => h !== null)).toHaveLength(12);
    expect(report.print?.area).toMatchObject({ left: 0, right: 11 });
  });
});

describe("on A4", () => {
  const many = Array.from({ length: 30 }, (_, i) => unit(`T${i + 1}`, `Tổ công nghệ số cộng đồng thôn ${i + 1}`));
  const b = book(many);
  const c = consolidateBook(b, "2026-Q1", AS_OF);
  const specs = consolidationSheets(b, c, AS_OF);

  it("prints the report one page wide with its text at 9 points or more, its header row on every page", () => {
    const spec = specOf(specs, SHEETS.consolidated);
    const p = spec.print!;
    expect(p).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    const widths = spec.columnWidths.slice(p.area!.left, p.area!.right + 1);
    expect(Math.min(1, widthScale(widths, "landscape")) * BODY_POINTS).toBeGreaterThanOrEqual(MIN_PRINT_POINTS);
    const header = spec.values.findIndex((r) => r[1] === "Mã chỉ tiêu");
    expect(p.titleRows).toEqual({ first: header, last: header });
    // The seal below the table is not printed.
    expect(p.area!.bottom).toBe(header + c.indicators.length);
  });

  it("prints 30 units' columns at full size over pages across, their labels repeated, rather than shrink them", () => {
    const p = specOf(specs, SHEETS.byUnit).print!;
    expect(p).toMatchObject({ fitToWidth: 0, fitToHeight: 0, titleColumns: { first: 0, last: 1 } });
  });

  it("names the body, the report, the period and the as-of instant on every page, with a literal & kept literal", () => {
    const p = specOf(specs, SHEETS.consolidated).print!;
    expect(p.header).toEqual({ left: "UBND xã Hòa Bình && Tân Lập", center: "Báo cáo tổng hợp – Quý I/2026", right: "Tính đến 25/03/2026 09:00" });
    expect(p.footer?.right).toBe("Trang &P/&N");
    const title = specOf(specs, SHEETS.consolidated).values.slice(0, 4).flat().join(" ");
    expect(title).toContain("Đơn vị tổng hợp: UBND xã Hòa Bình & Tân Lập (mã XHB)");
    expect(title).toContain("Kỳ báo cáo: Quý I/2026");
    expect(title).toContain("Tình trạng nộp tính đến: 25/03/2026 09:00");
  });

  it("gives each “Tình trạng nộp” header room: every word fits its column, the row is as tall as its longest header", () => {
    const spec = statusSheet(b, c, AS_OF);
    const headerRow = spec.wrapRows![0];
    const header = spec.values[headerRow] as string[];
    const height = spec.rowHeights!.find((h) => h.row === headerRow)!.points;
    header.forEach((h, i) => {
      const words = h.split(" ");
      expect(Math.max(...words.map((w) => w.length))).toBeLessThanOrEqual(spec.columnWidths[i]);
      let lines = 1;
      let used = 0;
      for (const w of words) {
        if (used === 0) used = w.length;
        else if (used + 1 + w.length <= spec.columnWidths[i]) used += 1 + w.length;
        else {
          lines++;
          used = w.length;
        }
      }
      expect([h, lines * 15 <= height]).toEqual([h, true]);
    });
  });

  it("puts the sheets for paper first when they are new, and leaves the others unprinted by design", () => {
    expect(specs.filter((s) => s.leading).map((s) => s.name)).toEqual([SHEETS.consolidated, SHEETS.byUnit, SHEETS.status]);
    expect(specs.filter((s) => !s.leading).every((s) => s.print === undefined)).toBe(true);
  });
});
