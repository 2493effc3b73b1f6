#!/usr/bin/env node
// `npm run web`: serves the built web page (dist/web) on http://localhost:3001 — plain http, no
// certificates; the page never sends the workbook or the reports anywhere. Usage: node scripts/serve-web.js [dir] [port]
// When 3001 is taken the next free port is used and its address printed; a port the user chose (PORT=3005
// or the second argument) that is taken ends with one Vietnamese line saying how to choose another.
"use strict";

const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** A static file server over `dir`: GET only, no directory listing, nothing outside `dir`. */
function createStaticServer(dir) {
  const root = path.resolve(dir);
  return http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    const file = path.resolve(root, "." + (urlPath.endsWith("/") ? urlPath + "index.html" : urlPath));
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Không tìm thấy");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : body);
    });
  });
}

const DEFAULT_PORT = 3001;
/** How many ports after the default are tried before giving up. */
const PORTS_TRIED = 20;

/**
 * Listens on `port`, or when it is taken and `strict` is false, on the next free one. Resolves with the
 * port listened on; rejects with an Error whose message is one Vietnamese line for the user.
 */
function listen(server, port, strict) {
  return new Promise((resolve, reject) => {
    const attempt = (p) => {
      const onError = (err) => {
        if (err.code === "EADDRINUSE" && !strict && p < port + PORTS_TRIED) return attempt(p + 1);
        if (err.code === "EADDRINUSE") {
          const other = strict ? p + 1 : port + PORTS_TRIED + 1;
          return reject(new Error(`Cổng ${strict ? p : `${port}–${p}`} đang được chương trình khác dùng. Chọn cổng khác, ví dụ: PORT=${other} npm run web`));
        }
        if (err.code === "EACCES") return reject(new Error(`Không được phép mở cổng ${p}. Chọn cổng trên 1024, ví dụ: PORT=3002 npm run web`));
        reject(new Error(`Không mở được cổng ${p} (${err.code || err.message}). Chọn cổng khác, ví dụ: PORT=3002 npm run web`));
      };
      server.once("error", onError);
      server.listen(p, "localhost", () => {
        server.off("error", onError);
        resolve(server.address().port);
      });
    };
    attempt(port);
  });
}

module.exports = { createStaticServer, listen };

if (require.main === module) {
  const dir = process.argv[2] || path.join(__dirname, "..", "dist", "web");
  const chosen = process.argv[3] || process.env.PORT;
  const port = Number(chosen || DEFAULT_PORT);
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    console.error(`Chưa có ${path.join(dir, "index.html")}: hãy chạy "npx webpack --mode production" trước.`);
    process.exit(1);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`Cổng "${chosen}" không hợp lệ: dùng một số từ 1024 đến 65535, ví dụ: PORT=3002 npm run web`);
    process.exit(1);
  }
  listen(createStaticServer(dir), port, Boolean(chosen)).then(
    (used) => {
      const note = used === port ? "" : ` (cổng ${port} đang bận)`;
      console.log(`Trang tổng hợp báo cáo: http://localhost:${used}/${note} (Ctrl+C để dừng)`);
    },
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
