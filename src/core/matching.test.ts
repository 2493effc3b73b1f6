import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "./catalogue";
import { levenshtein, matchIndicator, matchUnit } from "./matching";
import type { Unit } from "./types";

const catalogue = DEFAULT_CATALOGUE;

function unit(code: string, name: string): Unit {
  return { code, name, type: "", parent: "", frequency: "month", activeFrom: "", activeTo: "", contact: "" };
}

const units = [
  unit("VHXH", "Phòng Văn hóa - Xã hội"),
  unit("CA", "Công an xã"),
  unit("DTN", "Đoàn Thanh niên"),
  unit("THCS", "Trường THCS Dương Hưu"),
  unit("TH", "Trường Tiểu học Dương Hưu"),
  unit("XA01", "UBND xã Dương Hưu"),
];

describe("matchIndicator", () => {
  test("by code, whatever the case, spacing or dash", () => {
    for (const code of ["CT01", "ct01", "CT 01", "CT-01", " ct 1 "]) expect(matchIndicator(code, null, catalogue).indicator).toBe("CT01");
    expect(matchIndicator("MH16", "something else", catalogue)).toEqual({ indicator: "MH16", byCode: "MH16", byName: null });
  });

  test("a code and a name of two different indicators stand for neither, and say which each names", () => {
    expect(matchIndicator("MH05", "Tài khoản ngân hàng số được hỗ trợ mở", catalogue)).toEqual({ indicator: null, byCode: "MH05", byName: "MH06" });
    expect(matchIndicator("mh 6", "TÀI KHOẢN NGÂN HÀNG SỐ ĐƯỢC HỖ TRỢ MỞ", catalogue)).toEqual({ indicator: "MH06", byCode: "MH06", byName: "MH06" });
  });

  test("by name when there is no code or an unknown one", () => {
    expect(matchIndicator(null, "đại sứ số (MENTOR) đang  hoạt động", catalogue).indicator).toBe("MH01");
    expect(matchIndicator("ZZ99", "Tin, bài, phóng sự tuyên truyền", catalogue).indicator).toBe("TT01");
    expect(matchIndicator("", "Tin bài phóng sự tuyên truyền.", catalogue).indicator).toBe("TT01");
  });

  test("every catalogue name matches itself decomposed, upper-cased and with or without (lũy kế)", () => {
    for (const ind of catalogue) {
      expect(matchIndicator(null, ind.name.normalize("NFD"), catalogue).indicator).toBe(ind.code);
      expect(matchIndicator(null, ind.name.toUpperCase(), catalogue).indicator).toBe(ind.code);
    }
    expect(matchIndicator(null, "Người học (mentee) được Đại sứ số hướng dẫn", catalogue).indicator).toBe("MH02");
    expect(matchIndicator(null, "Người hoàn thành khóa học trên nền tảng Bình dân học vụ số (Lũy kế)", catalogue).indicator).toBe("MH16");
  });

  test("unknown rows match nothing", () => {
    expect(matchIndicator(null, "Tổng cộng", catalogue).indicator).toBeNull();
    expect(matchIndicator(null, null, catalogue).indicator).toBeNull();
    expect(matchIndicator("CT99", null, catalogue).indicator).toBeNull();
  });
});

describe("matchUnit", () => {
  test("by code, then by name without prefixes, accents or punctuation", () => {
    expect(matchUnit("vhxh", null, units).unit?.code).toBe("VHXH");
    expect(matchUnit(null, "PHÒNG VĂN HÓA – XÃ HỘI", units).unit?.code).toBe("VHXH");
    expect(matchUnit(null, "Phòng Văn hóa Xã hội.", units).unit?.code).toBe("VHXH");
    expect(matchUnit(null, "Ủy ban nhân dân xã Dương Hưu", units).unit?.code).toBe("XA01");
    expect(matchUnit(null, "xã Dương Hưu", units).unit?.code).toBe("XA01");
    expect(matchUnit("nope", "Đoàn thanh niên", units).unit?.code).toBe("DTN");
  });

  test("suggests close names when none matches, and only close ones", () => {
    const typo = matchUnit(null, "Truong THCS Duong Huu xa", units);
    expect(typo.unit).toBeNull();
    expect(typo.suggestions[0]).toBe("Trường THCS Dương Hưu");
    expect(typo.suggestions.length).toBeLessThanOrEqual(3);
    expect(matchUnit(null, "Hợp tác xã nông nghiệp Hòa Bình", units)).toEqual({ unit: null, suggestions: [] });
    expect(matchUnit(null, null, units)).toEqual({ unit: null, suggestions: [] });
  });
});

describe("levenshtein", () => {
  test("counts edits", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("same", "same")).toBe(0);
  });

  test("a bound gives the exact answer up to it and bound + 1 beyond", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(6), (a, b, max) => {
        const exact = levenshtein(a, b);
        expect(levenshtein(a, b, max)).toBe(Math.min(exact, max + 1));
        expect(exact).toBe(levenshtein(b, a));
      }),
    );
  });
});
