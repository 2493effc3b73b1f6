#!/usr/bin/env node
// `npm run web`: serves the built web page (dist/web) on http://localhost:3001 — plain http, no
// certificates; the page never sends the workbook or the reports anywhere. Usage: node scripts/serve-web.js [dir] [port]
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

module.exports = { createStaticServer };

if (require.main === module) {
  const dir = process.argv[2] || path.join(__dirname, "..", "dist", "web");
  const port = Number(process.argv[3] || process.env.PORT || 3001);
  if (!fs.existsSync(path.join(dir, "index.html"))) {
    console.error(`Chưa có ${path.join(dir, "index.html")}: hãy chạy "npx webpack --mode production" trước.`);
    process.exit(1);
  }
  createStaticServer(dir).listen(port, "localhost", () => {
    console.log(`Trang tổng hợp báo cáo: http://localhost:${port}/ (Ctrl+C để dừng)`);
  });
}
