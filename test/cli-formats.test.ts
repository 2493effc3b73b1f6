// Report formats in the command line: .xlsx, .xls, .ods and .docx are read natively, with or without
// LibreOffice; what the readers refuse but LibreOffice opens (.doc, Excel 5.0/95) is converted when it is
// installed, otherwise refused with a message that says what to do; .csv and renamed files too.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../src/cli/main";
import { findSoffice } from "../src/io/soffice";
import { biff5File } from "./helpers/xls";

const ROOT = path.resolve(__dirname, "..");
const FORMATS = path.join(ROOT, "test", "fixtures", "formats");
let dir: string;
let folder: string;

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
  // An Excel 5.0/95 report, the way offices on very old Excel saved it (plain letters: no Unicode in BIFF5 here).
  const rows = [["Don vi: Phong Kinh te"], ["Ma don vi: PKT"], ["Ky bao cao: Thang 3/2026"], ["Ngay bao cao: 18/03/2026"], [], ["Ma chi tieu", "Chi tieu", "Ket qua"], ["MH05", "Tieu thuong, nong dan duoc dao tao theo mo hinh 4T", 12]];
  await fs.writeFile(path.join(dir, "excel-95.xls"), biff5File(rows));
  // A folder as a clerk saves the reports of a month: one of each format.
  folder = path.join(dir, "thang-3");
  await fs.mkdir(folder);
  for (const [name, target] of [
    ["standard-CAX-2026-03.xls", "CA.xls"],
    ["two-row-header-THHB-2026-03.ods", "TH.ods"],
    ["late-PKT-2026-03.docx", "PKT.docx"],
  ]) {
    await fs.copyFile(path.join(FORMATS, name), path.join(folder, target));
  }
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

test("without LibreOffice, a folder of .xls, .ods and .docx reports is read natively; .doc, Excel 95, .csv and renamed files are refused with what to do", async () => {
  process.env.TONGHOP_SOFFICE = "";
  const master = await freshMaster("no-soffice.xlsx");
  const read = await importJson(master, folder);
  expect(read.files.map((f: { file: string; status: string; unit: string }) => [f.file, f.status, f.unit])).toEqual([
    ["CA.xls", "imported", "CAX"],
    ["PKT.docx", "imported", "PKT"],
    ["TH.ods", "imported", "THHB"],
  ]);
  const result = await importJson(master, path.join(FORMATS, "standard-CAX-2026-03.doc"), path.join(dir, "excel-95.xls"), path.join(dir, "bao-cao.csv"), path.join(dir, "that-ra-la-anh.xlsx"));
  expect(result.files.map((f: { status: string }) => f.status)).toEqual(["refused", "refused", "refused", "refused"]);
  const [doc, excel95, csv, png] = result.files.map((f: { message: string }) => f.message);
  expect(doc).toMatch(/\.doc \(Word 97-2003\).*\.docx.*libreoffice-writer-nogui/s);
  expect(excel95).toMatch(/Excel 5\.0\/95.*\.xlsx.*libreoffice-calc-nogui/s);
  expect(csv).toMatch(/CSV/);
  expect(png).toMatch(/ảnh chụp/);
  delete process.env.TONGHOP_SOFFICE;
});

const withSoffice = process.env.CI_SKIP_SOFFICE ? test.skip : test;
withSoffice("with LibreOffice installed, a .doc report and an Excel 95 workbook are converted and imported", async () => {
  const soffice = await findSoffice();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui, or set CI_SKIP_SOFFICE=1");
  const master = await freshMaster("soffice.xlsx");
  const result = await importJson(master, path.join(FORMATS, "standard-CAX-2026-03.doc"), path.join(dir, "excel-95.xls"));
  expect(result.files.map((f: { status: string; unit: string; period: string }) => [f.status, f.unit, f.period])).toEqual([
    ["imported", "CAX", "2026-03"],
    ["imported", "PKT", "2026-03"],
  ]);
  // The .doc holds the same figures as the .docx: importing that one changes nothing.
  const docx = await importJson(master, path.join(FORMATS, "standard-CAX-2026-03.docx"));
  expect(docx.files[0].status).toBe("duplicate");
}, 240_000);
