// A master book as the engine holds it after months of imports, without reading any file: `units` units
// reporting every indicator of the catalogue for each of `months` months of 2026 (a province's year is
// 300 × 12: 90,000 rows of "Dữ liệu"). Some of its texts are what a report file may carry and Excel would
// take for a formula or a number.
import { newMasterBook } from "../../src/core/master-sheets";
import type { Fact, MasterBook, Submission, Unit } from "../../src/core/types";

export const REPORT_TEXTS = { formula: '=HYPERLINK("http://x")', phone: "+84 912", count: "-5 người", mention: "@abc", zero: "0123", quote: "'trích dẫn", percent: "12%" };

const month = (m: number) => `2026-${String(m).padStart(2, "0")}`;

export function masterBook(units: number, months: number, options: { missingLast?: number } = {}): MasterBook {
  const list: Unit[] = Array.from({ length: units }, (_, i) => ({
    code: i === 3 ? REPORT_TEXTS.zero : `DV${String(i + 1).padStart(4, "0")}`,
    name: i === 1 ? REPORT_TEXTS.count : `Tổ công nghệ số cộng đồng thôn ${i + 1}`,
    type: "Tổ công nghệ số cộng đồng",
    parent: "XHB",
    frequency: "month",
    activeFrom: "",
    activeTo: "",
    contact: i === 0 ? REPORT_TEXTS.phone : i === 4 ? REPORT_TEXTS.quote : `Nguyễn Văn ${i + 1} - 0912 ${String(i).padStart(6, "0")}`,
  }));
  const book = newMasterBook({ bodyCode: "XHB", bodyName: "UBND xã Hòa Bình" }, list);
  const missing = options.missingLast ?? 0;
  for (let m = 1; m <= months; m++) {
    const period = month(m);
    list.forEach((u, i) => {
      if (m === months && i >= units - missing) return;
      const hash = `${u.code}${period}`.padEnd(64, "a");
      const file = `Bao cao ${u.code} ${period}.xlsx`;
      const received = `${month(m + 1 > 12 ? 12 : m + 1)}-${i % 3 === 0 ? "22" : "15"}T02:00:00.000Z`;
      const sub: Submission = {
        period,
        unit: u.code,
        file,
        hash,
        receivedAt: received,
        receivedSource: "file",
        manualReceived: "",
        declaredDate: received.slice(0, 10),
        fileModified: received,
        importedAt: received,
        errors: 0,
        warnings: 0,
      };
      book.submissions.push(sub);
      for (const ind of book.catalogue) {
        const ratio = ind.kind === "ratio";
        const fact: Fact = {
          period,
          unit: u.code,
          indicator: ind.code,
          value: ratio ? 0.75 : i + m,
          numerator: ratio ? 75 : null,
          denominator: ratio ? 100 : null,
          file,
          sheet: i === 2 ? REPORT_TEXTS.mention : i === 5 ? REPORT_TEXTS.percent : "Báo cáo",
          cell: "E12",
          hash,
          importedAt: received,
        };
        book.data.push(fact);
      }
    });
  }
  book.findings.push({
    severity: "warning",
    code: "NOT_A_NUMBER",
    file: "DV0001.xlsx",
    sheet: "Báo cáo",
    cell: "E14",
    unit: "DV0001",
    indicator: "MH09",
    period: month(months),
    message: REPORT_TEXTS.formula,
  });
  return book;
}
