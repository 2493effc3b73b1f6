// `npm run web` when its port is taken: the next free port when none was chosen, one Vietnamese line
// (no stack trace) when the chosen one is taken.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the script is plain CommonJS, run by node as it is
const { createStaticServer, listen } = require("../scripts/serve-web.js") as {
  createStaticServer: (dir: string) => http.Server;
  listen: (server: http.Server, port: number, strict: boolean) => Promise<number>;
};

const SCRIPT = path.resolve(__dirname, "..", "scripts", "serve-web.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "tonghop-web-"));
writeFileSync(path.join(dir, "index.html"), "<p>Tổng hợp</p>");

let busy: http.Server;
let port: number;

beforeAll(async () => {
  busy = http.createServer();
  await new Promise<void>((resolve) => busy.listen(0, "localhost", resolve));
  port = (busy.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

test("a port the user chose that is taken: exit 1 and one Vietnamese line naming it and how to choose another", async () => {
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [SCRIPT, dir], { env: { ...process.env, PORT: String(port) } }, (_e, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
  });
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split("\n")).toEqual([`Cổng ${port} đang được chương trình khác dùng. Chọn cổng khác, ví dụ: PORT=${port + 1} npm run web`]);
  expect(run.stdout).toBe("");
});

test("the default port taken: the page is served on the next free one", async () => {
  const server = createStaticServer(dir);
  const used = await listen(server, port, false);
  try {
    expect(used).toBeGreaterThan(port);
    const body = await new Promise<string>((resolve, reject) => {
      http.get(`http://localhost:${used}/`, (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (d) => (text += d)).on("end", () => resolve(text));
      }).on("error", reject);
    });
    expect(body).toContain("Tổng hợp");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
