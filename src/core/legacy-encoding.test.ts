import fc from "fast-check";
import { DEFAULT_CATALOGUE } from "./catalogue";
import { decodeLegacy, detectLegacyEncoding, encodeLegacy, LegacyEncoding } from "./legacy-encoding";

const CATALOGUE_TEXTS = DEFAULT_CATALOGUE.flatMap((i) => [i.name, i.denominatorName, i.uom]).filter(Boolean);

/** Labels, statuses and names a report or the interface shows, in ordinary Unicode. */
const UNICODE_TEXTS = [
  "Báo cáo", "Đơn vị", "Tên đơn vị", "Mã đơn vị", "Kỳ báo cáo", "Ngày báo cáo", "Mã chỉ tiêu", "Chỉ tiêu",
  "Nội dung", "Đơn vị tính", "ĐVT", "Kết quả", "Số lượng", "Tử số", "Mẫu số", "Lũy kế", "Ghi chú", "STT",
  "Tháng 3/2026", "Tháng 03 năm 2026", "Quý I/2026", "Quý 1 năm 2026", "6 tháng đầu năm 2026", "Năm 2026",
  "ngày 15 tháng 3 năm 2026", "Đúng hạn", "Trễ 3 ngày", "Quá hạn 6 ngày", "Chưa đến hạn", "Không phải nộp",
  "Có lỗi", "Tổng hợp báo cáo", "Sổ tổng hợp", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND",
  "Phòng Kinh tế", "Công an xã", "Đoàn Thanh niên", "Trung tâm dịch vụ sự nghiệp công", "Mặt trận Tổ quốc",
  "Người lập biểu", "Thủ trưởng đơn vị", "Nơi nhận", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
  "Hoà bình", "quá hạn", "giá trị", "già", "quân", "giúp đỡ", "Khoá học", "chè", "café", "Bình dân học vụ số",
  "Product brief: report consolidation for the \"Bình dân học vụ số\" movement", "The unit report file (what units send)",
  "Indicators (default catalogue)", "Reporting units and schedule (from the plans)", "© 2026 UBND xã",
];

describe("detection", () => {
  test("does not fire on Unicode Vietnamese, decomposed Unicode or English", () => {
    for (const text of [...CATALOGUE_TEXTS, ...UNICODE_TEXTS]) {
      expect([text, detectLegacyEncoding(text)]).toEqual([text, null]);
      expect([text, detectLegacyEncoding(text.normalize("NFD"))]).toEqual([text, null]);
    }
  });

  test("does not fire on any phrase made of ordinary words", () => {
    const words = Array.from(new Set([...CATALOGUE_TEXTS, ...UNICODE_TEXTS].join(" ").split(/\s+/)));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), (picked) => {
        expect(detectLegacyEncoding(picked.join(" "))).toBeNull();
      }),
    );
  });

  test("fires on typical TCVN3 words", () => {
    for (const text of ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "§¬n vÞ", "B¸o c¸o", "Tr­êng", "häc sinh", "UBND x· D­¬ng H­u", "MÉu sè", "KÕt qu¶"]) {
      expect([text, detectLegacyEncoding(text)]).toEqual([text, "tcvn3"]);
    }
  });

  test("fires on typical VNI words", () => {
    for (const text of ["Ñôn vò", "Baùo caùo", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Tröôøng", "BAÙO CAÙO", "OÂng"]) {
      expect([text, detectLegacyEncoding(text)]).toEqual([text, "vni"]);
    }
  });

  test("an ambiguous cell follows the encoding of the rest of its sheet", () => {
    expect(detectLegacyEncoding("Tæng sè")).toBeNull();
    expect(detectLegacyEncoding("Tæng sè", "tcvn3")).toBe("tcvn3");
    expect(detectLegacyEncoding("Tổng số", "tcvn3")).toBeNull();
    expect(detectLegacyEncoding("Báo cáo", "vni")).toBeNull();
    expect(detectLegacyEncoding("CT01", "tcvn3")).toBeNull();
  });
});

describe("decoding", () => {
  test("hand-typed TCVN3 samples", () => {
    expect(decodeLegacy("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3")).toBe("Cộng hòa xã hội chủ nghĩa Việt Nam");
    expect(decodeLegacy("§¬n vÞ", "tcvn3")).toBe("Đơn vị");
    expect(decodeLegacy("B¸o c¸o", "tcvn3")).toBe("Báo cáo");
    expect(decodeLegacy("Tr­êng", "tcvn3")).toBe("Trường");
    expect(decodeLegacy("Tæng sè", "tcvn3")).toBe("Tổng số");
  });

  test("TCVN3 capitals typed with a .VnTimeH font come back as capitals", () => {
    expect(decodeLegacy("CéNG HßA", "tcvn3")).toBe("CỘNG HÒA");
    expect(decodeLegacy("Uû ban", "tcvn3")).toBe("Uỷ ban");
  });

  test("hand-typed VNI samples", () => {
    expect(decodeLegacy("Ñôn vò", "vni")).toBe("Đơn vị");
    expect(decodeLegacy("Baùo caùo", "vni")).toBe("Báo cáo");
    expect(decodeLegacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni")).toBe("Cộng hòa xã hội chủ nghĩa Việt Nam");
    expect(decodeLegacy("Tröôøng", "vni")).toBe("Trường");
    expect(decodeLegacy("BAÙO CAÙO", "vni")).toBe("BÁO CÁO");
    expect(decodeLegacy("naêm", "vni")).toBe("năm");
  });

  test.each<LegacyEncoding>(["tcvn3", "vni"])("catalogue texts survive %s encoding and are recognised", (enc) => {
    for (const text of CATALOGUE_TEXTS) {
      const legacy = encodeLegacy(text, enc);
      expect(decodeLegacy(legacy, enc)).toBe(text);
      // One-word units ("người", "lượt") are too short to tell apart; on a sheet the other cells decide.
      const detected = detectLegacyEncoding(legacy, text.includes(" ") ? null : enc);
      // TCVN3 "hộ" is "hé", itself an ordinary word: text like that is rightly left alone.
      // eslint-disable-next-line no-control-regex -- "plain ASCII" includes the control characters
      const readableAsUnicode = /^[\x00-\x7fàáâãèéêìíòóôõùúý]*$/i.test(legacy);
      if (!readableAsUnicode) expect([text, detected]).toEqual([text, enc]);
    }
  });

  test("every Vietnamese lower-case letter survives a VNI and a TCVN3 round trip", () => {
    const letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";
    for (const enc of ["tcvn3", "vni"] as const) {
      for (const c of Array.from(letters)) expect(decodeLegacy(encodeLegacy(c, enc), enc)).toBe(c);
    }
    const capitals = letters.toUpperCase();
    for (const c of Array.from(capitals)) expect(decodeLegacy(encodeLegacy(c, "vni"), "vni")).toBe(c);
  });
});
