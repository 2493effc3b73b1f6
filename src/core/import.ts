// Files -> data sheet. One bad file never stops the others; the same file twice changes nothing; a newer
// version of a unit's report for a period replaces the older one, whatever order the files come in.
import { formatDayVi, formatInstantVi, vnDay } from "./dates";
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

/** A file's modified time when it can order versions: not after its import (a sender's clock set wrong). */
function usableModified(sub: Submission): string {
  return sub.fileModified && Date.parse(sub.fileModified) <= Date.parse(sub.importedAt) ? new Date(sub.fileModified).toISOString() : "";
}

/**
 * Which of two versions of one unit's report for a period is newer (> 0: `b`), and why: the later declared
 * date, then the later file modified time, then the later import. Never the bytes' hash: two versions
 * that cannot be told apart give 0, and the caller says so.
 */
function newerVersion(a: Submission, b: Submission): { order: number; reason: string } {
  const compare = (x: string, y: string, say: (later: string, earlier: string) => string) => {
    const order = x < y ? 1 : -1;
    return { order, reason: order > 0 ? say(y, x) : say(x, y) };
  };
  if (a.declaredDate && b.declaredDate && a.declaredDate !== b.declaredDate) {
    return compare(a.declaredDate, b.declaredDate, (later, earlier) => `ngày báo cáo ${formatDayVi(later)} sau ${formatDayVi(earlier)}`);
  }
  const [ma, mb] = [usableModified(a), usableModified(b)];
  if (ma && mb && ma !== mb) return compare(ma, mb, (later, earlier) => `tệp sửa lúc ${formatInstantVi(later)}, sau ${formatInstantVi(earlier)}`);
  if (a.importedAt !== b.importedAt) return compare(a.importedAt, b.importedAt, (later, earlier) => `nhập lúc ${formatInstantVi(later)}, sau ${formatInstantVi(earlier)}`);
  return { order: 0, reason: "" };
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

  // The files of this batch that were imported, so that one superseded later in the batch says so.
  const importedHere = new Map<Submission, { result: FileResult; entry: LogEntry }>();
  /** A kept version that a newer one replaces: not counted as received, and the log says so. */
  const supersede = (sub: Submission, message: string) => {
    const note = finding("SUPERSEDED", message, { file: sub.file, unit: sub.unit, period: sub.period });
    const here = importedHere.get(sub);
    if (here) {
      here.result.status = here.entry.status = "superseded";
      here.result.message = here.entry.message = message;
      here.result.findings = [...here.result.findings, note];
    } else {
      log.push({ at: now, file: sub.file, hash: sub.hash, status: "superseded", unit: sub.unit, period: sub.period, message });
    }
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
      return log[log.length - 1];
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
      const report = parseReport(file.workbook, file.name, book.catalogue, adhoc);
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
    if (received.source === "import" && file.modifiedAt && file.modifiedAt.getTime() > opts.now.getTime()) {
      validated.findings.push(
        finding(
          "FILE_MODIFIED_FUTURE",
          `Thời điểm sửa tệp (${formatInstantVi(file.modifiedAt)}) nằm sau thời điểm nhập (${formatInstantVi(opts.now)}): đồng hồ máy của đơn vị có thể sai, nên ngày nhận là thời điểm nhập.`,
          { file: file.name, sheet: validated.findings[0]?.sheet ?? "", unit: incoming.unit, period: periodKey },
        ),
      );
      incoming.warnings++;
    }

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
    const keep = () => {
      submissions.set(k, incoming);
      byHash.set(incoming.hash, incoming);
      data.set(k, facts);
    };
    if (!existing) {
      keep();
      addFindings(validated.findings);
      const entry = record("imported", counts.errors ? `Đã nhập, ${counts.errors} lỗi (số liệu lỗi không được tổng hợp).` : "Đã nhập.");
      importedHere.set(incoming, { result, entry });
      continue;
    }

    const sameData = sameFigures(data.get(k) ?? [], facts);
    // The same figures: the version received first is kept, so that timeliness counts from it.
    const version = sameData
      ? { order: resolveReceived(incoming).at < resolveReceived(existing).at ? 1 : -1, reason: "cùng số liệu, nhận sớm hơn" }
      : newerVersion(existing, incoming);
    if (version.order < 0) {
      if (sameData) {
        record("duplicate", `Cùng số liệu với tệp đã nhập (${existing.file}): giữ tệp đã nhập.`);
      } else {
        const message = `Đã có bản mới hơn của báo cáo này (${existing.file}, ${version.reason}): tệp này không được dùng.`;
        result.findings = [...validated.findings, finding("SUPERSEDED", message, { file: file.name, unit: incoming.unit, period: periodKey })];
        record("superseded", message);
      }
      continue;
    }
    dropFindingsOf(existing);
    keep();
    const why = version.order === 0 ? "không phân biệt được bản nào mới hơn, lấy bản nhập sau" : version.reason;
    const replacedNote = finding("REPLACED", `Báo cáo ${file.name} thay thế bản trước (${existing.file}): ${why}.`, { file: file.name, unit: incoming.unit, period: periodKey });
    result.findings = [...validated.findings, replacedNote];
    if (version.order === 0) {
      result.findings.push(
        finding(
          "VERSIONS_UNORDERED",
          `Hai bản báo cáo khác số liệu (${existing.file} và ${file.name}) cùng ngày báo cáo, cùng thời điểm sửa tệp và cùng lần nhập: đã lấy bản nhập sau (${file.name}). Đề nghị đơn vị xác nhận bản đúng.`,
          { file: file.name, unit: incoming.unit, period: periodKey },
        ),
      );
    }
    addFindings(result.findings);
    supersede(existing, `Đã có bản mới hơn (${file.name}, ${why}): tệp này không được dùng.`);
    record("replaced", replacedNote.message);
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
