// The floor a master-workbook command is measured against, as a process of its own: read the file, unzip
// every part, count the cells. It loads nothing but fflate, as no command can do less and see every value.
import { readFileSync } from "node:fs";
import { unzipAndCount } from "./lower-bound";

if (unzipAndCount(new Uint8Array(readFileSync(process.argv[2]))) === 0) process.exitCode = 1;
