import { parseCsv } from "./csv";

test("reads Excel's CSV: BOM, quotes, semicolons, CRLF", () => {
  expect(parseCsv('\ufeffMã đơn vị,Tên đơn vị\r\nCA,"Công an xã, Hòa Bình"\r\n')).toEqual([
    ["Mã đơn vị", "Tên đơn vị"],
    ["CA", "Công an xã, Hòa Bình"],
  ]);
  expect(parseCsv('Mã đơn vị;Tên đơn vị\nT1;"Tổ ""số"" 1"\nT2;')).toEqual([
    ["Mã đơn vị", "Tên đơn vị"],
    ["T1", 'Tổ "số" 1'],
    ["T2", null],
  ]);
});
