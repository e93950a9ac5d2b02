/**
 * Structural signals that carry over to new wording (none of these lines is in a corpus file).
 */
import { describe, expect, it } from 'vitest';
import { checkMessage, compileRuleset, DEFAULT_PACK, parsePack, type CategoryId } from '@/lib/rules/index';
import { countTermHits } from '@/lib/rules/engine';
import { hasInsider } from '@/lib/rules/categories/insider';
import { compileModel } from '@/lib/rules/model/compile';
import { matchMessage } from '@/lib/rules/engine/match';
import { NEGATION_REACH, negationReach } from '@/lib/rules/engine/compile';
import { b64, tinyModel } from './tiny-model';

const rs = compileRuleset(DEFAULT_PACK);
const rulesAlone = compileRuleset(DEFAULT_PACK, { model: null });
const cats = (text: string): CategoryId[] => checkMessage(text, rs).map((f) => f.category);

describe('shapes flag new wording', () => {
  it.each<[CategoryId, string]>([
    // scam: a money request with an amount × a story (new number, emergency), wherever the verbs vary
    ['scam', 'Chú ơi cháu là Tùng đây, cháu đổi số mới, chú chuyển tạm cho cháu 4 triệu đóng viện phí cho mẹ, tối cháu gọi giải thích sau'],
    ['scam', 'Bác ơi em là shipper, đơn COD 350k của bác em để ở cổng rồi, bác chuyển khoản trước giúp em nhé em vội'],
    ['scam', 'Em là trưởng phòng tuyển dụng, không cần phỏng vấn, đóng 3 triệu tiền hồ sơ qua tài khoản anh là đi làm ngay'],
    // scam + offer → also an ad (paid illegal service)
    ['advertising', 'Nhận làm bằng lái B2 không cần thi, bao tra cứu, giá 6tr, ai cần ib'],
    // gambling: a number pick with a betting verb, accented or not
    ['gambling-fortune', 'Tối nay ghi cho anh 50 điểm con 27 nhé'],
    ['gambling-fortune', 'mai danh 18 voi 81 nha ae, dau 1 dit 8'],
    // a store's name made into a lookalike host
    ['scam', 'Tai app cskh dien luc ban moi o day: play.google.com.vn-app.top/evn-cskh.apk nhap tai khoan de nhan hoan tien'],
    // a chain letter by its own words ("tin nhắn linh thiêng", "dừng lại ở mình") with its order to pass it on
    ['unverified-news', 'Tin nhắn linh thiêng từ chùa Hương: đọc xong gửi cho 9 người bạn, ai để dừng lại ở mình thì con cháu làm ăn lận đận'],
    // a rumour quoted and passed on with a worry word is still the rumour
    ['unverified-news', 'Nghe nói "tuần sau cắt điện cả xã 5 ngày để thay trạm biến áp", nhà nào có máy phát thì chuẩn bị, cẩn thận nhé'],
    // quotes used for emphasis, the pick itself outside them
    ['gambling-fortune', 'Soi cầu "chuẩn 99%" hôm nay: đề về 36, lô 27-72, ib em vào nhóm VIP'],
    // sensitive: target × generaliser/derogation, calls to action
    ['sensitive-topic', 'Người Dao trên núi toàn là lười biếng, hỗ trợ bao nhiêu cũng phí'],
    ['sensitive-topic', 'Năm nay cả xóm không treo cờ ngày quốc khánh, treo cho ai xem'],
    ['sensitive-topic', 'Thanh niên trong thôn đừng đi khám nghĩa vụ, đi lính chỉ khổ thân'],
    ['sensitive-topic', 'Bọn theo đạo lạ ở xóm trên là tà đạo, phải đuổi hết về'],
    // unverified: hearsay × alarm, fake authority × alarm × spread, insider source × alarm
    ['unverified-news', 'Nghe phong thanh tuần sau cắt nước cả huyện 5 ngày, nhà nào có thùng thì tích nước đi'],
    ['unverified-news', 'Bộ Y tế cảnh báo: ăn chuối với sữa là gây ung thư, hãy chia sẻ cho người thân'],
    ['unverified-news', 'Cháu tôi làm ở ngân hàng nói tháng sau đổi tiền, tiền cũ hết hạn sử dụng, rút hết tiền ra mua vàng'],
    // classified: protected record × leak channel × not yet published
    ['classified-info', 'Chị làm ở trạm y tế gửi danh sách những người nhiễm HIV trong xã, đừng nói là chị gửi nhé'],
    ['classified-info', 'Bản nháp kế hoạch luân chuyển cán bộ huyện chưa ký, em chụp từng trang gửi mọi người'],
    // abusive: profanity and threats
    ['abusive-language', 'Mẹ kiếp, đường làng lại ngập'],
    ['abusive-language', 'Mày còn nói nữa tao qua tận nhà đập bể mỏ'],
    // profanity masked with an asterisk, as people type it to get past filters
    ['abusive-language', 'Bọn trẻ ngoài quán chửi nhau đ*t mẹ ầm cả xóm'],
  ])('%s: %s', (cat, text) => {
    expect(cats(text)).toContain(cat);
  });
});

describe('a betting or fortune-telling pitch retold in quotes to warn about it stays under the rules\' threshold', () => {
  // The rules alone: the model judges these words on its own and may still flag the message.
  const rules = compileRuleset(DEFAULT_PACK, { model: null });
  it.each([
    'Chi doan nhac cac ban tre: link moi "tai xiu doi thuong, nap 50k nhan 500k" gui qua Messenger thi xoa ngay nhe',
    'Thay co ong thay boi den xom rao "xem boi dat ten cho con, giai han sao xau", ba con can than keo mat tien oan',
  ])('%s', (text) => {
    expect(checkMessage(text, rules).map((f) => f.category)).not.toContain('gambling-fortune');
    // The same pitch said outright is flagged.
    const pitch = text.match(/"([^"]+)"/)![1]!;
    expect(checkMessage(pitch, rules).map((f) => f.category)).toContain('gambling-fortune');
  });
});

describe('context keeps lookalikes clean', () => {
  it.each([
    // retold scam in quotes, with the authority named by the warning
    'Bố em vừa bị gọi kiểu "con đang cấp cứu, chuyển gấp 20 triệu vào số này". Công an không bao giờ thu tiền như vậy, ai gặp thì báo 113.',
    // wording quoted with the writer's stance against it outside the quotes: a debunk, a verdict, the admin's rules
    'Ai bảo "uống nước lá ổi chữa khỏi sốt xuất huyết, chia sẻ ngay" là bịa đặt, trạm y tế xã đã giải thích rồi',
    'Admin nhắc: bạn nào vừa gọi người khác là "đồ mất dạy, óc lợn" trong nhóm là vi phạm nội quy, lần sau mời ra',
    'Mấy tin "nạp 100k nhận 1 triệu, rút tiền ngay trong ngày" toàn lừa, bà con đừng nạp đồng nào nhé',
    // a warning in Southern words ("bị gạt"), a quoted pitch called an old trick, a commune loan group's own invite
    'Cô tui suýt bị gạt: có đứa gọi nói con cô bị tai nạn, chuyển gấp 15 triệu viện phí, may cô gọi lại cho con trước',
    'Công an phường nhắc: tin "mẹ ơi con bị tai nạn, chuyển gấp 10 triệu viện phí vào số này" là chiêu cũ, bà con gọi lại cho con để kiểm tra',
    'Nhóm của tổ tiết kiệm vay vốn xóm Đông để báo lịch nộp lãi, hộ vay vào đây: zalo.me/g/totkvv_xomdong',
    // an app file named in a warning, with no lure words
    'Bà con không cài file VNeID.apk do người lạ gửi qua Zalo nhé, công an xã nhắc',
    // letters of a link are nobody's words; a swear's folded form is also everyday words ("de mo" is "để mở")
    'Nhóm Zalo của xóm trọ cô Hạnh để báo tiền điện nước, ai mới đến thì vào: https://zalo.me/g/xomtro-cohanh-vl',
    'VCB: the cua Quy khach tam khoa do nhap sai ma PIN 3 lan, de mo khoa vui long den quay giao dich gan nhat',
    // a telco's own texts: quoted after a member's question, or with its free line at the end of a sentence
    'Gói này có lời không mọi người, tin Viettel gửi: "Viettel: Dang ky goi V90 chi 90.000d/thang, 1GB/ngay. Soan DK V90 gui 191 (mien phi). Tu choi QC soan TC gui 199"',
    'MobiFone: Quy khach nap the 50.000d thanh cong, duoc tang 20% vao TK khuyen mai. Chi tiet LH 18001090.',
    // a sign-in from a new device, to be locked in the app itself
    'VssID: Tai khoan cua ban vua duoc xac thuc tren thiet bi moi Samsung A15. Neu khong phai ban, vui long dang nhap ung dung VssID de doi mat khau.',
    // a loan asked of a named neighbour, to be paid back, with no account or number to send it to
    'Chú Ba ơi cho cháu mượn tạm 2 triệu đóng học cho thằng út, cuối tháng bán heo cháu gửi lại liền',
    // a rumour called old news, and the advice not to pass it on
    'Vụ "nước giếng khoan nhiễm thạch tín, uống vào ung thư" là tin cũ từ năm ngoái, trạm y tế đã xét nghiệm rồi, bà con đừng gửi lại nữa',
    // a shopper telling what the market had
    'Sáng ra chợ thấy mực lá giá rẻ quá, người ta bán có 180 một ký, chắc ghe về nhiều',
    // the group's rules restated, the forbidden ads named
    'Admin nhắc: nhóm không cho đăng bán xe, cho thuê phòng trọ, mấy tin "bán gấp giá rẻ" admin sẽ xóa nha cả nhà',
    // a raid reported, the pitch quoted
    'Mấy đứa ngồi quán bàn nhau "tối nay ghi đề con gì" thì về nhắc nhau đi, công an huyện vừa bắt một ổ ghi đề ở chợ',
    // a paid ritual quoted, with the advice to refuse it
    'Có người đến nhà bảo phải "cúng giải hạn cho xe mới" mới hết xui, đòi 3 triệu, các bác cứ từ chối, không ai bắt cúng cả',
    // the admin's rule against words it quotes; a rumour checked and denied; a fee denied; a question whether it is true
    'Nhắc cả nhóm: cãi nhau về ranh giới đất thì được, nhưng không dùng từ "đồ mất nết", "đồ vô học" với nhau nữa',
    'Tin "có xe lạ bắt cóc trẻ em ở đầu làng" đã được công an xã xác minh: đó là xe chở hàng, không có vụ bắt cóc nào',
    'Có người gọi báo "nộp 3 triệu để được xét hộ nghèo năm sau", xã không thu phí nào như vậy, ai gặp thì báo thôn',
    // a card payment notice, and money paid back
    'Bác nhờ xem: "Vietcombank: Giao dich the tai CUA HANG TIEN LOI AN PHAT so tien 315.000d." Bác mua thuốc đấy, tưởng bị trừ tiền oan',
    'Cô Lan ơi tiền cô cho con mượn tuần trước con chuyển khoản trả rồi nhé, 2 triệu, cô xem giúp con',
    // the state lottery talked about, with no pick, stake, price or contact
    'Xổ số miền Nam chiều nay giải đặc biệt về 613205, cô bán vé số ở chợ nói tuần này khu mình có người trúng giải phụ',
    // a benefit paid in, its amount written with dots, and the member's own plans for it
    'BHXH: Tro cap that nghiep cua ba Lo Thi Hoa muc 4.150.000d/thang chi tra qua tai khoan tu ngay 10 — vua du dong hoc phi cho con',
    // the writer pays back what was sent to them by mistake
    'Anh Sáu ơi, sáng nay anh chuyển nhầm cho em 300k ghi tiền phân bón, anh gửi em số tài khoản để em chuyển trả lại nha',
    // a near miss told, with its verdict on the pitch
    'Con bé nhà tôi suýt dính vụ "làm nhiệm vụ thả tim, nạp 200k nhận hoa hồng". Bắt nạp tiền trước thì lừa chứ còn gì',
    // an arrest for gambling reported: the model may not flag what the pack's cues mark as a report
    'Hôm qua công an bắt mấy ông chơi xóc đĩa ăn tiền ở bãi ngô, ai cũng bảo đáng',
    // "vỡ đầu" matches only accented: without accents it is as often "vô đầu", into the head
    'cuc da tren mai roi danh vo dau con bo',
    'ong ay ngu gat, cai den roi trung vo dau',
    // a loan or job offer quoted to warn about it is neither a scam nor an ad, for the rules or the model
    'Sang nay co so la nhan vao nhom "vay 30 trieu chi can CCCD, khong tham dinh, giai ngan lien" , admin da xoa roi, ba con dung goi so do',
    'Ai cũng nhận được tin "tuyển cộng tác viên bán hàng online, hoa hồng 30%, không cần vốn" đúng không, toàn lừa đấy, đừng nộp phí gì',
    // asking whether a rumour is true
    'Có ai nghe nói tháng sau cắt điện cả huyện không ạ? Em chưa thấy điện lực thông báo gì.',
    // a rumour corrected ("đính chính", "không có chủ trương"), or the advice not to believe it
    'Bà con không tin tin đồn "nhà máy nước sắp cắt nước cả tuần, dự trữ gấp", công ty cấp nước đã kiểm tra, chỉ sửa ống 2 tiếng',
    'xin dinh chinh: tin truong tieu hoc sap sap nhap, hoc sinh phai nghi hoc 1 thang, phong giao duc khong co chu truong do',
    // a payment already made to a named household
    'Kho bạc báo: đã chuyển 18.600.000đ tiền bồi thường hoa màu cho hộ ông Sầm Văn Pó vào tài khoản, ông Pó ra xã ký nhận nhé',
    // an app from the official store, with a provider's words in its path
    'Bà con tải app CSKH của Điện lực trên App Store để tra tiền điện, đăng ký nhận hóa đơn: https://apps.apple.com/vn/app/evncpc-cskh/id1188800042',
    // stances on quoted wording: an authority's denial, the words named as examples
    'Có nick Facebook đăng "tuyển 30 nữ đi Nhật làm việc nhà hàng, không cần tiếng, phí trọn gói 90 triệu, bao đậu visa". Sở Lao động khẳng định không có đợt tuyển nào như vậy.',
    'Nhac ca nhom: co ban go nhung tu nhu "do oc cho", "cam cai mom" trong nhom hom qua, to CNS da nhac rieng roi, co gi thi noi nhe nhang',
    // a body's own notice about records, and an admin's note that a leak was removed (for the model too)
    'Tram y te thong bao: danh sach tre chua tiem du mui soi la ban nhap, chua duoc hop xet, ai thac mac thi len tram hoi truc tiep, khong chup danh sach gui nhom.',
    'Hồi trưa có người đăng ảnh tờ trình nội bộ của xã, admin đã xóa. Bà con không chụp văn bản chưa công bố gửi lên đây.',
    // a pitch quoted under a warning's header
    'Cảnh báo bà con: có số lạ nhắn "anh chị được hỗ trợ vay 50 triệu lãi 0%, chuyển trước 1 triệu phí bảo hiểm vào stk 1903 5582 1100"',
    // a relative working somewhere is not a leak by itself
    'Con em làm ở bệnh viện tỉnh, hôm nay về thăm nhà, cả nhà vui lắm.',
    // ordinary political life, negation before a target noun
    'Chi bộ thôn họp lấy ý kiến nhân dân về dự thảo, ai không đi được thì báo trưởng thôn.',
    // a betting site's bonus is gambling + ad, never a scam (filler words do not build a combo)
    'Ai cần hỗ trợ cài Zalo thì nhắn em nhé, em hướng dẫn miễn phí mỗi ngày',
    // a list of scam signs with no way to reach anyone is advice, however many signs it names
    'Ban công an xã nhắc: dấu hiệu lừa đảo gồm nhắn tin báo trúng thưởng bắt nộp phí nhận quà, mời làm nhiệm vụ like video phải nạp tiền, gửi link cài ứng dụng dịch vụ công giả. Bà con không làm theo.',
    // a victim's story told to warn the others
    'Các bác cẩn thận với mấy người đến tận nhà mời góp vốn nuôi chim yến, ông Sáu xóm dưới bị mất 80 triệu rồi đấy.',
    // a bank's notice of the reader's own failed transaction, sending them to the counter
    'Thong bao: giao dich rut tien 3.000.000 VND tai ATM cua quy khach khong thanh cong do the het han. Vui long den phong giao dich gan nhat de doi the.',
    // published by the body that owns it
    'Danh sách trúng tuyển viên chức giáo dục huyện đã được Sở Nội vụ công bố trên cổng thông tin, ai có con em dự thi vào xem nhé.',
    // an admin cleaning up a leak
    'Em đã xóa tin có bảng lương cán bộ xã mà bạn Hòa gửi nhầm sáng nay, nhờ mọi người đừng chuyển tiếp ảnh đó nữa.',
    // a member asking whether a clip is real
    'Video bà con truyền nhau bảo sắp phát tiền hỗ trợ mỗi hộ 5 triệu, có phải thật không mọi người?',
    // asked without a question mark, and a rumour already denied
    'Nghe bảo sắp thu hồi sổ đỏ cấp trước năm 2000 có thật không ạ, nhà em sổ cũ lắm',
    'Chuyện giếng làng bị nhiễm độc là không đúng sự thật, trung tâm y tế huyện đã lấy mẫu nước xét nghiệm rồi, bà con yên tâm dùng.',
    'Nghe nói giá nước sạch từ tháng sau tăng 40% là đúng hay sai vậy mọi người, em không thấy công ty nước báo gì',
    'Có người đồn xe lạ vào thôn bắt chó ban đêm, em hỏi anh công an viên thì anh bảo chưa có vụ nào như vậy, đừng hoang mang nhé.',
    // denied in the words people type, without diacritics, and with no quotation marks
    'Vu dan mang len mang bao nuoc song bi nhiem dau tran la bia dat, phong tai nguyen huyen da lay mau, ket qua dat chuan',
    'Tin cả xã sắp bị cắt nước một tuần để làm đường ống là sai, công ty nước đã xác nhận chưa có kế hoạch nào, đừng chia sẻ',
    // a rumour quoted, with advice not to act on it by oneself
    'Ông Tám nhận tin "chú ơi cháu chuyển nhầm 4 triệu vào tài khoản chú, chú gửi lại cháu số này nhé". Công an xã dặn đừng tự chuyển lại, ra ngân hàng làm thủ tục',
    // a pasted balance notice names an account and a balance: the member's own, shown to say a fee is paid
    'Tin nhắn Vietinbank nhà em: "Số dư TK 10820xxxx giảm 1.350.000 VND lúc 08:10. ND: dong quy khuyen hoc thon". Vậy là nhà em xong phần đóng góp rồi nhé',
    // an admin listing the endings phishing sites use is not a link
    'To CNS nhac: gap tin nhan ngan hang co link duoi .xyz hay .top thi xoa di, dung bam vao',
    // teaching the rule on secrets is not a leak
    'Chiều nay các đồng chí trưởng thôn dự hội nghị quán triệt quy định về bảo vệ bí mật nhà nước tại hội trường xã.',
    // a commune body's free class, with its own group link
    'Hội phụ nữ và Đoàn xã mở lớp học nấu ăn miễn phí cho chị em, đăng ký trong nhóm: zalo.me/g/lopnauan_hoiphunu',
  ])('clean: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });

  // The rules alone, so the model's veto cannot hide what the rules do.
  it.each([
    // without accents "cho de" is "cho dễ" far more often than an insult
    'Em ke lai bang phan cong truc de cho de nhin, nha nao trung lich thi nhan em doi nhe',
    // every insult word quoted, with the admin's stance and nothing of the writer's own
    'Nhắc nhẹ: tin nhắn gọi bác Tư là "đồ mất dạy, đồ súc vật" tối qua vi phạm nội quy, admin đã xóa, ai tái phạm mời ra khỏi nhóm',
    // a teacher naming vulgar abbreviations: "tu ngu" is "từ ngữ", not an insult, and the verdict is a stance
    'Thay co dan: ke ca viet tat kieu "vcl", "dcm" cung la tu ngu tho tuc, nhom minh khong dung',
    // the writer as the buyer: a neighbour's recommendation
    'Nhà mình mua phân bón ở đại lý này giá tốt, giao tận ruộng, bà con cần thì ghé: https://phanbonvietnhat.vn/dai-ly',
    // … or the writer's family, or the writer who asked the price
    'Đại lý ở chợ có bán vé số kiến thiết Tết, ông tui mua 5 tờ cầu may thôi',
    'Tiệm thuốc tây thị trấn đang bán khẩu trang y tế, đặt trước lấy liền, em hỏi giá rồi, rẻ',
    // a call for blood donors names the patient's ward and whom to call: an appeal, not a rumour
    'Người nhà bác Tư nhập viện sốt xuất huyết nặng cần máu nhóm A, gọi ngay chị Thu 0912 xxx 604 ở khoa truyền nhiễm, cần gấp trong đêm nay',
    // a chain letter quoted to warn against it; a count of people with a wish, and no order to pass anything on
    'Bà con đừng tin mấy tin "gửi cho 11 người thì được phù hộ, không gửi sẽ gặp nạn", cha xứ nói đó là tin nhảm, xóa đi',
    'Trạm y tế gửi danh sách 15 người được cấp thẻ BHYT đợt này, chúc bà con năm mới bình an',
    'Xin ông bà tổ tiên phù hộ, con cháu đã gửi 2 mâm cỗ lên nhà thờ họ cho 30 người ăn',
    // an arrest in the police's own notice, denied, or of a thief (no official)
    'Công an huyện thông báo: đối tượng trộm xe máy ở thôn Đông đã bị bắt, bà con yên tâm',
    'Tin ông chủ tịch xã bị bắt là bịa đặt, xã đã có thông báo, ông vẫn làm việc bình thường',
    'Thằng trộm gà xóm trên bị bắt rồi, công an xã đang lấy lời khai',
    // a civic duty named with no refusal of it, or not done for want of the means
    'Nhắc bà con treo cờ Tổ quốc dịp Quốc khánh 2/9, nhà nào chưa có cờ thì lên nhà văn hóa nhận',
    'Hộ nghèo không phải đóng thuế đất, bà con yên tâm',
    'Sáng mai 7h đi bầu cử tại điểm bầu nhà văn hóa, mang căn cước',
    'Cột cờ nhà em bị gió làm gãy nên tuần này chưa treo cờ được, mai sửa xong treo lại',
    // a tournament's round, and food that looks good: no sexual remark
    'Vòng 1 giải bóng đá thôn đá sáng mai, đội xóm Đông gặp xóm Tây',
    'Quả mít nhà bác Tư trông ngon quá, nhìn mà thèm',
    // a chain's words in everyday requests; a handicap's numbers with no betting word
    'Ai không gửi ảnh thẻ thì tuần sau xã không làm kịp hồ sơ đâu nhé',
    'Trận chung kết tối nay đội nhà thắng 2-0, tỉ số hiệp một 1-0',
    'Kèo nhậu cuối tuần nhà ông Sáu, mỗi nhà mang 1.5 kg thịt nhé',
  ])('clean by the rules alone: %s', (text) => {
    expect(checkMessage(text, rulesAlone)).toEqual([]);
  });

  it.each<[CategoryId, string]>([
    // the same words from the seller
    ['advertising', 'Bên em chuyên phân bón giá tốt, giao tận ruộng, bà con cần thì ghé: https://phanbonvietnhat.vn/dai-ly'],
    // a "buyer" who leaves a number to call is a seller's shill
    ['advertising', 'Nhà em mua máy lọc nước ở đây giá tốt lắm, ai cần gọi 0912 448 160 gặp chị Hằng'],
    // "chị em mua lẻ": a seller speaking to women, not a family member who bought
    ['advertising', 'Kem chống nắng hàng Hàn, chị em mua lẻ hay mua sỉ đều được, ai lấy inbox em'],
    // a chain letter: an order to pass it on to a count of people or groups, with a blessing or a curse of its own
    ['unverified-news', 'Lời Bồ Tát dặn: ai đọc xong gửi lại cho 11 người trước khi trời tối thì được phù hộ cả năm, còn ai giữ lại sẽ gặp nạn'],
    ['unverified-news', 'Chép lại thư này gửi 7 nhóm trong 2 ngày thì ban phước, ai xóa đi sẽ gặp nạn'],
    ['unverified-news', 'Thư may mắn từ chùa Hương: chuyển tiếp cho 12 người bạn trong ngày, ai không chia sẻ thì cả nhà ốm đau'],
    ['unverified-news', 'Đọc xong gửi cho 9 người, ai không gửi thì năm nay gặp hạn, làm ăn thua lỗ'],
    // handicap odds next to a betting word
    ['gambling-fortune', 'kèo Việt Nam gặp Thái: VN +0.25, T 2.5'],
    ['gambling-fortune', 'Kèo Indo - Lào đây: Indo -1.5, xỉu 3.25, chốt trước 19h'],
    // the joined spelling of a betting word
    ['gambling-fortune', 'nhacai uy tin nhat mien bac, ae vao choi thu di'],
    ['gambling-fortune', 'lode hom nay ai can so thi nhan minh, chac an'],
    // the state lottery with a pick or a stake on it is betting
    ['gambling-fortune', 'Xổ số đài Cà Mau chiều nay, tui bao lô con 47 hai kỳ rồi, kỳ này dồn hết'],
    // a local official arrested or fled, told by a member
    ['unverified-news', 'Ông kế toán xã bỏ trốn rồi, mang theo tiền quỹ nông thôn mới gần 1 tỷ, cả xã xôn xao'],
    // the rumoured penalty for not doing something (the negation is its condition)
    ['unverified-news', 'Người quen bên huyện bảo hộ nào không cài VNeID sẽ bị cắt trợ cấp từ tháng sau'],
    // a blood appeal that asks to be passed on
    ['unverified-news', 'Bé 2 tuổi nhập viện Nhi cần gấp máu nhóm AB, ai đọc được hãy chia sẻ cho nhiều người, cứu bé trong đêm nay'],
    // a civic duty refused, and others urged or dared to do the same
    ['sensitive-topic', 'Năm nay nhà tui khỏi treo cờ ngày lễ, bà con cũng đừng treo, coi họ làm gì'],
    ['sensitive-topic', 'Thanh niên trong xóm cứ né khám tuyển đi, đi bộ đội 2 năm phí đời'],
    ['sensitive-topic', 'Cả chợ đồng lòng không khai thuế năm nay, xem họ làm gì được'],
    ['sensitive-topic', 'Kỳ bầu đại biểu tới cả ấp mình ở nhà hết, để họ thấy dân không ủng hộ nữa'],
    // a woman's body described for the writer's desire: a sexual remark, with no swear word in it
    ['abusive-language', 'Chị bán bún mới ở đầu chợ ngực bự thế, anh em đi ăn sáng nhìn mà thèm'],
    ['abusive-language', 'Con bé nhà bên dáng ngon, mông cong, tối nay anh em ra quán ngắm'],
  ])('%s by the rules alone: %s', (cat, text) => {
    expect(checkMessage(text, rulesAlone).map((f) => f.category)).toContain(cat);
  });

  it.each([
    // "do" (because) before the word, and "đồ" (things)
    'Do vô học nên ông ấy thiệt thòi nhiều',
    'Nhà em có ít đồ cũ cho ai cần',
    // the insult quoted by an admin who hid the message
    'Nhắc nhẹ: tối qua có bạn dùng chữ "đồ vô học" với hàng xóm, em đã ẩn tin, mong cả nhóm góp ý nhẹ nhàng',
  ])('no insult called with "đồ": %s', (text) => {
    expect(cats(text)).toEqual([]);
  });

  it.each<[CategoryId, string]>([
    // the same dress with a way to reach the sender stays a scam
    ['scam', 'Cảnh giác lừa đảo! Trung tâm bên em hỗ trợ lấy lại tiền bị lừa 90%, chỉ cần đóng trước phí hồ sơ 2 triệu, nhắn em ngay'],
    ['scam', 'Thong bao: giao dich cua quy khach khong thanh cong. Vui long goi ngay 0987 654 321 va doc ma OTP de duoc hoan tien.'],
    // an outside group with betting words is still a strange link
    ['strange-link', 'Đoàn xã gửi link nhóm kèo bóng đá nạp đầu tặng 200k cho anh em: zalo.me/g/keobong_vip'],
    // a document not yet published, shared anyway
    ['classified-info', 'Quyết định kỷ luật cán bộ xã chưa công bố đâu, em chụp được bản gốc gửi cả nhóm đọc trước'],
    // a link typed letter by letter, a betting site named for what it is, a punycode host that decodes to nothing
    ['strange-link', 'Nhận quà tri ân khách hàng tại q u a t e t - v i p . o n l i n e trước 12h'],
    ['strange-link', 'ae vao choi thu, nap 100 tang 100: vuanohu-88.org'],
    ['strange-link', 'Xác thực tài khoản ngân hàng tại xn--nganhang-xacthuc-3qq.com để tránh bị khóa'],
    // a throwaway host beside a payment asked for
    ['strange-link', 'Hộ chưa nộp tiền điện tháng 11 sẽ bị cắt điện, thanh toán trực tuyến qua thanhtoan-tiendien-vn.net trước 17h'],
    // an app file named for installing, sent some other way, beside lure words
    ['strange-link', 'Nổ hũ đổi thưởng nạp 20k nhận 80k, anh em cài file nohu-vip99.apk là chơi được liền'],
    // the insult itself, with or without accents
    ['abusive-language', 'Thằng chó đẻ nào lấy trộm con gà mái nhà tao thì liệu hồn'],
    ['abusive-language', 'do cho de, tra lai cai xe cho tao'],
    // an insult quoted with no stance against it is still said
    ['abusive-language', 'Tao nói thẳng "mày là thằng mất dạy" đấy, có giỏi thì vào đây'],
    // a swear typed as a swear, whatever it is said about: the model may not overrule it
    ['abusive-language', 'kẹt xe dcm từ ngã ba chợ về tới nhà gần 1 tiếng'],
    ['abusive-language', 'ngon đéo tả được, quán bún cá đầu cầu ai chưa ăn thì ăn thử'],
    ['abusive-language', 'đỵt mợ cái máy giặt, vừa bảo hành xong lại hỏng'],
    ['abusive-language', 'thằng mát dây nhà bên cứ 5 giờ sáng là mở loa hát'],
    // an insult called at someone with "đồ": the model may not overrule it
    ['abusive-language', 'ông hàng xóm mở loa từ sáng tới tối, nói hoài không nghe, đồ vô học'],
  ])('still %s: %s', (cat, text) => {
    expect(cats(text)).toContain(cat);
  });
});

describe('helpers', () => {
  it.each<[string, boolean]>([
    ['người nhà em làm ở sở giáo dục bảo', true],
    ['ông chú công tác bên huyện đội', true],
    ['con em làm bài tập về nhà', false],
    ['em làm xong rồi', false],
  ])('hasInsider(%j) = %s', (text, want) => {
    expect(hasInsider(text)).toBe(want);
  });

  it('a pitch quoted inside a story loses the scam flag; the same words unquoted keep it', () => {
    const pitch = 'con đổi số mới, mẹ chuyển tạm 8 triệu đóng học nhé, tối con gọi giải thích sau';
    expect(cats(pitch)).toContain('scam');
    expect(cats(`Mẹ em nhận tin "${pitch}" rồi gọi số cũ thì thằng em vẫn nghe máy`)).not.toContain('scam');
  });
});

describe('accent check per word', () => {
  const pack = structuredClone(DEFAULT_PACK);
  for (const id of Object.keys(pack.categories) as CategoryId[]) pack.categories[id]!.terms = [];
  pack.categories.advertising!.terms = [{ text: 'bán hàng', weight: 1, foldSafe: true, group: 'sale' }];
  const one = compileRuleset(pack);
  it.each<[string, number]>([
    ['bán hàng online', 1],
    ['ban hang online', 1],
    ['bán hang online', 1],
    // "bản" carries its own tone: typed with accents, so it is another word
    ['bản hàng tồn', 0],
  ])('%j → %i hit(s)', (text, n) => {
    expect(countTermHits(text, one)).toBe(n);
  });

  // Half a phrase typed with marks and half without is another phrase when the writer types marks everywhere
  // else ("do Mặt trận" is not "đồ mặt", "bản đồ quy hoạch" is not "đồ quỷ"); evasions drop every mark.
  const insult = structuredClone(pack);
  insult.categories.advertising!.terms = [];
  insult.categories['abusive-language']!.terms = [
    { text: 'đồ quỷ', weight: 1, foldSafe: true, group: 'insult' },
    { text: 'đồ mặt dày', weight: 1, foldSafe: true, group: 'insult' },
  ];
  const two = compileRuleset(insult);
  it.each<[string, number]>([
    ['Bản đồ quy hoạch sử dụng đất của xã đã được công bố trên trang của huyện', 0],
    ['Gạo cứu trợ do mặt trận xã phát, dày bao, bà con yên tâm', 0],
    ['Mày đúng là đồ quỷ', 1],
    ['may dung la do quy', 1],
    ['thằng này đúng là do mat day', 1],
    // a short half-marked line (most words unmarked): the writer skips marks, so it may be the insult
    ['do quỷ, may cut di cho khuat mat', 1],
  ])('%j → %i hit(s)', (text, n) => {
    expect(countTermHits(text, two)).toBe(n);
  });
});

describe('pack comboMin', () => {
  it('rejects an out-of-range comboMin and accepts a valid one', () => {
    const bad = structuredClone(DEFAULT_PACK) as unknown as { categories: Record<string, { comboMin?: number }> };
    bad.categories.scam.comboMin = 3;
    expect(parsePack(JSON.stringify(bad)).ok).toBe(false);
    bad.categories.scam.comboMin = 0.5;
    expect(parsePack(JSON.stringify(bad)).ok).toBe(true);
  });

  it('a filler word does not complete a combo when comboMin is set', () => {
    const text = 'Tải app xem phim miễn phí tại phimhay-moi.xyz, hỗ trợ qua zalo';
    const strict = compileRuleset(DEFAULT_PACK);
    const loose = structuredClone(DEFAULT_PACK);
    loose.categories.scam!.comboMin = 0;
    const scoreOf = (r: typeof strict) => checkMessage(text, r).find((f) => f.category === 'scam')?.score ?? 0;
    expect(scoreOf(compileRuleset(loose))).toBeGreaterThan(scoreOf(strict));
  });
});

describe('accentless "dung" is a negation only on its own', () => {
  it.each([
    // "su dung" (sử dụng), "noi dung", "ung dung": the "dung" inside must not read as "đừng" and cancel the leak
    ['classified-info', 'file quy hoach su dung dat chua phe duyet day, nha ai can xem thi de lai email em gui'],
    ['classified-info', 'noi dung cuoc hop kin chua cong bo, em chup duoc ban nhap gui moi nguoi xem truoc'],
  ] as Array<[CategoryId, string]>)('%s: %s', (cat, text) => {
    expect(cats(text)).toContain(cat);
  });

  it('a standalone "dung" still negates: an accentless warning stays clean', () => {
    expect(cats('Ba con dung cung cap ma OTP cho ai, dung bam link la')).toEqual([]);
  });
});

describe('a match talked about without a stake is no bet', () => {
  // "đá với" (plays against) lifts gambling over its threshold wherever it stands, as match talk did for the shipped model.
  const cm = compileModel(tinyModel({ features: 'da_voi', categories: { 'gambling-fortune': { bias: 0, scale: 0.05, weights: b64([60]), alone: 0.5 } } }));
  const withModel = (text: string) => checkMessage(text, compileRuleset(DEFAULT_PACK, { model: cm })).map((f) => f.category);

  it.each([
    'Tối nay Việt Nam đá với Thái Lan ở Mỹ Đình, ai muốn xem chung thì ra nhà văn hóa, có máy chiếu',
    'chung ket chieu nay xom Dong da voi xom Tay, ca thon ra san cổ vũ nha',
  ])('not gambling: %s', (text) => {
    expect(withModel(text)).toEqual([]);
  });

  it.each([
    // a stake in money, in slang, or in odds leaves the model to decide
    'Tối nay Việt Nam đá với Thái Lan, ai thua bao 200k nhé',
    'Chung ket toi nay xom Dong da voi xom Tay, tui xuong 2 cu cho xom Dong',
    'Tối nay Việt Nam đá với Thái, Thái chấp nửa trái',
  ])('the model still decides: %s', (text) => {
    expect(withModel(text)).toContain('gambling-fortune');
  });
});

describe('a penalty is negated only by a negation right before it', () => {
  const negatedTerms = (text: string) => matchMessage(rulesAlone, rulesAlone.scratch.normalizer.transient(text)).negated.map((h) => h.term.text);

  it.each([
    ['bị phạt', 1],
    ['phạt 5 triệu', 1],
    ['sẽ bị khóa', 1],
    ['nghe nói', NEGATION_REACH],
    ['bịa đặt', NEGATION_REACH],
  ] as const)('reach of "%s": %i', (text, reach) => {
    expect(negationReach(text)).toBe(reach);
  });

  it('"không bị phạt" and "chưa bị thu hồi" are negated; a negation further back is the condition punished', () => {
    expect(negatedTerms('Nhà em đóng thuế đầy đủ nên không bị phạt đồng nào')).toContain('bị phạt');
    expect(negatedTerms('Anh ấy chưa bị thu hồi bằng lái đâu')).toContain('bị thu hồi');
    expect(negatedTerms('Ai không đội mũ khi đi xe đạp sẽ bị phạt 2 triệu')).toEqual([]);
  });
});

describe('a category that needs its own words: the model alone only when it is far surer', () => {
  // "cây xăng" (a petrol station) lifts unverified-news, which has no term in the line: p 0.95, or 0.60 over a
  // threshold of 0.5. Without a word of the category the model flags only from its `modelWithoutHits` (0.7).
  const withWeight = (w: number) => {
    const cm = compileModel(tinyModel({ features: 'cay_xang', categories: { 'unverified-news': { bias: 0, scale: 0.05, weights: b64([w]) } } }));
    return (text: string) => checkMessage(text, compileRuleset(DEFAULT_PACK, { model: cm })).map((f) => f.category);
  };
  const text = 'Cây xăng đầu làng pha thêm nước vào xăng, xe nhà bên chạy được một đoạn thì chết máy';

  it('flags when the model is sure (p 0.95)', () => {
    expect(withWeight(60)(text)).toEqual(['unverified-news']);
  });

  it('stays clean when the model is only over its threshold (p 0.60)', () => {
    expect(withWeight(8)(text)).toEqual([]);
  });
});

describe('the opt-out line every advertising SMS ends with', () => {
  // "Từ chối QC soạn TC gửi …" is the law's footer on any ad SMS: an ad's sign, no betting word.
  it.each([
    'Honda Kim Thanh uu dai xe Lead giam 2 trieu, tang non bao hiem, tra gop 0%. Tu choi QC soan TC gui 8136',
    'Nha sach Phuong Nam khuyen mai sach giao khoa giam 20% den het 15/8. Tu choi nhan tin soan TC gui 1418',
  ])('an ad, not betting: %s', (text) => {
    expect(cats(text)).toContain('advertising');
    expect(cats(text)).not.toContain('gambling-fortune');
  });
});
