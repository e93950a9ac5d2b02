// Namespace import: `import { z }` drags every zod locale into the bundle (443 kB vs 83 kB).
import * as z from 'zod';
import { qrSvg } from '../qr';
import { escapeHtml } from '../reports/printable';

/** Zalo group invite links look like https://zalo.me/g/abcdef123; nothing else goes on a poster. */
export const inviteLinkSchema = z
  .string()
  .trim()
  .regex(/^https:\/\/zalo\.me\/g\/[A-Za-z0-9_-]{4,64}$/, 'Link mời phải có dạng https://zalo.me/g/… (trong Zalo: Thông tin nhóm → Link tham gia nhóm → Sao chép).');

/** The short Nội quy (Quy chế mẫu, part IV "Nội quy nhóm"), as printed on the poster. */
export const SHORT_RULES_VI = [
  'Nhóm dùng để cung cấp thông tin chính thống về chuyển đổi số và đời sống tại địa phương.',
  'Không đăng tin giả, tin chưa kiểm chứng; không bàn luận chính trị, tôn giáo.',
  'Nghiêm cấm quảng cáo, rao vặt, gửi link lạ hoặc các nội dung lừa đảo.',
  'Sử dụng ngôn từ lịch sự, văn minh.',
  'Thành viên vi phạm sẽ bị nhắc nhở hoặc mời ra khỏi nhóm tùy mức độ.',
] as const;

export type PosterInput = { groupName: string; inviteLink: string; thon: string; xa: string; contact?: string; rules?: readonly string[] };

export type PosterResult = { ok: true; html: string } | { ok: false; error: string };

/** A4 portrait poster: title, the group's QR, its name, the short Nội quy and a contact line. */
export function groupPoster(input: PosterInput): PosterResult {
  const link = inviteLinkSchema.safeParse(input.inviteLink);
  if (!link.success) return { ok: false, error: link.error.issues[0]!.message };
  const e = escapeHtml;
  const rules = (input.rules ?? SHORT_RULES_VI).map((r) => `<li>${e(r)}</li>`).join('');
  const where = [input.thon && `thôn ${input.thon}`, input.xa && `xã ${input.xa}`].filter(Boolean).join(', ');
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${e(input.groupName)}</title>
<style>@page{size:A4 portrait;margin:15mm}body{font:14pt/1.45 Arial,sans-serif;text-align:center;color:#000}
h1{font-size:26pt;margin:6mm 0 2mm}h2{font-size:18pt;margin:2mm 0 6mm;font-weight:normal}.qr{margin:4mm auto}.qr svg{width:90mm;height:90mm}
.link{font-family:monospace;font-size:12pt}ol{text-align:left;max-width:160mm;margin:6mm auto}.contact{margin-top:6mm}</style></head><body>
<h1>THAM GIA NHÓM ZALO CỦA ${e(where.toUpperCase())}</h1>
<h2>${e(input.groupName)}</h2>
<div class="qr">${qrSvg(link.data, 340)}</div>
<p>Mở Zalo → biểu tượng quét mã QR → quét mã trên, hoặc mở link:<br><span class="link">${e(link.data)}</span></p>
<h2>Nội quy nhóm</h2><ol>${rules}</ol>
${input.contact ? `<p class="contact">Liên hệ Tổ công nghệ số cộng đồng: ${e(input.contact)}</p>` : ''}
</body></html>`;
  return { ok: true, html };
}
