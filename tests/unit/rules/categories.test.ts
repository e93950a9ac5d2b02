import { describe, expect, it } from 'vitest';
import { checkMessage, compileRuleset, DEFAULT_PACK, type CategoryId } from '@/lib/rules/index';

const rs = compileRuleset(DEFAULT_PACK);
const cats = (text: string): CategoryId[] => checkMessage(text, rs).map((f) => f.category);

describe('positives per category', () => {
  it.each<[CategoryId, string]>([
    // scam
    ['scam', 'Ngân hàng thông báo tài khoản của quý khách sắp bị khóa, cung cấp mã OTP để gia hạn.'],
    ['scam', 'Alo, đây là cán bộ viện kiểm sát, anh liên quan đường dây ma túy, chuyển toàn bộ tiền vào tài khoản an toàn.'],
    ['scam', 'Chúc mừng số thuê bao của bạn trúng thưởng xe SH, vui lòng chuyển 500.000đ phí hồ sơ để nhận quà.'],
    ['scam', 'Việc nhẹ lương cao, làm tại nhà 2 tiếng mỗi ngày, nạp tiền làm nhiệm vụ nhận hoa hồng.'],
    ['scam', 'Công an phường yêu cầu anh xác minh tài khoản ngay trong 24h nếu không sẽ bị khóa tài khoản.'],
    ['scam', 'Điện lực thông báo nhà bạn quá hạn tiền điện, chuyển khoản ngay vào stk 1903 4567 8901 23 để tránh cắt điện.'],
    ['scam', 'Chúc mừng khách hàng may mắn nhận quà tri ân, bấm vào link bit.ly/qua-tri-an để nhận thưởng.'],
    ['scam', 'c-h-u-y-e-n k-h-o-a-n ngay cho cán bộ tòa án để xác minh tài khoản, sắp bị khóa rồi'],
    ['scam', 'Ngan hang thong bao tai khoan sap bi khoa, cung cap ma OTP ngay de xac minh tai khoan'],
    ['scam', 'Anh gửi mã OTP vừa nhận cho em để nhận quà tri ân khách hàng nhé, hết hạn trong 24h'],
    // strange-link
    ['strange-link', 'xem video này hay lắm is.gd/aBcDeF'],
    ['strange-link', 'Truy cập http://103.56.158.12/login để xem'],
    ['strange-link', 'Tải phần mềm kê khai thuế mới: http://tongcucthue-gov.com/etax.apk'],
    ['strange-link', 'Đóng phạt nguội tại csgt-vn.online trước ngày 30'],
    // advertising
    ['advertising', 'Bán vải thiều Lục Ngạn loại 1, 35k/kg, đặt hàng inbox mình nha'],
    ['advertising', 'Bên em nhận sửa chữa điện nước tại nhà, giá cả hợp lý, gọi 0968.123.456'],
    ['advertising', 'Khai trương quán bún chả đầu làng, giảm giá 20% trong tuần đầu'],
    ['advertising', 'Cần bán xe Wave Alpha đời 2019, giá 9tr, ai quan tâm alo'],
    ['advertising', 'Mua 1 tặng 1 kem chống nắng, số lượng có hạn, chốt đơn ngay!!!'],
    ['advertising', 'Dạy kèm tiếng Anh tại nhà, học phí 150k/buổi, lh cô Mai'],
    ['advertising', 'Sỉ lẻ quần áo trẻ em, freeship toàn huyện, ib em nhé'],
    ['advertising', 'Tuyển cộng tác viên bán hàng online, thu nhập hấp dẫn'],
    ['advertising', 'Gạo tám thơm 25k/kg, ship tận nhà, ai cần ib em'],
    ['advertising', 'Thanh lý tủ lạnh cũ còn tốt 1tr5, liên hệ 0912 345 678'],
    // gambling-fortune
    ['gambling-fortune', 'Chốt số đề hôm nay: 39 - 93, ai chơi thì theo'],
    ['gambling-fortune', 'Nhận ghi lô, đề, xiên, trả thưởng nhanh'],
    ['gambling-fortune', 'Soi cầu bạch thủ miền Bắc chuẩn, nuôi lô khung 3 ngày'],
    ['gambling-fortune', 'Casino online uy tín, rút tiền 5 phút'],
    ['gambling-fortune', 'Thầy xem tử vi, bói bài, giải hạn, lh thầy Tư'],
    ['gambling-fortune', 'Kèo bóng đá tối nay MU chấp 1 trái, anh em vào tiền đi'],
    ['gambling-fortune', 'Lôôô đềềề uy tín, 1 ăn 80'],
    ['gambling-fortune', 'l.o.d.e online ghi qua zalo'],
    ['gambling-fortune', 'l0 d3 hôm nay về 27 nha ae'],
    ['gambling-fortune', 'Chơi tài xỉu, nổ hũ đổi thưởng tại nhà cái uy tín'],
    ['gambling-fortune', 'danh de online tra thuong cao, soi cau mien phi'],
    // sensitive-topic
    ['sensitive-topic', 'Mọi người chia sẻ bài này để tẩy chay bầu cử, chế độ này không đáng tin'],
    ['sensitive-topic', 'Đạo của tôi mới là chân lý, các đạo khác là tà giáo hết'],
    ['sensitive-topic', 'Người dân tộc ở bản trên lười lắm, không đáng được hỗ trợ'],
    ['sensitive-topic', 'Đả đảo chế độ độc tài, anh em xuống đường biểu tình đi'],
    ['sensitive-topic', 'Cái đảng này toàn lũ bán nước, phải lật đổ'],
    // abusive-language
    ['abusive-language', 'Mày ngu thế, hỏi câu gì cũng hỏi'],
    ['abusive-language', 'vl cái loa sáng nay ồn quá'],
    ['abusive-language', 'Đồ khốn nạn, dám đổ rác trước cửa nhà tao'],
    ['abusive-language', 'đ.m thằng nào lấy trộm gà nhà tao'],
    ['abusive-language', 'Cút ra khỏi nhóm đi thằng mặt l'],
    ['abusive-language', 'dcm bọn này'],
    ['abusive-language', 'vcl thật sự'],
    ['abusive-language', 'đồ óc chó'],
    ['abusive-language', 'Lão Tư hàng xóm già rồi mà thấy gái là nhìn chằm chằm, đồ dê'],
    ['abusive-language', 'thằng cha dê xồm đó đừng có bén mảng tới quán tôi nữa'],
    ['abusive-language', 'Cán bộ ăn hại, chẳng làm được gì cho dân'],
    ['abusive-language', 'thằng mất dạy kia'],
    ['abusive-language', 'đmmm lại mất điện'],
    ['abusive-language', 'V.C.L luôn'],
    // unverified-news
    ['unverified-news', 'KHẨN CẤP: tối nay có động đất mạnh ở miền Bắc, chia sẻ gấp!!!'],
    ['unverified-news', 'Nghe đồn sắp thu hồi đất cả thôn mà không đền bù, chưa biết thật giả'],
    ['unverified-news', 'Gửi tiếp cho 20 người trong danh bạ nếu không sẽ gặp xui xẻo'],
    ['unverified-news', 'Tin nóng: sắp có lệnh phong tỏa toàn huyện, chia sẻ ngay cho mọi người'],
    // story-shaped scams, soft lottery, calls to refuse, rumours with a hook, leaks of records (families, not corpus lines)
    ['scam', 'Mẹ ơi con mới đổi số, con đang cần gấp 3 triệu đóng viện phí, mẹ chuyển vào stk này giúp con'],
    ['scam', 'Vay nhanh không cần thế chấp, nợ xấu vẫn vay, chỉ cần căn cước, giải ngân trong ngày'],
    ['scam', 'Nhận hỗ trợ lấy lại tiền bị lừa qua mạng, phí trước 10%'],
    ['gambling-fortune', 'tối qua mơ thấy cá chép thì đánh con gì các bác'],
    ['gambling-fortune', 'Cô đồng nhận trục vong, giải hạn sao La Hầu cho gia chủ'],
    ['sensitive-topic', 'Cả xóm đừng đóng thuế nữa, nộp cho họ làm gì'],
    ['sensitive-topic', 'Bọn dân tộc ấy toàn ăn bám, đừng cho ở gần'],
    ['abusive-language', 'câm cái mõm vào, đồ vô liêm sỉ'],
    ['unverified-news', 'Nghe nói tuần sau cấm lưu thông xe máy cũ, truyền tay nhau nhé'],
    ['classified-info', 'Em chụp được danh sách người nhiễm HIV của trạm y tế, chưa công khai đâu'],
    // classified-info
    ['classified-info', 'Chụp cho mọi người xem công văn TỐI MẬT về kế hoạch giải phóng mặt bằng, đừng nói là em gửi'],
    ['classified-info', 'Đây là tài liệu mật của huyện, mọi người xem rồi xóa nhé'],
    ['classified-info', 'Văn bản nội bộ chưa công bố về nhân sự xã, em chụp được'],
    ['classified-info', 'Tài liệu tuyệt mật về quy hoạch, đừng để lộ ra ngoài'],
  ])('%s ← %s', (cat, text) => {
    expect(cats(text)).toContain(cat);
  });
});

describe('tricky negatives stay clean', () => {
  it.each([
    'Đề nghị các hộ chăn nuôi tiêm phòng lở mồm long móng cho trâu bò trước ngày 15.',
    'Lô đất đấu giá tại khu Đồng Mả đã có kết quả, danh sách niêm yết tại UBND xã.',
    'Lô hàng cứu trợ của thôn đã đến nơi an toàn, cảm ơn cả nhà.',
    'Nhà ông Ba nuôi đàn dê mười con, con dê đực đầu đàn to nhất xóm, đồ để chuồng dê thì để ngoài vườn',
    'Mọi người đi qua đê xóm Trại chú ý, mặt đê đang sửa, đồ đạc để gọn vào lề',
    'Cây cầu qua mương xóm Bến đã được xã đưa vào kế hoạch sửa chữa.',
    'Đề án xây dựng nông thôn mới nâng cao đã được thông qua.',
    'Huyện Đoàn tổ chức ngày hội tư vấn du lịch nghề nghiệp cho thanh niên.',
    'Phòng Giáo dục thông báo tuyển sinh lớp 1 trực tuyến.',
    'Hướng dẫn sử dụng ứng dụng VNeID để tích hợp giấy phép lái xe.',
    'Giá trị sản xuất nông nghiệp năm nay tăng, bao gồm cả chăn nuôi.',
    'Thực hiện nghị quyết của Đảng ủy xã về xây dựng nông thôn mới.',
    'Chùa Phúc Lâm tổ chức lễ Phật đản, mời phật tử và bà con đến dự.',
    'Giáo xứ thông báo giờ lễ Giáng sinh: 19h tối 24/12.',
    'Nhà ai có xe máy biển 99 để trước cổng trường ra dắt vào giúp với ạ',
    'Xin phép cả nhóm, tối nay nhà em có đám giỗ nên hơi ồn, mong bà con thông cảm ạ.',
    'Báo cáo: Tổ CNS đã hỗ trợ 37 hộ kích hoạt VNeID, 12 hộ mở tài khoản ngân hàng.',
    'Thông báo: từ ngày 1/1 bà con nộp học phí bằng chuyển khoản, nhà trường không thu tiền mặt.',
    'Bé nhà em ngủ rồi, mai em mang sang nhé',
    'Hạt óc chó tốt cho sức khỏe người già đấy các cụ ạ',
    'Mật ong rừng nhà em tự lấy, cho các cụ dùng thử',
    'Đổi mật khẩu VNeID thế nào ạ?',
    'Con chó nhà em hôm qua đi lạc, ai thấy báo em với',
    'Các cụ trên 80 tuổi nhận quà mừng thọ tại nhà văn hóa, mang theo căn cước.',
    'Số trực trạm y tế ngoài giờ: 0204 3821 115, hoặc gọi 115 cấp cứu.',
    'Ai nhặt được ví có CCCD tên Nguyễn Văn Thắng cho em xin lại, em hậu tạ. SĐT 0983 214 567',
    'Dạ năm nay người thứ nhất đóng 1.263.600đ/năm, chị nộp ở bưu điện xã.',
    'Hướng dẫn đăng ký tạm trú online qua Cổng dịch vụ công: https://dichvucong.bocongan.gov.vn',
    'Tin chính thức từ Báo Bắc Ninh: https://baobacninh.vn/',
    'Video hướng dẫn thanh toán tiền điện: https://www.youtube.com/watch?v=abc123XYZ',
    'Thôn phát động quyên góp ủng hộ đồng bào vùng lũ, mỗi hộ ủng hộ tùy tâm.',
    'Giải bóng đá thiếu niên thôn khai mạc chiều Chủ nhật, mời bà con ra cổ vũ.',
    'Hội nghị học tập chuyên đề về phòng chống tham nhũng, đề nghị đảng viên tham dự.',
    'Chế độ chính sách cho người có công được chi trả tại UBND xã.',
    'Các đồng chí lãnh đạo xã về dự lễ khánh thành nhà văn hóa.',
    'Trận này đội mình chơi hay quá, đá đẹp thật',
    'Ông nội em hay kể chuyện ngày xưa đi chợ phiên vui lắm',
    'Nhà em có thịt xiên nướng ngon, mời bà con sang ăn cùng cho vui',
    'Giá lúa hôm nay thương lái trả 8 nghìn, năm nay được giá các bác ạ',
    'Ông bà ta nói cờ bạc là bác thằng bần, con cháu tránh xa lô đề nhé',
    'Mẹ em nhận được cuộc gọi xưng là công an đòi chuyển tiền, mẹ cúp máy luôn rồi',
    'Trạm y tế thông báo khám sức khỏe miễn phí cho người cao tuổi, mang theo thẻ BHYT',
    'Danh sách hộ nghèo năm nay đã niêm yết công khai tại nhà văn hóa thôn',
  ])('clean: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
});

describe('context: warnings and official notices', () => {
  it.each([
    'Cảnh giác: kẻ gian gửi tin nhắn giả mạo ngân hàng kèm đường link, bà con không bấm vào, không cung cấp OTP.',
    'Bà con cảnh giác nhé, không bấm link lạ, không cung cấp mã OTP cho bất kỳ ai kể cả người xưng là nhân viên ngân hàng',
    'Đề phòng thủ đoạn giả danh công an gọi điện yêu cầu chuyển tiền vào tài khoản an toàn.',
    'Công an không bao giờ yêu cầu chuyển tiền qua điện thoại, bà con tuyệt đối không chuyển.',
    'Bà con nhận được tin nhắn trúng thưởng yêu cầu chuyển phí nhận quà thì đó là lừa đảo, đừng tin.',
    'canh bao: co nguoi goi dien noi con bi tai nan doi chuyen tien gap, mn goi lai cho con truoc, dung chuyen tien',
    'Không chuyển tiền, không cung cấp OTP cho người lạ dù họ xưng là cán bộ ngân hàng.',
    'Lưu ý: kẻ gian mạo danh điện lực nhắn tin đòi tiền điện kèm link lạ, bà con đừng bấm.',
  ])('warning about scams is clean: %s', (text) => {
    const got = cats(text);
    expect(got).not.toContain('scam');
    expect(got).not.toContain('strange-link');
  });

  it.each([
    ['nếu không cung cấp OTP tài khoản sẽ bị khóa vĩnh viễn, ngân hàng yêu cầu xác minh tài khoản', 'scam'],
    ['Ngân hàng yêu cầu quý khách không được nói với ai, cung cấp mã OTP để hủy giao dịch', 'scam'],
  ] as const)('a conditional "nếu không" is not a negation: %s', (text, cat) => {
    expect(cats(text)).toContain(cat);
  });
});

describe('flags carry clause, severity, action, explanation', () => {
  it.each<[string, CategoryId, string]>([
    ['Alo, đây là cán bộ viện kiểm sát, chuyển toàn bộ tiền vào tài khoản an toàn ngay', 'scam', 'III.2(2)'],
    ['Nhận ghi lô, đề, xiên, trả thưởng nhanh', 'gambling-fortune', 'III.2(4)'],
    ['Bán vải thiều 35k/kg, inbox mình', 'advertising', 'III.2(4)'],
    ['Mày ngu thế', 'abusive-language', 'III.2(5)'],
    ['Tài liệu tuyệt mật của huyện đây', 'classified-info', 'III.2(1)'],
  ])('%s → %s %s', (text, cat, clause) => {
    const f = checkMessage(text, rs).find((x) => x.category === cat);
    expect(f).toBeDefined();
    expect(f?.clause).toBe(clause);
    expect(f?.explanation).toMatch(/^Tin nhắn .+\.$/);
    expect(f?.evidence.length).toBeGreaterThan(0);
  });

  it('scam suggests removal, a mild ad a reminder', () => {
    const scam = checkMessage('Alo, đây là cán bộ viện kiểm sát, yêu cầu chuyển toàn bộ tiền vào tài khoản an toàn.', rs)[0];
    expect(scam.category).toBe('scam');
    expect(scam.action).toBe('propose-removal');
    const ad = checkMessage('Bán vải thiều 35k/kg, inbox mình', rs)[0];
    expect(ad.category).toBe('advertising');
    expect(ad.action).toBe('remind');
  });

  it('returns flags in category order, one per category', () => {
    const flags = checkMessage('Tuyển cộng tác viên chốt đơn online, hoa hồng cao, nạp tiền làm nhiệm vụ tại bit.ly/abc', rs);
    const order = flags.map((f) => f.category);
    expect(order).toEqual(['strange-link', 'scam', 'advertising']);
    expect(new Set(order).size).toBe(order.length);
  });

  it.each(['', '   ', '👍👍👍', '1234', '...'])('no flags for trivial input %j', (text) => {
    expect(checkMessage(text, rs)).toEqual([]);
  });
});
