// The command line end to end on the bundled sample reports: the figures it prints and writes are the
// ones the sample data implies (computed independently in src/samples/scenario.ts).
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../src/cli/main";
import { expectedTotals } from "../src/samples/scenario";

const ROOT = path.resolve(__dirname, "..");
const SAMPLES = path.join(ROOT, "samples");
const FIXTURES = path.join(ROOT, "test", "fixtures");

interface Run {
  code: number;
  out: string;
  err: string;
}

async function tonghop(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

async function json(...argv: string[]) {
  const run = await tonghop(...argv, "--json");
  expect(run.code).toBe(0);
  return JSON.parse(run.out);
}

let dir: string;
let master: string;

beforeAll(async () => {
  process.env.TONGHOP_NOW = "2026-03-25T09:00:00+07:00";
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-cli-"));
  master = path.join(dir, "so.xlsx");
  const init = await tonghop("init", master, "--code", "XHB", "--name", "UBND xã Hòa Bình", "--units", path.join(SAMPLES, "don-vi.csv"), "--year", "2026");
  expect(init.code).toBe(0);
  for (const batch of ["2026-01", "2026-02", "2026-03", "2026-Q1"]) {
    const run = await tonghop("import", master, path.join(SAMPLES, batch), "--period", batch);
    expect(run.code).toBe(0);
  }
});

afterAll(async () => {
  delete process.env.TONGHOP_NOW;
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(["2026-03", "2026-Q1"])("consolidating %s", (period) => {
  test("gives the totals the sample data implies", async () => {
    const result = await json("consolidate", master, "--period", period, "--as-of", "2026-03-25");
    const expected = expectedTotals(period);
    for (const [code, want] of Object.entries(expected)) {
      const got = result.indicators.find((i: { code: string }) => i.code === code);
      expect({ code, kind: got.kind, unitsReporting: got.unitsReporting, numerator: got.numerator, denominator: got.denominator }).toEqual({
        code,
        kind: want.kind,
        unitsReporting: want.unitsReporting,
        numerator: want.numerator,
        denominator: want.denominator,
      });
      expect(got.value).toBeCloseTo(want.value, 10);
    }
  });
});

test("statuses as of 25/03/2026: late, overdue and not-required units, with days and the received source", async () => {
  const result = await json("status", master, "--period", "2026-03", "--as-of", "2026-03-25");
  const byCode = Object.fromEntries(result.units.map((u: { code: string }) => [u.code, u]));
  expect(byCode.PKT).toMatchObject({ status: "late", daysLate: 3, receivedSource: "declared" });
  expect(byCode.TCN05).toMatchObject({ status: "overdue", daysLate: 6, receivedAt: null });
  expect(byCode.THCS).toMatchObject({ status: "overdue" }); // its only file declared February
  expect(byCode.HPN).toMatchObject({ status: "not_required" }); // a quarterly unit in a plain month
  expect(byCode.CAX).toMatchObject({ status: "on_time", daysLate: 0, errors: 0 });
  expect(byCode.TCN03.errors).toBe(4);
  // As of before the deadline, the missing unit is not yet due.
  const early = await json("status", master, "--period", "2026-03", "--as-of", "2026-03-19");
  expect(early.units.find((u: { code: string }) => u.code === "TCN05")).toMatchObject({ status: "pending", daysLate: 0 });
});

test("a quarter's status is the worst of the unit's months; quarterly units report the quarter", async () => {
  const result = await json("status", master, "--period", "2026-Q1", "--as-of", "2026-03-25");
  const byCode = Object.fromEntries(result.units.map((u: { code: string }) => [u.code, u]));
  expect(byCode.DTN).toMatchObject({ status: "late", daysLate: 6 }); // February was 6 days late
  expect(byCode.HPN).toMatchObject({ status: "on_time" });
});

test("findings carry the file, sheet, cell and a Vietnamese message", async () => {
  const result = await json("consolidate", master, "--period", "2026-03", "--as-of", "2026-03-25");
  const negative = result.findings.find((f: { code: string }) => f.code === "NEGATIVE");
  expect(negative).toMatchObject({ severity: "error", unit: "TCN03", indicator: "MH09", sheet: "Báo cáo", period: "2026-03" });
  expect(negative.file).toMatch(/thon 3/);
  expect(negative.cell).toMatch(/^[A-Z]+\d+$/);
  expect(negative.message).toContain("số âm");
  // Refused files show with the period they name, or the batch they came in.
  expect(result.findings.find((f: { code: string }) => f.code === "UNKNOWN_UNIT")).toMatchObject({ file: "BC thang 3 - To CNSCD thon 9.xlsx", period: "2026-03", cell: "A6" });
  expect(result.findings.find((f: { file: string }) => f.file === "Bao cao T3 (1).xlsx")).toMatchObject({ severity: "error", period: "2026-03" });
  expect(result.findings.find((f: { code: string }) => f.code === "PERIOD_MISMATCH")).toMatchObject({ unit: "THCS", period: "2026-03" });
  const january = await json("status", master, "--period", "2026-01", "--as-of", "2026-03-25");
  expect(january.findings.find((f: { code: string }) => f.code === "UNKNOWN_UNIT")).toBeUndefined();
});

test("re-importing a whole folder changes nothing", async () => {
  const before = await fs.readFile(master);
  const again = await json("import", master, path.join(SAMPLES, "2026-03"), "--period", "2026-03");
  const statuses = new Set(again.files.map((f: { status: string }) => f.status));
  expect(statuses.has("imported")).toBe(false);
  const after = await json("consolidate", master, "--period", "2026-03", "--as-of", "2026-03-25");
  const beforeCopy = path.join(dir, "before.xlsx");
  await fs.writeFile(beforeCopy, before);
  const original = await json("status", beforeCopy, "--period", "2026-03", "--as-of", "2026-03-25");
  expect(after.units).toEqual(original.units);
});

test("the written workbook holds the output sheets, with no formula anywhere", async () => {
  await tonghop("consolidate", master, "--period", "2026-03", "--as-of", "2026-03-25");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(master);
  const names = wb.worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining(["Cài đặt", "Đơn vị", "Danh mục chỉ tiêu", "Chỉ tiêu kế hoạch", "Dữ liệu", "Nộp báo cáo", "Nhật ký nhập", "Phát hiện", "Tổng hợp", "Tình trạng nộp"]));
  const consolidated = wb.getWorksheet("Tổng hợp")!;
  const row = consolidated.getColumn(2).values.indexOf("CT03");
  expect(consolidated.getRow(row).getCell(7).value).toBeCloseTo(1372 / 2204, 10);
  expect(consolidated.getRow(row).getCell(7).numFmt).toBe("0.0%");
  let formulas = 0;
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0))));
  expect(formulas).toBe(0);
  const status = wb.getWorksheet("Tình trạng nộp")!;
  const pkt = status.getColumn(1).values.indexOf("PKT");
  expect(status.getRow(pkt).getCell(4).value).toBe("Trễ 3 ngày");
  expect((status.getRow(pkt).getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
  expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

test("the older version of a corrected report is superseded, in the JSON and in the Nhật ký nhập sheet, and not received", async () => {
  const copy = path.join(dir, "superseded.xlsx");
  await tonghop("init", copy, "--units", path.join(SAMPLES, "don-vi.csv"), "--year", "2026");
  const result = await json("import", copy, path.join(SAMPLES, "2026-03"), "--period", "2026-03");
  const byFile = Object.fromEntries(result.files.map((f: { file: string; status: string }) => [f.file, f.status]));
  expect(byFile["BC thang 3 - Phong Van hoa - Xa hoi.xlsx"]).toBe("superseded");
  // Whichever comes first in the folder, the later declared date wins.
  expect(byFile["BC thang 3 - Phong Van hoa - Xa hoi (sua lai).xlsx"]).toMatch(/^(imported|replaced)$/);
  const vhxh = result.units.find((u: { code: string }) => u.code === "VHXH");
  expect(vhxh.receivedAt).toBe("2026-03-15T17:00:00.000Z"); // the corrected file's 16/03, not the first one's 12/03
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(copy);
  const log: string[][] = [];
  wb.getWorksheet("Nhật ký nhập")!.eachRow((r) => log.push((r.values as unknown[]).map((v) => String(v ?? ""))));
  const first = log.find((r) => r.includes("BC thang 3 - Phong Van hoa - Xa hoi.xlsx"))!;
  expect(first).toContain("Bản cũ, không dùng");
});

test("reports re-saved by LibreOffice read the same as the originals", async () => {
  const lo = path.join(dir, "lo.xlsx");
  await tonghop("init", lo, "--units", path.join(SAMPLES, "don-vi.csv"), "--year", "2026");
  const result = await json("import", lo, path.join(FIXTURES, "libreoffice"), "--period", "2026-03");
  expect(result.files.map((f: { status: string }) => f.status)).toEqual(["imported", "imported", "imported", "imported"]);
  const mine = await json("status", master, "--period", "2026-03", "--as-of", "2026-03-25");
  for (const unit of ["CAX", "PKT", "TCN01", "THHB"]) {
    const fromLo = result.units.find((u: { code: string }) => u.code === unit);
    const fromOriginal = mine.units.find((u: { code: string }) => u.code === unit);
    expect(fromLo.status).toBe(fromOriginal.status);
  }
  const ct06 = result.indicators.find((i: { code: string }) => i.code === "CT06");
  expect([ct06.numerator, ct06.denominator]).toEqual([expectedTotals("2026-03").CT06.numerator, expectedTotals("2026-03").CT06.denominator]);
});

test("init takes its units from last year's master workbook (its sheet “Đơn vị”)", async () => {
  const next = path.join(dir, "nam-sau.xlsx");
  const run = await tonghop("init", next, "--units", master, "--year", "2027");
  expect(run).toMatchObject({ code: 0, err: "" });
  expect(run.out).toContain("15 đơn vị");
  const status = await json("status", next, "--period", "2027-03", "--as-of", "2027-03-25");
  expect(status.units.map((u: { code: string }) => u.code)).toContain("TCN05");
});

describe("bad usage ends with exit 2 and one Vietnamese line, no stack trace", () => {
  test.each([
    [["frobnicate"], /Lệnh không hợp lệ/],
    [["consolidate"], /Thiếu đường dẫn sổ tổng hợp/],
    [["status", "/no/such/file.xlsx", "--period", "2026-03"], /không tồn tại/],
    [["status", path.join(SAMPLES, "2026-01", "BC thang 1 - Phong Kinh te.xlsx"), "--period", "2026-03"], /không phải sổ tổng hợp/],
    [["consolidate", "MASTER", "--bogus"], /Tùy chọn không hợp lệ/],
    [["init", "/tmp/tonghop-never.xlsx", "--units", path.join(SAMPLES, "2026-01", "BC thang 1 - Phong Kinh te.xlsx")], /Không đọc được đơn vị nào/],
  ])("tonghop %j", async (argv, message) => {
    const run = await tonghop(...argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).not.toMatch(/at .*\.ts:\d+/);
  });

  test("an unknown period", async () => {
    const run = await tonghop("status", master, "--period", "2026-13");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Kỳ báo cáo "2026-13" không hợp lệ/);
  });

  test("every command has --help", async () => {
    for (const command of ["init", "import", "consolidate", "status"]) {
      const run = await tonghop(command, "--help");
      expect(run.code).toBe(0);
      expect(run.out).toContain(`tonghop ${command}`);
    }
  });
});
