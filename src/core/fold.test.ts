import { foldCompact, foldText } from "./fold";

test("folds case, diacritics, spacing and decomposed Unicode alike", () => {
  const nfc = "Đại sứ số (mentor) đang hoạt động";
  const nfd = nfc.normalize("NFD");
  expect(foldText(nfd)).toBe(foldText(nfc));
  expect(foldText("  ĐẠI   SỨ số\u00a0(Mentor) đang hoạt động ")).toBe("dai su so (mentor) dang hoat dong");
  expect(foldCompact("Mã  đơn-vị:")).toBe("madonvi");
});
