// Which unit a report comes from: its "Mã đơn vị" and "Đơn vị", which must not name two different units,
// else the issuing block at the top left. What does not add up is said, never chosen silently.
import { finding, FindingPlace } from "./findings";
import { describeForeign, describeLookalike, LatinCode, latinCode } from "./lookalikes";
import { matchUnit, unitByCode, unitByName } from "./matching";
import type { Finding, Located, Unit, UnitReport } from "./types";

/**
 * The unit the header names, or null with an error finding. Look-alike letters in the code are read as
 * Latin, with a warning that names them; an unknown code beside a known name takes the name, with a
 * warning; a code and a name of two different units are refused.
 */
export function identifyUnit(report: UnitReport, units: readonly Unit[], base: FindingPlace, findings: Finding[]): Unit | null {
  const codeCell = report.unitCode?.cell ?? "";
  const nameCell = report.unitName?.cell ?? "";
  const written = report.unitCode?.value || null;
  const latin = written ? latinUnitCode(written, codeCell, base, findings) : null;
  const code = latin?.text || null;
  const name = report.unitName?.value || null;
  if (!code && !name) return unitFromIssuer(report.issuer, units, base, findings);

  // Characters folded away would let "C★A" pass for CA: a code with any is matched by nothing.
  const byCode = latin?.foreign.length ? null : unitByCode(code, units);
  const byName = unitByName(name, units);
  if (byCode && byName && byCode !== byName) {
    findings.push(
      finding(
        "UNIT_CONFLICT",
        `Mã đơn vị "${written}" (ô ${codeCell}) là của ${byCode.name}, còn tên "${name}" (ô ${nameCell}) là của ${byName.name}: không biết báo cáo của đơn vị nào. Đề nghị sửa mã hoặc tên đơn vị trong báo cáo rồi gửi lại.`,
        { ...base, cell: codeCell },
      ),
    );
    return null;
  }
  if (byCode) return byCode;
  if (byName) {
    if (code) {
      findings.push(
        finding(
          "UNIT_CODE_UNKNOWN",
          `Mã đơn vị "${written}" (ô ${codeCell}) không có trong danh sách đơn vị; tên "${name}" là của ${byName.name} (mã ${byName.code}): báo cáo được nhận cho đơn vị này. Đề nghị sửa lại mã.`,
          { ...base, cell: codeCell, unit: byName.code },
        ),
      );
    }
    return byName;
  }
  unknownUnit([written, name].filter(Boolean).join(" - "), code, name, codeCell || nameCell, units, base, findings);
  return null;
}

function latinUnitCode(code: string, cell: string, base: FindingPlace, findings: Finding[]): LatinCode {
  const latin = latinCode(code);
  if (latin.replaced.length > 0) {
    findings.push(
      finding(
        "LOOKALIKE_CHARACTERS",
        `Mã đơn vị "${code}" ở ô ${cell} có ký tự chỉ trông giống chữ Latin: ${latin.replaced.map(describeLookalike).join("; ")}. Đã đọc là "${latin.text}"; đề nghị sửa lại mã trong tệp.`,
        { ...base, cell },
      ),
    );
  }
  return latin;
}

/** The issuing block's lowest line that names a unit (the issuer sits under the body above it). */
function unitFromIssuer(issuer: readonly Located<string>[], units: readonly Unit[], base: FindingPlace, findings: Finding[]): Unit | null {
  for (let i = issuer.length - 1; i >= 0; i--) {
    const unit = unitByName(issuer[i].value, units);
    if (unit) return unit;
  }
  const lowest = issuer[issuer.length - 1];
  if (lowest) unknownUnit(lowest.value, null, lowest.value, lowest.cell, units, base, findings);
  else findings.push(finding("UNIT_MISSING", "Báo cáo không ghi \"Đơn vị\" hoặc \"Mã đơn vị\" ở phần đầu: không biết báo cáo của đơn vị nào.", base));
  return null;
}

function unknownUnit(shown: string, code: string | null, name: string | null, cell: string, units: readonly Unit[], base: FindingPlace, findings: Finding[]): void {
  const match = matchUnit(code, name, units);
  const foreign = code ? latinCode(code).foreign : [];
  const chars = foreign.length ? ` Mã có ký tự không dùng trong mã: ${describeForeign(foreign)}.` : "";
  const hint = match.suggestions.length ? ` Có phải là: ${match.suggestions.join("; ")}?` : " Hãy thêm đơn vị vào trang \"Đơn vị\" hoặc sửa tên trong báo cáo.";
  findings.push(finding("UNKNOWN_UNIT", `Đơn vị "${shown}" không có trong danh sách đơn vị.${chars}${hint}`, { ...base, cell, unit: shown }));
}
