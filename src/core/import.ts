// Files -> data sheet. One bad file never stops the others; the same file twice changes nothing; a newer
// version of a unit's report for a period replaces the older one, whatever order the files come in.
import { vnDay } from "./dates";
import { finding, FindingCode } from "./findings";
import { periodContains, parsePeriodKey, previousPeriodKey } from "./periods";
import { parseReport } from "./report-parser";
import { resolveReceived } from "./status";
import type { Fact, FileStatus, Finding, LogEntry, MasterBook, Submission, Workbook } from "./types";
import { ReportFigure, validateReport } from "./validation";

/** A file as an adapter hands it over: read (or not) into a workbook, with its SHA-256. */
export interface IncomingFile {
  name: string;
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  /** The file's modified time (file system, or the workbook's own), when known. */
  modifiedAt: Date | null;
  workbook: Workbook | null;
  readError: { code: FindingCode; message: string } | null;
}

export interface FileResult {
  file: string;
  status: FileStatus;
  unit: string;
  unitName: string;
  period: string;
  message: string;
  receivedAt: string;
  receivedSource: Submission["receivedSource"] | null;
  errors: number;
  warnings: number;
  findings: Finding[];
}

export interface ImportOptions {
  /** The period being imported: files for a period outside it are set aside. */
  periodKey?: string;
  now: Date;
}

export interface ImportOutcome {
  book: MasterBook;
  files: FileResult[];
}

const key = (period: string, unit: string) => `${period}\u0000${unit}`;

function countSeverity(findings: Finding[]) {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
  }
  return { errors, warnings };
}

function sameFigures(a: Fact[], b: Fact[]): boolean {
  if (a.length !== b.length) return false;
  const index = new Map(a.map((f) => [f.indicator, f]));
  return b.every((f) => {
    const g = index.get(f.indicator);
    return g !== undefined && g.value === f.value && g.numerator === f.numerator && g.denominator === f.denominator;
  });
}

/** Which of two versions of one unit's report wins: the later received; the earlier one when the figures agree. */
function incomingWins(existing: Submission, incoming: Submission, sameData: boolean): boolean {
  const a = resolveReceived(existing).at;
  const b = resolveReceived(incoming).at;
  if (a !== b) return sameData ? b < a : b > a;
  return incoming.hash > existing.hash; // any fixed tie-break keeps the result independent of order
}

function findingKey(f: Finding): string {
  return [f.file, f.code, f.sheet, f.cell, f.unit, f.period, f.indicator, f.message].join("\u0000");
}

export function importFiles(book: MasterBook, files: IncomingFile[], opts: ImportOptions): ImportOutcome {
  const now = opts.now.toISOString();
  const today = vnDay(opts.now);
  const adhoc = book.settings.adhocPeriods;
  const data = new Map<string, Fact[]>();
  for (const f of book.data) {
    const k = key(f.period, f.unit);
    const list = data.get(k);
    if (list) list.push(f);
    else data.set(k, [f]);
  }
  const submissions = new Map(book.submissions.map((s) => [key(s.period, s.unit), s]));
  const byHash = new Map(book.submissions.map((s) => [s.hash, s]));
  let findings = [...book.findings];
  const seenFindings = new Set(findings.map(findingKey));
  const log: LogEntry[] = [...book.log];
  const results: FileResult[] = [];

  const previous = (unit: string, period: string): Map<string, ReportFigure> | null => {
    const prevKey = previousPeriodKey(period);
    const facts = prevKey ? data.get(key(prevKey, unit)) : undefined;
    if (!facts) return null;
    return new Map(facts.map((f) => [f.indicator, { ...f }]));
  };
  const addFindings = (list: Finding[]) => {
    for (const f of list) {
      const k = findingKey(f);
      if (!seenFindings.has(k)) {
        seenFindings.add(k);
        findings.push(f);
      }
    }
  };
  const dropFindingsOf = (sub: Submission) => {
    findings = findings.filter((f) => !(f.file === sub.file && f.unit === sub.unit && f.period === sub.period));
    seenFindings.clear();
    for (const f of findings) seenFindings.add(findingKey(f));
  };

  for (const file of files) {
    const result: FileResult = {
      file: file.name,
      status: "refused",
      unit: "",
      unitName: "",
      period: "",
      message: "",
      receivedAt: "",
      receivedSource: null,
      errors: 0,
      warnings: 0,
      findings: [],
    };
    const record = (status: FileStatus, message: string) => {
      result.status = status;
      result.message = message;
      const counts = countSeverity(result.findings);
      result.errors = counts.errors;
      result.warnings = counts.warnings;
      log.push({ at: now, file: file.name, hash: file.hash, status, unit: result.unit, period: result.period, message });
      results.push(result);
    };

    if (!file.workbook || file.readError) {
      const err = file.readError ?? { code: "FILE_UNREADABLE" as const, message: "Không đọc được tệp." };
      result.findings = [finding(err.code, err.message, { file: file.name, period: opts.periodKey })];
      addFindings(result.findings);
      record("refused", err.message);
      continue;
    }

    const here = byHash.get(file.hash);
    // A version replaced since (by a newer file) is no longer "here".
    const alreadyHere = here && submissions.get(key(here.period, here.unit)) === here ? here : undefined;
    if (alreadyHere) {
      result.unit = alreadyHere.unit;
      result.period = alreadyHere.period;
      result.unitName = book.units.find((u) => u.code === alreadyHere.unit)?.name ?? "";
      const received = resolveReceived(alreadyHere);
      result.receivedAt = received.at;
      result.receivedSource = received.source;
      const message = `Tệp giống hệt tệp đã nhập (${alreadyHere.file}): không thay đổi gì.`;
      // Said to the clerk with this file's result, not kept in the book: the same file twice changes nothing.
      result.findings = [finding("DUPLICATE_FILE", message, { file: file.name, unit: alreadyHere.unit, period: alreadyHere.period })];
      record("duplicate", message);
      continue;
    }

    let validated;
    try {
      const report = parseReport(file.workbook, file.name, book.catalogue);
      validated = validateReport(report, { units: book.units, catalogue: book.catalogue, unitTypes: book.unitTypes, settings: book.settings, today, previous });
    } catch (e) {
      // A parser bug must cost one file, not the batch.
      const message = `Không xử lý được tệp: ${(e as Error).message}`;
      result.findings = [finding("FILE_UNREADABLE", message, { file: file.name, period: opts.periodKey })];
      addFindings(result.findings);
      record("refused", message);
      continue;
    }
    result.findings = validated.findings;
    result.unit = validated.unit?.code ?? "";
    result.unitName = validated.unit?.name ?? "";
    result.period = validated.periodKey ?? "";
    if (validated.fatal || !validated.unit || !validated.periodKey) {
      // A refused file belongs to the period it names, else to the batch: it shows with that period's findings.
      const period = validated.periodKey ?? opts.periodKey ?? "";
      result.findings = validated.findings.map((f) => (f.period ? f : { ...f, period }));
      addFindings(result.findings);
      const first = validated.findings.find((f) => f.severity === "error");
      record("refused", first?.message ?? "Không nhận dạng được báo cáo.");
      continue;
    }
    const periodKey = validated.periodKey;
    if (opts.periodKey && periodKey !== opts.periodKey && !periodContains(opts.periodKey, periodKey, adhoc)) {
      const expected = parsePeriodKey(opts.periodKey, adhoc)?.label ?? opts.periodKey;
      const got = parsePeriodKey(periodKey, adhoc)?.label ?? periodKey;
      const f = finding("PERIOD_MISMATCH", `Báo cáo ghi kỳ "${got}", khác kỳ đang nhập "${expected}": tệp được để riêng, chưa nhập.`, {
        file: file.name,
        sheet: validated.findings[0]?.sheet ?? "",
        unit: result.unit,
        // Shown with the batch the clerk is working on, where the missing report is felt.
        period: opts.periodKey,
      });
      result.findings = [...validated.findings, f];
      addFindings([f]);
      record("period_mismatch", f.message);
      continue;
    }

    const counts = countSeverity(validated.findings);
    const incoming: Submission = {
      period: periodKey,
      unit: validated.unit.code,
      file: file.name,
      hash: file.hash,
      receivedAt: "",
      receivedSource: "import",
      manualReceived: "",
      declaredDate: validated.declaredDate,
      fileModified: file.modifiedAt ? file.modifiedAt.toISOString() : "",
      importedAt: now,
      errors: counts.errors,
      warnings: counts.warnings,
    };
    const received = resolveReceived(incoming);
    incoming.receivedAt = received.at;
    incoming.receivedSource = received.source;
    result.receivedAt = received.at;
    result.receivedSource = received.source;

    const facts: Fact[] = validated.figures.map((g) => ({
      period: periodKey,
      unit: incoming.unit,
      indicator: g.indicator,
      value: g.value,
      numerator: g.numerator,
      denominator: g.denominator,
      file: file.name,
      sheet: g.sheet,
      cell: g.cell,
      hash: file.hash,
      importedAt: now,
    }));
    const k = key(periodKey, incoming.unit);
    const existing = submissions.get(k);
    if (!existing) {
      submissions.set(k, incoming);
      byHash.set(incoming.hash, incoming);
      data.set(k, facts);
      addFindings(validated.findings);
      record("imported", counts.errors ? `Đã nhập, ${counts.errors} lỗi (số liệu lỗi không được tổng hợp).` : "Đã nhập.");
      continue;
    }
    const sameData = sameFigures(data.get(k) ?? [], facts);
    if (!incomingWins(existing, incoming, sameData)) {
      record(
        sameData ? "duplicate" : "replaced",
        sameData
          ? `Cùng số liệu với tệp đã nhập (${existing.file}): giữ tệp đã nhập.`
          : `Đã có bản mới hơn của báo cáo này (${existing.file}): giữ bản mới hơn, tệp này không được dùng.`,
      );
      continue;
    }
    dropFindingsOf(existing);
    submissions.set(k, incoming);
    byHash.set(incoming.hash, incoming);
    data.set(k, facts);
    const replacedNote = finding(
      "REPLACED",
      sameData
        ? `Tệp ${file.name} cùng số liệu với ${existing.file}, nhận sớm hơn: dùng tệp này.`
        : `Báo cáo mới (${file.name}) thay thế bản trước (${existing.file}); số liệu khác bản trước.`,
      { file: file.name, unit: incoming.unit, period: periodKey },
    );
    result.findings = [...validated.findings, replacedNote];
    addFindings(result.findings);
    record(sameData ? "duplicate" : "replaced", replacedNote.message);
  }

  const newBook: MasterBook = {
    ...book,
    data: [...data.values()].flat(),
    submissions: [...submissions.values()],
    log,
    findings,
  };
  return { book: newBook, files: results };
}
