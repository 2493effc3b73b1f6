// The default indicator catalogue, targets and unit-type mapping, taken from the plans in shared/seeds.
// The master workbook holds its own copy: a commune edits it there, not here.
import type { Indicator, IndicatorKind, Target, UnitTypeIndicators } from "./types";

const CADRES = "Tổng số cán bộ, công chức, viên chức, người lao động khu vực công";
const ADULTS = "Dân số trong độ tuổi trưởng thành";

function ind(code: string, name: string, kind: IndicatorKind, uom: string, denominatorName = ""): Indicator {
  return { code, name, denominatorName, kind, uom };
}

export const DEFAULT_CATALOGUE: readonly Indicator[] = [
  ind("CT01", "Cán bộ, công chức, viên chức, người lao động khu vực công có hiểu biết, kỹ năng số", "ratio", "người", CADRES),
  ind("CT02", "Học sinh được trang bị kiến thức, kỹ năng số", "ratio", "học sinh", "Tổng số học sinh"),
  ind("CT03", "Người dân trưởng thành có tri thức cơ bản về chuyển đổi số, kỹ năng số", "ratio", "người", ADULTS),
  ind("CT04", "Người dân trưởng thành được xác nhận đạt phổ cập kỹ năng số trên VNeID (lũy kế)", "ratio", "người", ADULTS),
  ind("CT05", "Người lao động trong doanh nghiệp, hợp tác xã có kỹ năng số", "ratio", "người", "Tổng số người lao động trong doanh nghiệp, hợp tác xã"),
  ind("CT06", "Công dân từ 16 tuổi kích hoạt định danh điện tử VNeID mức độ 2", "ratio", "người", "Công dân từ 16 tuổi"),
  ind("MH01", "Đại sứ số (mentor) đang hoạt động", "stock", "người"),
  ind("MH02", "Người học (mentee) được Đại sứ số hướng dẫn (lũy kế)", "stock", "người"),
  ind("MH03", "Nhân sự hỗ trợ người dân làm thủ tục trên Cổng dịch vụ công", "stock", "người"),
  ind("MH04", "Hộ gia đình số (có ít nhất 01 thành viên tham gia học tập)", "ratio", "hộ", "Tổng số hộ gia đình"),
  ind("MH05", "Tiểu thương, nông dân được đào tạo theo mô hình 4T", "flow", "người"),
  ind("MH06", "Tài khoản ngân hàng số được hỗ trợ mở", "flow", "tài khoản"),
  ind("MH07", "Tổ công nghệ số cộng đồng đang hoạt động", "stock", "tổ"),
  ind("MH08", "Thành viên Tổ công nghệ số cộng đồng", "stock", "người"),
  ind("MH09", "Buổi học cộng đồng đã tổ chức", "flow", "buổi"),
  ind("MH10", "Lượt người dân tham gia buổi học cộng đồng", "flow", "lượt"),
  ind("MH11", "Lớp Bình dân học vụ số cho người cao tuổi", "flow", "lớp"),
  ind("MH12", "Lượt người cao tuổi tham gia lớp học", "flow", "lượt"),
  ind("MH13", "Lớp phổ cập kỹ năng số cho người khuyết tật", "flow", "lớp"),
  ind("MH14", "Lượt người khuyết tật tham gia lớp học", "flow", "lượt"),
  ind("MH15", "Lượt đoàn viên, thanh niên tình nguyện tham gia chiến dịch", "flow", "lượt"),
  ind("MH16", "Người hoàn thành khóa học trên nền tảng Bình dân học vụ số (lũy kế)", "stock", "người"),
  ind("TT01", "Tin, bài, phóng sự tuyên truyền", "flow", "tin bài"),
  ind("TT02", "Lượt phát thanh trên hệ thống truyền thanh cơ sở", "flow", "lượt"),
  ind("TT03", "Băng rôn, pano, áp phích tuyên truyền", "flow", "cái"),
];

function pct(indicator: string, year: number, value: number, op: ">=" | ">" = ">="): Target {
  return { indicator, year, op, value, isPercent: true };
}

/** Targets of the Dương Hưu 2026 plan and the provincial plans (section III, items a-đ). */
export function defaultTargets(year: number): Target[] {
  const full = year >= 2026;
  return [
    pct("CT01", year, full ? 1 : 0.8),
    pct("CT02", year, 1),
    pct("CT03", year, full ? 1 : 0.8),
    pct("CT04", year, year >= 2027 ? 0.8 : 0.7),
    pct("CT05", year, full ? 1 : 0.8),
    pct("CT06", year, 1),
    { indicator: "MH03", year, op: ">=", value: 1, isPercent: false },
    pct("MH04", year, 1),
  ];
}

/** Which indicators each type of unit reports, from the plans' task lists. */
export const DEFAULT_UNIT_TYPES: readonly UnitTypeIndicators[] = [
  { type: "Công an", indicators: ["CT04", "CT06", "MH16"] },
  { type: "Trường học", indicators: ["CT02"] },
  { type: "Tổ công nghệ số cộng đồng", indicators: ["CT03", "MH01", "MH02", "MH03", "MH04", "MH07", "MH08", "MH09", "MH10"] },
  { type: "Phòng Văn hóa - Xã hội", indicators: ["CT01", "MH09", "MH10", "MH11", "MH12", "MH13", "MH14", "TT01", "TT02", "TT03"] },
  { type: "Phòng Kinh tế", indicators: ["CT05", "MH05", "MH06"] },
  { type: "Đoàn Thanh niên", indicators: ["MH15"] },
];

/** The mapping row for a unit type: the type compared without case or surrounding spaces. */
export function unitTypeMapping(unitTypes: readonly UnitTypeIndicators[], type: string): UnitTypeIndicators | undefined {
  const wanted = type.trim().toLowerCase();
  return unitTypes.find((t) => t.type.trim().toLowerCase() === wanted);
}
