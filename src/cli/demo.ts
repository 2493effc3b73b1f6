// `npm run demo`: a fictional commune's quarter, end to end, through the same commands a clerk runs.
import { promises as fs } from "node:fs";
import path from "node:path";
import { main } from "./main";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLES = path.join(ROOT, "samples");
const OUT = path.join(ROOT, "out", "demo");
// The demo's "today": the sample data tells a story as of 25 March 2026.
const DEMO_NOW = "2026-03-25T09:00:00+07:00";

async function step(title: string, argv: string[]): Promise<void> {
  process.stdout.write(`\n=== ${title}\n$ tonghop ${argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : path.isAbsolute(a) ? path.relative(ROOT, a) : a)).join(" ")}\n`);
  const code = await main(argv);
  if (code !== 0) throw new Error(`tonghop ${argv[0]} kết thúc với mã ${code}`);
}

async function run(): Promise<void> {
  process.env.TONGHOP_NOW ??= DEMO_NOW;
  await fs.mkdir(OUT, { recursive: true });
  const master = path.join(OUT, "so-tong-hop-xa-hoa-binh.xlsx");
  await step("Tạo sổ tổng hợp cho UBND xã Hòa Bình", ["init", master, "--code", "XHB", "--name", "UBND xã Hòa Bình", "--units", path.join(SAMPLES, "don-vi.csv"), "--year", "2026", "--force"]);
  const folders = (await fs.readdir(SAMPLES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const folder of folders) {
    await step(`Nhập báo cáo kỳ ${folder}`, ["import", master, path.join(SAMPLES, folder), "--period", folder]);
  }
  await step("Tổng hợp quý I/2026", ["consolidate", master, "--period", "2026-Q1", "--as-of", "2026-03-25"]);
  await step("Tổng hợp tháng 3/2026 (kỳ mới nhất)", ["consolidate", master, "--period", "2026-03", "--as-of", "2026-03-25"]);
  process.stdout.write(`\nSổ tổng hợp đã ghi: ${master}\nMở bằng Excel hoặc LibreOffice để xem các trang "Tổng hợp", "Tổng hợp theo đơn vị", "Tình trạng nộp", "Phát hiện".\n`);
}

run().catch((e) => {
  process.stderr.write(`Lỗi: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
