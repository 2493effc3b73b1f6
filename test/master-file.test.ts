// The master workbook file through the real command line (in process): a clerk's workbook keeps every
// part the product does not own, byte for byte, through import and consolidate; the file keeps its mode
// and its symlink; nothing is written over the master or an existing file without --force; a workbook
// Excel or LibreOffice has open, another writer's lock, or a file changed since it was read each stop the
// write with one Vietnamese line; `status` reads no data; an unchanged data sheet is not rewritten.
import { unzipSync, zipSync } from "fflate";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { MasterService } from "../src/app/master-service";
import { tonghop, type Run } from "./helpers/cli-run";
import { newMasterBook, SHEETS } from "../src/core/master-sheets";
import { InputError } from "../src/core/input-error";
import { openMasterFile } from "../src/io/master-file";
import { readIncoming } from "../src/io/node-files";
import { MasterPackage, patchMasterPackage } from "../src/io/xlsx-package";
import { clerkMaster, productOwnedParts } from "./helpers/clerk-master";
import { reportXlsx } from "./helpers/hostile";
import { masterXlsx } from "./helpers/master-xlsx";
import { testUnit } from "./helpers/report-grid";

const NOW = "2026-03-25T09:00:00+07:00";
let dir: string;


/** One line on stderr, in Vietnamese, and exit 2. */
function expectRefusal(run: Run, ...words: string[]): void {
  expect(run.code).toBe(2);
  expect(run.err.trim().split("\n")).toHaveLength(1);
  expect(run.err).toMatch(/^Lỗi: .*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
  for (const w of words) expect(run.err).toContain(w);
}

const units = [testUnit("X01", "Xã Tân Lập"), testUnit("X02", "Xã Hòa Bình")];

async function report(folder: string, code: string, values: Record<string, number>): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  const unit = units.find((u) => u.code === code)!;
  const file = path.join(folder, `${code}.xlsx`);
  await fs.writeFile(file, reportXlsx({ unit: unit.name, code, period: "Tháng 3/2026", date: "15/03/2026", values }));
  return file;
}

/** A fresh master of the two units, in its own folder. */
async function freshMaster(name: string, body = { bodyCode: "", bodyName: "" }): Promise<string> {
  const folder = await fs.mkdtemp(path.join(dir, `${name}-`));
  const file = path.join(folder, "SO.xlsx");
  await fs.writeFile(file, await masterXlsx(newMasterBook({ year: 2026, ...body }, units)));
  return file;
}

const bytesOf = async (file: string) => new Uint8Array(await fs.readFile(file));

/** The part holding a sheet, by the sheet's name. */
function partOf(bytes: Uint8Array, sheet: string): string {
  const parts = unzipSync(bytes);
  const decode = (p: string) => new TextDecoder().decode(parts[p]);
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(decode("xl/workbook.xml"))![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(decode("xl/_rels/workbook.xml.rels"))?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(decode("xl/_rels/workbook.xml.rels"))![1];
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

function withPart(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[part] = new TextEncoder().encode(edit(new TextDecoder().decode(parts[part])));
  return zipSync(parts);
}

beforeAll(async () => {
  process.env.TONGHOP_NOW = NOW;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-master-file-"));
});

afterAll(async () => {
  delete process.env.TONGHOP_NOW;
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(["openpyxl", "excel"] as const)("a clerk's master in %s layout, through import and consolidate", (layout) => {
  test("every part the product does not own is byte for byte as it was", async () => {
    const folder = path.join(dir, `clerk-${layout}`);
    await fs.mkdir(folder);
    const file = path.join(folder, "So tong hop.xlsm");
    const original = clerkMaster({ layout });
    await fs.writeFile(file, original);
    const reports = path.join(folder, "bao-cao");
    await report(reports, "X01", { MH01: 3, MH09: 4 });

    const imported = await tonghop("import", file, reports);
    expect([imported.code, imported.err.includes("Lỗi:")]).toEqual([0, false]);
    const consolidated = await tonghop("consolidate", file, "--period", "2026-03", "--as-of", "2026-03-25");
    expect(consolidated.code).toBe(0);

    const before = unzipSync(original);
    const after = unzipSync(await bytesOf(file));
    const owned = new Set(productOwnedParts({ layout }));
    const carried = Object.keys(before).filter((p) => !owned.has(p));
    expect(carried.length).toBeGreaterThan(25);
    for (const p of carried) expect({ p, same: after[p] !== undefined && Buffer.compare(Buffer.from(after[p]), Buffer.from(before[p])) === 0 }).toEqual({ p, same: true });

    const back = MasterPackage.open(await bytesOf(file));
    const data = back.grids([SHEETS.data])[SHEETS.data];
    expect(data.filter((r) => r[0] === "2026-03" && r[1] === "X01").map((r) => [r[2], r[3]])).toEqual([
      ["MH01", 3],
      ["MH09", 4],
    ]);
    // The fixture's "Tổng hợp" was typed by hand: kept as a copy before it was rewritten.
    expect(back.find("Tổng hợp (sửa tay)")).toBeDefined();
    expect(consolidated.err).toContain("Tổng hợp (sửa tay)");
  });
});

test("a clerk's own sheet named like a product sheet but for case stops the consolidation with a clear line, and the import still works", async () => {
  const file = await freshMaster("tong-hop-hoa");
  const clerkSheet = { name: "TỔNG HỢP", values: [["Ghi chú riêng của văn thư"]], numberFormats: [["@"]], fills: [], boldRows: [], columnWidths: [], freeze: { rows: 0, columns: 0 } };
  await fs.writeFile(file, patchMasterPackage(await bytesOf(file), [clerkSheet]).bytes);
  const reports = path.join(path.dirname(file), "bao-cao");
  await report(reports, "X01", { MH01: 3 });
  expect((await tonghop("import", file, reports)).code).toBe(0);
  const before = await bytesOf(file);
  const run = await tonghop("consolidate", file, "--period", "2026-03");
  expectRefusal(run, '"TỔNG HỢP"', "đổi tên", "Sổ chưa bị thay đổi");
  expect(await bytesOf(file)).toEqual(before);
});

test("the master keeps its mode and owner, and a symlink to it stays a link to the replaced file", async () => {
  const file = await freshMaster("mode");
  await fs.chmod(file, 0o600);
  const link = path.join(dir, "link-to-so.xlsx");
  await fs.symlink(file, link);
  const { uid, gid } = await fs.stat(file);
  const reports = path.join(path.dirname(file), "bao-cao");
  await report(reports, "X02", { MH01: 8 });

  expect((await tonghop("import", link, reports)).code).toBe(0);
  expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
  expect(await fs.readlink(link)).toBe(file);
  const stat = await fs.stat(file);
  expect([stat.mode & 0o777, stat.uid, stat.gid]).toEqual([0o600, uid, gid]);
  const data = MasterPackage.open(await bytesOf(file)).grids([SHEETS.data])[SHEETS.data];
  expect(data.some((r) => r[1] === "X02" && r[3] === 8)).toBe(true);
  expect(await fs.readdir(path.dirname(file))).toEqual(["SO.xlsx", "bao-cao"]);
});

describe("files made beside the master", () => {
  let file: string;
  beforeAll(async () => {
    file = await freshMaster("outputs", { bodyCode: "XHB", bodyName: "UBND xã Hòa Bình" });
    const reports = path.join(path.dirname(file), "bao-cao");
    await report(reports, "X01", { MH01: 3 });
    expect((await tonghop("import", file, reports)).code).toBe(0);
  });

  test("export never writes over the master, even through a link or with --force", async () => {
    const before = await bytesOf(file);
    const link = path.join(dir, "so-link.xlsx");
    await fs.symlink(file, link);
    for (const out of [file, link]) expectRefusal(await tonghop("export", file, "--period", "2026-03", "--out", out, "--force"), "chính sổ tổng hợp");
    expect(await bytesOf(file)).toEqual(before);
  });

  test("export and templates write over an existing file only with --force", async () => {
    const out = path.join(path.dirname(file), "bao-cao-len.xlsx");
    await fs.writeFile(out, "tệp của người dùng");
    expectRefusal(await tonghop("export", file, "--period", "2026-03", "--out", out), "đã có", "--force");
    expect(await fs.readFile(out, "utf8")).toBe("tệp của người dùng");
    expect((await tonghop("export", file, "--period", "2026-03", "--out", out, "--force")).code).toBe(0);
    expect(MasterPackage.open(await bytesOf(out)).sheets.length).toBeGreaterThan(0);

    const folder = path.join(path.dirname(file), "mau");
    expect((await tonghop("templates", file, "--period", "2026-03", "--out", folder)).code).toBe(0);
    const made = (await fs.readdir(folder)).sort();
    expect(made).toHaveLength(2);
    await fs.writeFile(path.join(folder, made[1]), "mẫu đã điền dở");
    expectRefusal(await tonghop("templates", file, "--period", "2026-03", "--out", folder), "đã có", "--force");
    expect(await fs.readFile(path.join(folder, made[1]), "utf8")).toBe("mẫu đã điền dở");
    expect((await tonghop("templates", file, "--period", "2026-03", "--out", folder, "--force")).code).toBe(0);
    expect(MasterPackage.open(await bytesOf(path.join(folder, made[1]))).sheets.length).toBeGreaterThan(0);
  });
});

describe.each([
  ["Excel", "~$SO.xlsx"],
  ["LibreOffice", ".~lock.SO.xlsx#"],
])("a workbook %s has open (%s beside it)", (program, lockName) => {
  test("is not written without --force, with a line that says so; reading still works", async () => {
    const file = await freshMaster(program);
    await fs.writeFile(path.join(path.dirname(file), lockName), "owner");
    const reports = path.join(path.dirname(file), "bao-cao");
    await report(reports, "X01", { MH01: 3 });
    const before = await bytesOf(file);
    for (const argv of [["import", file, reports], ["consolidate", file, "--period", "2026-03"]]) {
      expectRefusal(await tonghop(...argv), `đang được mở trong ${program}`, lockName, "--force", "Sổ chưa bị thay đổi");
    }
    expect(await bytesOf(file)).toEqual(before);
    expect((await tonghop("status", file, "--period", "2026-03")).code).toBe(0);
    expect((await tonghop("import", file, reports, "--force")).code).toBe(0);
    expect(MasterPackage.open(await bytesOf(file)).grids([SHEETS.data])[SHEETS.data].length).toBeGreaterThan(1);
  });
});

describe("another writer", () => {
  test("holding the lock makes the next writer wait, then go on once it is released", async () => {
    const file = await freshMaster("wait");
    const reports = path.join(path.dirname(file), "bao-cao");
    await report(reports, "X01", { MH01: 3 });
    const release = await lockfile.lock(file, { realpath: false });
    const released = new Promise<void>((resolve) => setTimeout(() => void release().then(resolve), 1200));
    const run = await tonghop("import", file, reports);
    await released;
    expect(run.code).toBe(0);
    expect(MasterPackage.open(await bytesOf(file)).grids([SHEETS.data])[SHEETS.data].length).toBeGreaterThan(1);
  });

  test("that keeps the lock longer than the wait gets a refusal, not a silent write", async () => {
    const file = await freshMaster("refused");
    const release = await lockfile.lock(file, { realpath: false });
    try {
      const attempt = openMasterFile(file, { write: true, lockWaitMs: 600 });
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(/đang được một lệnh tonghop khác ghi.*Sổ chưa bị thay đổi/);
    } finally {
      await release();
    }
  });

  test("that saved the file after it was read (without the lock) is never overwritten", async () => {
    const file = await freshMaster("changed");
    const reports = path.join(path.dirname(file), "bao-cao");
    const opened = await openMasterFile(file, { write: true });
    try {
      const master = await MasterService.open(opened.store, file);
      // Excel saves the workbook meanwhile: another book in it.
      const theirs = await masterXlsx(newMasterBook({ year: 2027 }, units));
      await fs.writeFile(file, theirs);
      const incoming = [await readIncoming(await report(reports, "X01", { MH01: 3 }))];
      await expect(master.importReports(incoming, { now: new Date(NOW) })).rejects.toThrow(/đã bị thay đổi.*Sổ chưa bị thay đổi/);
      expect(await bytesOf(file)).toEqual(theirs);
    } finally {
      await opened.close();
    }
  });
});

test("status reads no data: it answers on a master whose data sheet is damaged, which consolidate refuses", async () => {
  const file = await freshMaster("status");
  const reports = path.join(path.dirname(file), "bao-cao");
  await report(reports, "X01", { MH01: 3 });
  expect((await tonghop("import", file, reports)).code).toBe(0);
  const bytes = await bytesOf(file);
  await fs.writeFile(file, withPart(bytes, partOf(bytes, SHEETS.data), (xml) => xml.slice(0, xml.length >> 1)));
  const status = await tonghop("status", file, "--period", "2026-03", "--as-of", "2026-03-25");
  expect(status.code).toBe(0);
  expect(status.out).toMatch(/Đúng hạn\s+Xã Tân Lập/);
  expect(status.out).toMatch(/Quá hạn \d+ ngày\s+Xã Hòa Bình/);
  expectRefusal(await tonghop("consolidate", file, "--period", "2026-03"), "bị hỏng", "Sổ chưa bị thay đổi");
});

test("consolidating leaves an unchanged data sheet as it is stored; an import that changes it rewrites it", async () => {
  const file = await freshMaster("unchanged");
  const reports = path.join(path.dirname(file), "bao-cao");
  await report(reports, "X01", { MH01: 3 });
  expect((await tonghop("import", file, reports)).code).toBe(0);
  // A mark the product never writes: it survives only if the data sheet's part is not rewritten.
  const marked = withPart(await bytesOf(file), partOf(await bytesOf(file), SHEETS.data), (xml) => xml.replace(/<pageMargins left="[^"]*"/, '<pageMargins left="0.25"'));
  await fs.writeFile(file, marked);
  const dataXml = async () => new TextDecoder().decode(unzipSync(await bytesOf(file))[partOf(await bytesOf(file), SHEETS.data)]);
  expect(await dataXml()).toContain('<pageMargins left="0.25"');

  expect((await tonghop("consolidate", file, "--period", "2026-03", "--as-of", "2026-03-25")).code).toBe(0);
  expect(await dataXml()).toContain('<pageMargins left="0.25"');
  expect(MasterPackage.open(await bytesOf(file)).find(SHEETS.consolidated)).toBeDefined();

  await report(reports, "X02", { MH01: 5 });
  expect((await tonghop("import", file, reports)).code).toBe(0);
  expect(await dataXml()).not.toContain('<pageMargins left="0.25"');
});

test("a new master opens on its units; once consolidated, it opens on the report", async () => {
  const file = path.join(await fs.mkdtemp(path.join(dir, "tab-")), "SO.xlsx");
  expect((await tonghop("init", file, "--year", "2026")).code).toBe(0);
  const activeSheet = async () => {
    const bytes = await bytesOf(file);
    const tab = Number(/activeTab="(\d+)"/.exec(new TextDecoder().decode(unzipSync(bytes)["xl/workbook.xml"]))?.[1] ?? 0);
    return MasterPackage.open(bytes).sheets[tab].name;
  };
  expect(await activeSheet()).toBe(SHEETS.units);
  expect((await tonghop("consolidate", file, "--period", "2026-03")).code).toBe(0);
  expect(await activeSheet()).toBe(SHEETS.consolidated);
});
