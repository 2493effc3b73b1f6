// The command line as separate processes: two `tonghop import` runs on one master at the same moment,
// twenty times (both batches present, or one refused with exit 2 and one line: never a batch lost in
// silence), and a folder holding every kind of entry that is not a report (each refused with its reason
// while the report beside them goes through, nothing hanging on a FIFO or reading a device).
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { newMasterBook, SHEETS } from "../src/core/master-sheets";
import { MasterPackage } from "../src/io/xlsx-package";
import { buildCli, finished, spawnCli } from "./helpers/built-cli";
import { reportXlsx } from "./helpers/hostile";
import { masterXlsx } from "./helpers/master-xlsx";
import { testUnit } from "./helpers/report-grid";

const NOW = "2026-03-25T09:00:00+07:00";
const ROUNDS = 20;
const PER_BATCH = 4;

let dir: string;
let cli: string;
const units = Array.from({ length: 2 * PER_BATCH + 1 }, (_, i) => testUnit(`U${i}`, `Tổ công nghệ số thôn ${i}`));

async function writeReport(folder: string, i: number): Promise<void> {
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, `U${i}.xlsx`), reportXlsx({ unit: units[i].name, code: units[i].code, period: "Tháng 3/2026", date: "15/03/2026", values: { MH01: 10 + i } }));
}

/** The units whose figure the master holds for March. */
async function unitsWithData(file: string): Promise<string[]> {
  const data = MasterPackage.open(new Uint8Array(await fs.readFile(file))).grids([SHEETS.data])[SHEETS.data];
  return data.filter((r) => r[0] === "2026-03").map((r) => String(r[1])).sort();
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-processes-"));
  cli = await buildCli(path.join(dir, "build"));
  for (let i = 0; i < PER_BATCH; i++) {
    await writeReport(path.join(dir, "a"), i);
    await writeReport(path.join(dir, "b"), PER_BATCH + i);
  }
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("two imports at once, twenty times: both batches are in the master, or one is refused out loud", async () => {
  const pristine = await masterXlsx(newMasterBook({ year: 2026 }, units));
  const file = path.join(dir, "so", "SO.xlsx");
  await fs.mkdir(path.dirname(file), { recursive: true });
  const batches = { a: units.slice(0, PER_BATCH).map((u) => u.code), b: units.slice(PER_BATCH, 2 * PER_BATCH).map((u) => u.code) };
  const outcomes = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    await fs.writeFile(file, pristine);
    const runs = await Promise.all(
      (["a", "b"] as const).map((batch) => finished(spawnCli(cli, ["import", file, path.join(dir, batch)], { env: { TONGHOP_NOW: NOW, TONGHOP_SOFFICE: "" } }))),
    );
    const present = await unitsWithData(file);
    runs.forEach((run, i) => {
      const batch = batches[i === 0 ? "a" : "b"];
      if (run.code === 0) {
        expect(run.stdout).toContain("Đã ghi sổ tổng hợp");
        expect(batch.every((u) => present.includes(u))).toBe(true);
      } else {
        expect(run.code).toBe(2);
        expect(run.stderr.trim().split("\n")).toHaveLength(1);
        expect(run.stderr).toMatch(/^Lỗi: Sổ tổng hợp .*(đang được một lệnh tonghop khác ghi|đã bị thay đổi)/);
      }
    });
    expect(runs.some((r) => r.code === 0)).toBe(true);
    const key = runs.map((r) => r.code).join("+");
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    expect((await fs.readdir(path.dirname(file))).sort()).toEqual(["SO.xlsx"]);
  }
  console.log(`exit codes of the two imports over ${ROUNDS} rounds: ${[...outcomes].map(([k, n]) => `${k} ×${n}`).join(", ")}`);
}, 180_000);

describe("a folder of everything but reports", () => {
  const folder = () => path.join(dir, "thu-muc");
  let server: net.Server;

  beforeAll(async () => {
    await writeReport(folder(), 8);
    const f = (name: string) => path.join(folder(), name);
    execFileSync("mkfifo", [f("ong-dan.xlsx")]);
    await fs.symlink("/dev/zero", f("khong-het.xlsx"));
    await fs.symlink(f("da-xoa.xlsx"), f("lien-ket-hong.xlsx"));
    await fs.symlink(f("vong.xlsx"), f("vong.xlsx"));
    await fs.writeFile(f("khong-quyen.xlsx"), reportXlsx({ unit: units[0].name, code: units[0].code, period: "Tháng 3/2026", values: { MH01: 1 } }));
    await fs.chmod(f("khong-quyen.xlsx"), 0o000);
    // 3 GiB, sparse: refused by its size, before anything reads it.
    await (await fs.open(f("rat-lon.xlsx"), "w")).truncate(3 * 2 ** 30).then(() => undefined);
    await fs.writeFile(f("ban-in.pdf"), "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");
    await fs.writeFile(f("anh-chup.jpg"), Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1]));
    await fs.writeFile(f("nen.zip"), zipSync({ "ghi-chu.txt": new TextEncoder().encode("báo cáo ở trong") }));
    await fs.writeFile(f(".an.xlsx"), "hidden");
    await fs.writeFile(f("~$U8.xlsx"), "owner file of Excel");
    await fs.mkdir(f("con"));
    await fs.symlink("..", f("con/ve-thu-muc-cha"));
    server = net.createServer();
    await new Promise<void>((resolve) => server.listen(f("o-cam.xlsx"), resolve));
    // The command line runs as a user who may not read what root can: the unreadable file is unreadable.
    for (const d of [dir, path.join(dir, "build"), folder()]) await fs.chmod(d, 0o777);
    execFileSync("chmod", ["-R", "a+rX", path.join(dir, "build")]);
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("each entry gets a line and its reason; the report beside them is imported", async () => {
    const master = path.join(folder(), "..", "so-thu-muc", "SO.xlsx");
    await fs.mkdir(path.dirname(master), { recursive: true });
    await fs.writeFile(master, await masterXlsx(newMasterBook({ year: 2026 }, units)));
    await fs.chmod(path.dirname(master), 0o777);
    await fs.chmod(master, 0o666);
    const asSomeoneElse = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = await finished(spawnCli(cli, ["import", master, folder(), "--json"], { ...asSomeoneElse, env: { TONGHOP_NOW: NOW, TONGHOP_SOFFICE: "" } }));
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const files: { file: string; status: string; message: string }[] = JSON.parse(run.stdout).files;
    const by = Object.fromEntries(files.map((f) => [f.file, f]));
    expect(by["U8.xlsx"].status).toBe("imported");
    const refused: [string, RegExp][] = [
      ["ong-dan.xlsx", /ống dẫn \(FIFO\)/],
      ["khong-het.xlsx", /thiết bị/],
      ["o-cam.xlsx", /socket/],
      ["lien-ket-hong.xlsx", /trỏ tới một tệp không còn tồn tại/],
      ["vong.xlsx", /trỏ vòng/],
      ["khong-quyen.xlsx", /Không có quyền đọc/],
      ["rat-lon.xlsx", /3\.072 MB, quá giới hạn/],
      ["ban-in.pdf", /PDF là bản in/],
      ["anh-chup.jpg", /ảnh chụp/],
      ["nen.zip", /Tệp nén/],
      ["ve-thu-muc-cha", /đã được đọc ở chỗ khác/],
    ];
    for (const [name, reason] of refused) expect({ name, status: by[name]?.status, reason: reason.test(by[name]?.message ?? "") }).toEqual({ name, status: "refused", reason: true });
    // Office lock files and hidden files are skipped (README, "Nhập thư mục"); nothing else is left out.
    expect(files.map((f) => f.file).sort()).toEqual(["U8.xlsx", ...refused.map(([n]) => n)].sort());
    expect(await unitsWithData(master)).toEqual(["U8"]);
  }, 60_000);
});
