import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import fc from "fast-check";
import { COMMUNE_UNITS, indicatorOf, sampleFigures, unitIndicators, unitsCsv, type Figure } from "../src/samples/commune";
import { writeReport, vietnameseNumberText, type ReportSpec, type SampleLayout } from "../src/samples/report-writer";
import { demoScenario, expectedTotals, scenarioFileBytes, type ScenarioFile } from "../src/samples/scenario";
import { importFiles } from "../src/core/import";
import { newMasterBook } from "../src/core/master-sheets";
import { toIncomingFile } from "../src/io/incoming";

const SPEC: ReportSpec = {
  parentName: "UBND xã Hòa Bình",
  unitName: "Tổ công nghệ số cộng đồng thôn 1",
  unitCode: "TCN01",
  periodLabel: "Tháng 3/2026",
  reportDate: "2026-03-15",
  values: { CT03: { numerator: 434, denominator: 812 }, MH01: 9, MH10: 1234 },
};

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

async function reportSheet(bytes: Uint8Array): Promise<Worksheet> {
  const wb = await loadWorkbook(bytes);
  const sheet = wb.worksheets.find((ws) => ws.name.normalize("NFC") === "Báo cáo");
  if (!sheet) throw new Error("no report sheet");
  return sheet;
}

function text(ws: Worksheet, address: string): string {
  const v = ws.getCell(address).value;
  return typeof v === "string" ? v.normalize("NFC") : String(v);
}

/** The 1-based row whose cells include `value` (compared after NFC). */
function rowWith(ws: Worksheet, value: string): number {
  let found = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell) => {
      if (!found && typeof cell.value === "string" && cell.value.normalize("NFC") === value) found = r;
    });
  });
  if (!found) throw new Error(`no cell "${value}"`);
  return found;
}

/** Column letter of the header cell `label` on the given row. */
function columnOf(ws: Worksheet, row: number, label: string): string {
  let col = "";
  ws.getRow(row).eachCell((cell) => {
    if (!col && typeof cell.value === "string" && cell.value.normalize("NFC") === label) col = cell.address.replace(/\d+/, "");
  });
  if (!col) throw new Error(`no header "${label}" on row ${row}`);
  return col;
}

describe("writeReport", () => {
  it("gives the same bytes for the same spec, so hashes and committed samples are stable", async () => {
    const [a, b] = await Promise.all([writeReport(SPEC), writeReport(SPEC)]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("writes the header fields, the title and the signature block of a standard report", async () => {
    const ws = await reportSheet(await writeReport(SPEC));
    expect(text(ws, "A4")).toBe("BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO “BÌNH DÂN HỌC VỤ SỐ”");
    expect(text(ws, "A6")).toBe("Đơn vị: Tổ công nghệ số cộng đồng thôn 1");
    expect(text(ws, "A7")).toBe("Mã đơn vị: TCN01");
    expect(text(ws, "A8")).toBe("Kỳ báo cáo: Tháng 3/2026");
    expect(text(ws, "A9")).toBe("Ngày báo cáo: 15/03/2026");
    expect(rowWith(ws, "Người lập biểu")).toBe(rowWith(ws, "Thủ trưởng đơn vị"));
  });

  const layouts: { layout: SampleLayout; headerRow: number }[] = [
    { layout: "standard", headerRow: 11 },
    { layout: "reordered", headerRow: 11 },
    { layout: "two-row-header", headerRow: 12 },
    { layout: "label-in-two-cells", headerRow: 11 },
    { layout: "no-codes", headerRow: 11 },
  ];

  it.each(layouts)("puts each figure under its column header in the $layout layout", async ({ layout, headerRow }) => {
    const ws = await reportSheet(await writeReport({ ...SPEC, layout }));
    const resultLabel = layout === "two-row-header" ? "Số lượng" : "Kết quả";
    const result = columnOf(ws, headerRow, resultLabel);
    const numerator = columnOf(ws, headerRow, "Tử số");
    const denominator = columnOf(ws, headerRow, "Mẫu số");
    const ratioRow = rowWith(ws, "Người dân trưởng thành có tri thức cơ bản về chuyển đổi số, kỹ năng số");
    const mentorRow = rowWith(ws, "Đại sứ số (mentor) đang hoạt động");
    expect(ws.getCell(`${numerator}${ratioRow}`).value).toBe(434);
    expect(ws.getCell(`${denominator}${ratioRow}`).value).toBe(812);
    expect(ws.getCell(`${result}${ratioRow}`).value).toBeNull();
    expect(ws.getCell(`${result}${mentorRow}`).value).toBe(9);
    if (layout === "no-codes") expect(() => rowWith(ws, "MH01")).toThrow();
    else expect(ws.getCell(`${columnOf(ws, headerRow, "Mã chỉ tiêu")}${mentorRow}`).value).toBe("MH01");
  });

  it("merges “Kết quả” over its three sub-columns in the two-row header", async () => {
    const ws = await reportSheet(await writeReport({ ...SPEC, layout: "two-row-header" }));
    expect(text(ws, "E11")).toBe("Kết quả");
    expect(ws.getCell("G11").isMerged).toBe(true);
    expect(ws.getCell("G11").master.address).toBe("E11");
    expect([text(ws, "E12"), text(ws, "F12"), text(ws, "G12")]).toEqual(["Số lượng", "Tử số", "Mẫu số"]);
  });

  it("splits labels and values across two cells, the report date as a real date", async () => {
    const ws = await reportSheet(await writeReport({ ...SPEC, layout: "label-in-two-cells", dateStyle: "excel-date" }));
    expect([text(ws, "A6"), text(ws, "B6")]).toEqual(["Đơn vị:", "Tổ công nghệ số cộng đồng thôn 1"]);
    expect([text(ws, "A8"), text(ws, "B8")]).toEqual(["Kỳ báo cáo:", "Tháng 3/2026"]);
    expect(ws.getCell("B9").value).toEqual(new Date(Date.UTC(2026, 2, 15)));
  });

  it("writes the report date in words when asked", async () => {
    const ws = await reportSheet(await writeReport({ ...SPEC, dateStyle: "words" }));
    expect(text(ws, "A9")).toBe("Ngày báo cáo: ngày 15 tháng 3 năm 2026");
  });

  it("decomposes every text, the sheet name too, in an NFD file", async () => {
    const ws = await reportSheet(await writeReport({ ...SPEC, nfd: true }));
    expect(ws.name).toBe("Báo cáo".normalize("NFD"));
    const unitLine = ws.getCell("A6").value as string;
    expect(unitLine).toBe("Đơn vị: Tổ công nghệ số cộng đồng thôn 1".normalize("NFD"));
    expect(unitLine).not.toBe(unitLine.normalize("NFC"));
  });

  it("types figures as Vietnamese text when asked: dot for thousands", async () => {
    const ws = await reportSheet(await writeReport({ ...SPEC, valuesAsText: true }));
    const row = rowWith(ws, "Lượt người dân tham gia buổi học cộng đồng");
    expect(ws.getCell(`E${row}`).value).toBe("1.234");
    expect(vietnameseNumberText(12.5)).toBe("12,5");
    expect(vietnameseNumberText(-1234567)).toBe("-1.234.567");
  });

  it("puts extra sheets first and records the modified instant in the document properties", async () => {
    const modified = new Date("2026-03-15T03:30:00Z");
    const bytes = await writeReport({ ...SPEC, modified, extraSheetsBefore: [{ name: "Data", hidden: true, rows: [["x"]] }] });
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([["Data", "hidden"], ["Báo cáo", "visible"]]);
    expect(wb.modified).toEqual(modified);
  });
});

describe("the layouts offices send, as the samples write them", () => {
  const units = COMMUNE_UNITS.map((u) => ({ ...u, type: "" }));
  const layouts: SampleLayout[] = ["value-column", "month-columns", "plan-and-rate", "administrative", "signature-date", "two-row-header"];
  const spec: ReportSpec = {
    ...SPEC,
    values: { CT03: { numerator: 434, denominator: 812 }, MH01: 9, MH10: 1234 },
    previous: { label: "Tháng 2/2026", values: { CT03: { numerator: 400, denominator: 812 }, MH01: 8, MH10: 1000 } },
    yearToDate: { CT03: { numerator: 434, denominator: 812 }, MH01: 9, MH10: 3000 },
    place: "Hòa Bình",
  };

  it.each(layouts)("%s: every figure comes out of the import exactly, from its own cell, with no finding", async (layout) => {
    const bytes = await writeReport({ ...spec, layout });
    const { book, files } = importFiles(newMasterBook({ year: 2026 }, units), [toIncomingFile("bc.xlsx", bytes, "h", null)], { now: new Date("2026-03-25T02:00:00Z") });
    expect(files[0]).toMatchObject({ status: "imported", unit: "TCN01", period: "2026-03", receivedSource: "declared", findings: [] });
    const got = Object.fromEntries(book.data.map((f) => [f.indicator, f.numerator === null ? f.value : { numerator: f.numerator, denominator: f.denominator }]));
    expect(got).toEqual(spec.values);
  });
});

describe("sample figures", () => {
  const monthly = COMMUNE_UNITS.filter((u) => u.frequency === "month");
  const monthKey = fc.integer({ min: 1, max: 11 }).map((m) => `2026-${String(m).padStart(2, "0")}`);
  const next = (key: string) => `2026-${String(Number(key.slice(5)) + 1).padStart(2, "0")}`;

  it("keep stocks and ratio numerators from falling month to month, numerators within denominators", () => {
    fc.assert(
      fc.property(fc.constantFrom(...monthly), monthKey, (unit, month) => {
        const now = sampleFigures(unit.code, month);
        const later = sampleFigures(unit.code, next(month));
        for (const [code, figure] of Object.entries(now)) {
          const after = later[code];
          if (typeof figure === "object" && typeof after === "object") {
            expect(figure.numerator).toBeLessThanOrEqual(figure.denominator);
            expect(after.numerator).toBeGreaterThanOrEqual(figure.numerator);
          } else if (indicatorOf(code).kind === "stock") {
            expect(after as number).toBeGreaterThanOrEqual(figure as number);
          }
        }
      }),
    );
  });

  it("give every mentor at least five mentees and every unit all its type's indicators", () => {
    fc.assert(
      fc.property(fc.constantFrom(...monthly), monthKey, (unit, month) => {
        const figures = sampleFigures(unit.code, month);
        expect(Object.keys(figures).sort()).toEqual([...unitIndicators(unit.type)].sort());
        if ("MH01" in figures) expect(figures.MH02 as number).toBeGreaterThanOrEqual(5 * (figures.MH01 as number));
      }),
    );
  });

  it("sum a quarterly unit's flows over the quarter's months", () => {
    const months = ["2026-01", "2026-02", "2026-03"].map((m) => sampleFigures("HPN", m).MH06 as number);
    expect(sampleFigures("HPN", "2026-Q1").MH06).toBe(months[0] + months[1] + months[2]);
  });
});

describe("demo scenario", () => {
  const scenario = demoScenario();
  const march = scenario.filter((f) => f.batch === "2026-03");
  const byName = (name: string) => scenario.find((f) => f.fileName === name) as ScenarioFile;

  it("reads back from the written bytes the figures the scenario says the file holds", async () => {
    const file = byName("BC thang 3 - Cong an xa Hoa Binh.xlsx");
    const ws = await reportSheet(await scenarioFileBytes(file, scenario));
    const figures = sampleFigures("CAX", "2026-03");
    const ct06 = rowWith(ws, "CT06");
    expect([ws.getCell(`F${ct06}`).value, ws.getCell(`G${ct06}`).value]).toEqual([
      (figures.CT06 as { numerator: number }).numerator,
      (figures.CT06 as { denominator: number }).denominator,
    ]);
    expect(ws.getCell(`E${rowWith(ws, "MH16")}`).value).toBe(figures.MH16);
  });

  it("sends the duplicate as the very same bytes and the broken file as no zip at all", async () => {
    const original = await scenarioFileBytes(byName("BC thang 3 - Cong an xa Hoa Binh.xlsx"), scenario);
    const copy = await scenarioFileBytes(byName("Zalo 13-3 CA xa.xlsx"), scenario);
    expect(Buffer.from(copy).equals(Buffer.from(original))).toBe(true);
    const broken = await scenarioFileBytes(byName("Bao cao T3 (1).xlsx"), scenario);
    expect(Buffer.from(broken.subarray(0, 2)).toString("latin1")).not.toBe("PK");
  });

  it("leaves Tổ công nghệ số cộng đồng thôn 5 out of March entirely and names files uniquely", () => {
    expect(march.some((f) => f.unit === "TCN05")).toBe(false);
    const keys = scenario.map((f) => `${f.batch}/${f.fileName}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("matches the committed samples/ byte for byte (regenerate them after changing the scenario)", async () => {
    for (const file of scenario) {
      const committed = readFileSync(join(__dirname, "../samples", file.batch, file.fileName));
      expect(Buffer.from(await scenarioFileBytes(file, scenario)).equals(committed)).toBe(true);
    }
  });

  it("has the wrong-period file declare February inside the March batch", async () => {
    const file = march.find((f) => f.expect.status === "period_mismatch") as ScenarioFile;
    const ws = await reportSheet(await scenarioFileBytes(file, scenario));
    expect(text(ws, "A8")).toBe("Kỳ báo cáo: Tháng 2/2026");
  });
});

describe("expectedTotals", () => {
  const figure = (unit: string, period: string, code: string): Figure => sampleFigures(unit, period)[code];
  const count = (unit: string, period: string, code: string) => figure(unit, period, code) as number;
  const ratio = (unit: string, period: string, code: string) => figure(unit, period, code) as { numerator: number; denominator: number };

  it("adds March's flows over the units whose values are valid, the corrected re-send winning", () => {
    // MH09: Phòng VH-XH's correction (+1), thôn 1, 2 and 4; thôn 3's value is negative, thôn 5 is missing.
    const byHand = count("VHXH", "2026-03", "MH09") + 1 + count("TCN01", "2026-03", "MH09") + count("TCN02", "2026-03", "MH09") + count("TCN04", "2026-03", "MH09");
    expect(expectedTotals("2026-03").MH09).toMatchObject({ value: byHand, unitsReporting: 4 });
  });

  it("weights March's ratio by its parts instead of averaging percentages", () => {
    // CT03: thôn 1, 2 and 4 (thôn 3's numerator exceeds its denominator, thôn 5 is missing).
    const parts = ["TCN01", "TCN02", "TCN04"].map((u) => ratio(u, "2026-03", "CT03"));
    const numerator = parts.reduce((s, p) => s + p.numerator, 0);
    const denominator = parts.reduce((s, p) => s + p.denominator, 0);
    expect(expectedTotals("2026-03").CT03).toMatchObject({ numerator, denominator, value: numerator / denominator, unitsReporting: 3 });
  });

  it("rolls the first quarter up: flows summed over months, ratios from each unit's latest valid month", () => {
    // CT02: the primary school's March; the lower-secondary school's March file declared the wrong period, so its February counts.
    const ct02 = [ratio("THHB", "2026-03", "CT02"), ratio("THCS", "2026-02", "CT02")];
    expect(expectedTotals("2026-Q1").CT02).toMatchObject({
      numerator: ct02[0].numerator + ct02[1].numerator,
      denominator: ct02[0].denominator + ct02[1].denominator,
    });
    // MH06: Phòng Kinh tế's three months (February's and March's late files still count) plus the women's union's quarter.
    const pkt = ["2026-01", "2026-02", "2026-03"].reduce((s, m) => s + count("PKT", m, "MH06"), 0);
    expect(expectedTotals("2026-Q1").MH06.value).toBe(pkt + count("HPN", "2026-Q1", "MH06"));
  });
});

describe("units list and LibreOffice fixtures", () => {
  it("writes the units list as CSV with a BOM and one line per unit", () => {
    const lines = unitsCsv().split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("\uFEFFMã đơn vị,Tên đơn vị,Loại,Đơn vị cấp trên,Tần suất,Liên hệ");
    expect(lines).toHaveLength(COMMUNE_UNITS.length + 1);
    expect(lines).toContain("CAX,Công an xã Hòa Bình,Công an,XHB,Tháng,Hoàng Văn Nam - 0916 703 552");
  });

  const reSaved: [string, string][] = [
    ["value-column-VHXH-2026-02.xlsx", "VHXH"],
    ["administrative-VPUB-2026-02.xlsx", "VPUB"],
    ["plan-and-rate-PKT-2026-02.xlsx", "PKT"],
    ["merged-counts-TCN01-2026-02.xlsx", "TCN01"],
    ["month-columns-TCN02-2026-02.xlsx", "TCN02"],
    ["signature-date-TCN03-2026-02.xlsx", "TCN03"],
  ];
  it.each(reSaved)("imports %s, re-saved by LibreOffice, with the sample's February figures and declared date", (fixture, unit) => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "fixtures/libreoffice-layouts", fixture)));
    const { book, files } = importFiles(newMasterBook({ year: 2026 }, [...COMMUNE_UNITS]), [toIncomingFile(fixture, bytes, "h", null)], { now: new Date("2026-03-25T02:00:00Z") });
    expect(files[0]).toMatchObject({ status: "imported", unit, period: "2026-02", receivedSource: "declared", errors: 0, warnings: 0 });
    const got = Object.fromEntries(book.data.map((f) => [f.indicator, f.numerator === null ? f.value : { numerator: f.numerator, denominator: f.denominator }]));
    expect(got).toEqual(sampleFigures(unit, "2026-02"));
  });

  it("keeps the scenario's figures in the report LibreOffice re-saved", async () => {
    const bytes = readFileSync(join(__dirname, "fixtures/libreoffice/standard-CAX-2026-03.xlsx"));
    const ws = await reportSheet(bytes);
    expect(ws.getCell(`E${rowWith(ws, "MH16")}`).value).toBe(sampleFigures("CAX", "2026-03").MH16);
  });
});
