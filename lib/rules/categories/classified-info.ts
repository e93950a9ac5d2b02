/** III.2(1) – state secrets, classified or unpublished internal documents. */
import { CATEGORY_CLAUSE } from '../../regulation/clauses';
import type { CategoryDefinition, SignalHit } from '../types';
import { hasInsider } from './insider';
import { originalFoldIn, perMessage } from './per-message';
import { benignNoticeIn } from './transactional';

// Asking how to get one's own record ("xin bản sao… ở đâu ạ?") is not a leak.
const HOW_TO = /(?:ở đâu|thế nào|như nào|ra sao|chỉ em|chỉ giúp|hướng dẫn)[^.!\n]*\?/u;
// Published by the body that owns it ("kết quả đã được Sở Nội vụ công bố trên cổng thông tin") is no longer a secret.
const PUBLISHED = /(?:^| )(?:đã|vừa) (?:được )?(?:[^ .!?\n]+ ){0,5}?(?:công bố|đăng tải|công khai)(?! nội bộ)/u;
// Teaching the rule is not breaking it: "học/quán triệt quy định giữ gìn tài liệu mật", "tập huấn luật bảo vệ bí mật".
const TEACHING = /(?:học|tập huấn|quán triệt|phổ biến|tuyên truyền|bài thu hoạch|hội nghị)(?: [^ .!?\n]+){0,4}? (?:quy định|luật|nghị định|quy chế|chỉ thị)(?: về)? (?:giữ gìn|bảo vệ|bảo mật|quản lý)/u;
// An admin cleaning up a leak ("Tổ CNS đã xóa tin nhắn … gửi nhầm", "admin đã xóa") handles it, it does not spread it.
const REMOVED = /(?:^| )(?:(?:đã|vừa) (?:xóa|gỡ|thu hồi) (?:tin|bài|ảnh|tệp|file|văn bản|danh sách)|(?:admin|ad|quản trị viên|tổ cns) (?:đã|vừa) (?:xóa|gỡ))/u;

/**
 * A local body's notice as its header opens it: "Công an xã nhắc:", "Trạm y tế thông báo:", "Tổ CNS nhắc:", "Thôn
 * lưu ý:" (on the folded text, the colon required). A body does not leak its own papers in its notice. Only the leak
 * rules read it: impostors open scams this way, and fake notices spread rumours so.
 */
const BODY_HEADER =
  /^[^a-z0-9]{0,3}(?:cong an|ubnd|uy ban|tram y te|to cns|ban quan ly|truong thon|thon|xa|phuong|huyen|hoi (?:nong dan|phu nu|cuu chien binh|nguoi cao tuoi)|doan thanh nien|dien luc|bhxh|chi cuc|phong [a-z]+)(?: [a-z0-9]+){0,3} (?:nhac|thong bao|bao|luu y|de nghi|yeu cau|khuyen cao|moi)(?: [a-z]+)? ?:/;

const opensAsBodyNotice = perMessage((ctx) => BODY_HEADER.test(originalFoldIn(ctx)));

export const classifiedInfo: CategoryDefinition = {
  id: 'classified-info',
  clause: CATEGORY_CLAUSE['classified-info'],
  label: 'Bí mật nhà nước',
  explanation: 'Tin nhắn có thể làm lộ tài liệu mật, bí mật nhà nước hoặc văn bản nội bộ chưa công bố.',
  defaultSeverity: 'high',
  actions: { low: 'remind', medium: 'delete', high: 'propose-removal' },
  needsHits: 'always',
  // A leak in words of its own when the model is this sure of it.
  modelWithoutHits: 0.7,
  textSignals: ['leak'],
  signals(ctx) {
    const out: SignalHit[] = [];
    // Only worth the regex when something secret or a protected record is mentioned.
    const relevant = ctx.hasGroup('classified-info', 'secret') || ctx.hasGroup('classified-info', 'leak');
    if (relevant && hasInsider(ctx.text.acc)) out.push({ name: 'leak', weight: ctx.weight('classified-info', 'insider', 0.4), spans: [] });
    return out;
  },
  adjust(ctx, score) {
    let s = score;
    // Reminders not to share secret documents ("tuyệt đối không chụp… bà con thấy ai đăng thì báo").
    if (ctx.warning >= ctx.warningThreshold && ctx.negated.some((h) => h.term.category === 'classified-info')) s -= 0.5;
    if (ctx.text.original.includes('?') && HOW_TO.test(ctx.text.acc)) s -= 0.5;
    if (!ctx.hasGroup('classified-info', 'secret') && PUBLISHED.test(ctx.text.acc)) s -= 0.6;
    if (REMOVED.test(ctx.text.acc)) s -= 1.3;
    if (TEACHING.test(ctx.text.acc)) s -= 1;
    // The reader's own balance or bill notice, pasted to show a payment went through ("Số dư TK … giảm 2.100.000"),
    // names an account and a balance like a leaked record, but it is their own and tells what they chose to tell.
    if (benignNoticeIn(ctx)) s -= 1;
    // A body's own notice ("Thôn nhắc: biên bản kiểm đếm là giấy tờ riêng, không chụp gửi lên nhóm").
    if (opensAsBodyNotice(ctx)) s -= 1;
    // A made-up "tin mật" about the regime is a political rumour, not a leaked document (corpus guideline).
    if (ctx.baseScore('sensitive-topic') >= 1 && !ctx.hasGroup('classified-info', 'object')) s -= 0.6;
    return s;
  },
  // The model learnt a leak's words (lists, records, "chưa công bố"), which a body's notice about them and an admin's
  // note of a leak removed use too.
  modelAllowed: (ctx) => !opensAsBodyNotice(ctx) && !REMOVED.test(ctx.text.acc),
  severityFor(score, threshold) {
    return score >= threshold * 1.5 ? 'high' : 'medium';
  },
};
