// .xls, .ods, .csv and renamed files in the command line: converted through LibreOffice when it is
// installed, otherwise refused with a message that says what to do.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../src/cli/main";
import { findSoffice } from "../src/io/soffice";

const ROOT = path.resolve(__dirname, "..");
const FORMATS = path.join(ROOT, "test", "fixtures", "formats");
let dir: string;

async function importJson(master: string, ...files: string[]) {
  let out = "";
  const code = await main(["import", master, ...files, "--json"], { out: (t) => (out += t), err: () => undefined, isTTY: false });
  expect(code).toBe(0);
  return JSON.parse(out);
}

beforeAll(async () => {
  process.env.TONGHOP_NOW = "2026-03-25T09:00:00+07:00";
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tonghop-formats-"));
  await fs.writeFile(path.join(dir, "bao-cao.csv"), "Đơn vị,Công an xã\nKỳ báo cáo,Tháng 3/2026\n");
  await fs.writeFile(path.join(dir, "that-ra-la-anh.xlsx"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]));
});

afterAll(async () => {
  delete process.env.TONGHOP_NOW;
  delete process.env.TONGHOP_SOFFICE;
  await fs.rm(dir, { recursive: true, force: true });
});

async function freshMaster(name: string): Promise<string> {
  const master = path.join(dir, name);
  const code = await main(["init", master, "--units", path.join(ROOT, "samples", "don-vi.csv"), "--year", "2026"], { out: () => undefined, err: () => undefined, isTTY: false });
  expect(code).toBe(0);
  return master;
}

test("without LibreOffice, .xls and .ods are refused with what to do; .csv and renamed files too", async () => {
  process.env.TONGHOP_SOFFICE = "";
  const master = await freshMaster("no-soffice.xlsx");
  const result = await importJson(master, path.join(FORMATS, "standard-CAX-2026-03.xls"), path.join(FORMATS, "standard-CAX-2026-03.ods"), path.join(dir, "bao-cao.csv"), path.join(dir, "that-ra-la-anh.xlsx"));
  expect(result.files.map((f: { status: string }) => f.status)).toEqual(["refused", "refused", "refused", "refused"]);
  const [xls, ods, csv, png] = result.files.map((f: { message: string }) => f.message);
  expect(xls).toMatch(/\.xls.*lưu lại dạng \.xlsx.*libreoffice-calc-nogui/s);
  expect(ods).toMatch(/\.ods.*libreoffice-calc-nogui/s);
  expect(csv).toMatch(/CSV/);
  expect(png).toMatch(/không phải/);
  delete process.env.TONGHOP_SOFFICE;
});

const withSoffice = process.env.CI_SKIP_SOFFICE ? test.skip : test;
withSoffice("with LibreOffice installed, .xls and .ods reports are converted and imported", async () => {
  const soffice = await findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui, or set CI_SKIP_SOFFICE=1");
  const master = await freshMaster("soffice.xlsx");
  const result = await importJson(master, path.join(FORMATS, "standard-CAX-2026-03.xls"));
  expect(result.files[0]).toMatchObject({ status: "imported", unit: "CAX", period: "2026-03" });
  const ods = await importJson(master, path.join(FORMATS, "standard-CAX-2026-03.ods"));
  expect(ods.files[0].status).toBe("duplicate"); // the same figures from the same unit and period
}, 240_000);
