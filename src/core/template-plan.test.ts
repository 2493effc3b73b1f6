// Which units get a template for a period, with which indicators, under which file name.
import { newMasterBook } from "./master-sheets";
import { asciiFileName, deadlinePhrase, templatePlans, unitIndicators } from "./template-plan";
import type { Unit } from "./types";

const unit = (code: string, name: string, type: string, frequency: Unit["frequency"] = "month", activeTo = ""): Unit => ({ code, name, type, parent: "", frequency, activeFrom: "", activeTo, contact: "" });
const units: Unit[] = [
  unit("CAX", "Công an xã Hòa Bình", "Công an"),
  unit("TCN01", "Tổ công nghệ số cộng đồng thôn 1", "Tổ công nghệ số cộng đồng"),
  unit("VPUB", "Văn phòng HĐND và UBND", "Văn phòng"),
  unit("HPN", "Hội Liên hiệp Phụ nữ xã", "Đoàn thể", "quarter"),
  unit("OLD", "Tổ công nghệ số thôn cũ", "Tổ công nghệ số cộng đồng", "month", "2025-12"),
];
const book = () => newMasterBook({ bodyCode: "XHB", bodyName: "UBND xã Hòa Bình", year: 2026 }, units);

describe("template plan", () => {
  test("a month's templates go to the active monthly units; the quarter's to the quarterly ones", () => {
    expect(templatePlans(book(), "2026-03").map((p) => p.unit.code)).toEqual(["CAX", "TCN01", "VPUB"]);
    expect(templatePlans(book(), "2026-Q1").map((p) => p.unit.code)).toEqual(["HPN"]);
  });

  test("each unit reports its type's indicators, or the whole catalogue when its type has none", () => {
    const b = book();
    expect(unitIndicators(b, units[0]).map((i) => i.code)).toEqual(["CT04", "CT06", "MH16"]);
    expect(unitIndicators(b, units[2])).toHaveLength(b.catalogue.length);
    b.unitTypes.push({ type: "Văn phòng", indicators: ["TT01", "CT01"] });
    expect(unitIndicators(b, units[2]).map((i) => i.code)).toEqual(["CT01", "TT01"]);
  });

  test("file names are ASCII, after the unit and the period, and the due date follows the settings", () => {
    const [police] = templatePlans(book(), "2026-03");
    expect(police.fileName).toBe("Mau BC 2026-03 - Cong an xa Hoa Binh.xlsx");
    expect(police.dueDay).toBe("2026-03-20");
    expect(asciiFileName("Đoàn TN: Tổ 1/2 <Đông>")).toBe("Doan TN- To 1-2 -Dong-");
  });
});


test("the deadline reads as the settings count it, and look-alike names get distinct files", () => {
  expect(deadlinePhrase("2026-03-20", { deadlineInclusive: false })).toBe("trước ngày 20/03/2026");
  expect(deadlinePhrase("2026-03-20", { deadlineInclusive: true })).toBe("chậm nhất ngày 20/03/2026");
  const b = newMasterBook({ year: 2026 }, [unit("A", "Tổ thôn 1", ""), unit("B", "To thon 1", "")]);
  expect(templatePlans(b, "2026-03").map((p) => p.fileName)).toEqual(["Mau BC 2026-03 - To thon 1.xlsx", "Mau BC 2026-03 - To thon 1 (B).xlsx"]);
});
