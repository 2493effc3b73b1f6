#!/usr/bin/env node
// Fails when package-lock.json lacks an entry for an optional dependency of a package it holds: npm on one
// platform can leave out the other platforms' native binaries (@unrs/resolver-binding-*, @parcel/watcher-*),
// and `npm ci` then fails or installs without them elsewhere. Regenerate with:
//   rm -rf node_modules package-lock.json && npm install --package-lock-only && npm ci
"use strict";

const path = require("node:path");

const lock = require(path.join(__dirname, "..", "package-lock.json"));
const packages = lock.packages || {};

/** The lock key a dependency of the package at `from` resolves to, as Node resolves it: nested first, then up. */
function resolve(from, name) {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[key]) return key;
    if (!base) return null;
    const at = base.lastIndexOf("/node_modules/");
    base = at < 0 ? "" : base.slice(0, at);
  }
}

const missing = [];
for (const [key, pkg] of Object.entries(packages)) {
  for (const name of Object.keys(pkg.optionalDependencies || {})) if (!resolve(key, name)) missing.push(`${key || "(root)"} -> ${name}`);
}
if (missing.length > 0) {
  console.error(`package-lock.json thiếu ${missing.length} gói tùy chọn của nền tảng khác (npm ci sẽ không cài giống nhau trên mọi máy):`);
  for (const m of missing) console.error(`  ${m}`);
  console.error("Tạo lại: rm -rf node_modules package-lock.json && npm install --package-lock-only && npm ci");
  process.exit(1);
}
console.log(`package-lock.json: đủ các gói tùy chọn cho mọi nền tảng (${Object.keys(packages).length} gói).`);
