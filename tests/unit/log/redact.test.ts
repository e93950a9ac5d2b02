import { describe, expect, it } from 'vitest';
import { initials, maskDigits, redactText } from '@/lib/log/redact';

const ALL = { phones: true, idNumbers: true };

describe('redactText', () => {
  it.each([
    ['mobile with spaces', 'Gọi 0912 345 678 nhé', 'Gọi **** *** 678 nhé'],
    ['mobile with dots', 'lh 0912.345.678', 'lh ****.***.678'],
    ['mobile with dashes', 'ĐT: 0968-123-456.', 'ĐT: ****-***-456.'],
    ['mobile glued', 'alo 0987654321 ngay', 'alo *******321 ngay'],
    ['+84 form', 'Zalo +84 912345678', 'Zalo +** ******678'],
    ['84 form', 'số 84912345678 nhé', 'số ********678 nhé'],
    ['landline', 'Trạm y tế: 0222 3856 789', 'Trạm y tế: **** **** 789'],
    ['CCCD 12 digits', 'căn cước 001204012345 của tôi', 'căn cước *********345 của tôi'],
    ['CMND 9 digits', 'CMND 125678901', 'CMND ******901'],
    ['bank account after STK', 'STK: 1903 5678 9012 Techcombank', 'STK: **** **** *012 Techcombank'],
    ['bank account after stk with bank name', 'stk Vietcombank 0071000123456', 'stk Vietcombank **********456'],
    ['bank account after số tài khoản', 'chuyển vào số tài khoản 123456789012345 Agribank', 'chuyển vào số tài khoản ************345 Agribank'],
    ['bank account unaccented', 'so tai khoan: 19035678901', 'so tai khoan: ********901'],
    ['two numbers', 'gọi 0912345678 hoặc 0987654321', 'gọi *******678 hoặc *******321'],
  ])('masks %s', (_l, input, expected) => {
    expect(redactText(input, ALL)).toBe(expected);
  });

  it.each([
    ['money amounts', 'chuyển 990.000đ phí vận chuyển'],
    ['dates and times', 'họp lúc 8h ngày 15/12/2025'],
    ['short numbers', 'xe biển 99, phòng 203, 37 hộ'],
    ['a year', 'Wave Alpha đời 2019 giá 9tr'],
    ['11-digit number not a phone', 'mã hồ sơ 12345678901'],
    ['no number at all', 'Kính mời bà con dự họp thôn'],
  ])('leaves %s alone', (_l, input) => {
    expect(redactText(input, ALL)).toBe(input);
  });

  it.each([
    [{ phones: false, idNumbers: true }, 'gọi 0912345678, CCCD 001204012345', 'gọi 0912345678, CCCD *********345'],
    [{ phones: true, idNumbers: false }, 'gọi 0912345678, CCCD 001204012345', 'gọi *******678, CCCD 001204012345'],
    [{ phones: false, idNumbers: false }, 'gọi 0912345678, CCCD 001204012345', 'gọi 0912345678, CCCD 001204012345'],
  ])('follows the switches %o', (opts, input, expected) => {
    expect(redactText(input, opts)).toBe(expected);
  });

  it('keeps the last 3 digits and the separators', () => {
    expect(maskDigits('0912 345 678')).toBe('**** *** 678');
    expect(maskDigits('12')).toBe('12');
  });
});

describe('initials', () => {
  it.each([
    ['Nguyễn Văn An', 'N.V.A.'],
    ['trần thị bích ngọc', 'T.T.B.N.'],
    ['Đặng   Hữu  Ước', 'Đ.H.Ư.'],
    ['  Lan  ', 'L.'],
    ['Hoa 🌸 Nguyễn', 'H.N.'],
    ['Nguye\u0302\u0303n Văn Ơn', 'N.V.Ơ.'],
    ['', ''],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
