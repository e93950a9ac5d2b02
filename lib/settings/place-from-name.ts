import type { Place } from '../log/schema';
import { parseGroupName } from '../health/group-name';

/**
 * Reads thôn, xã and tỉnh out of a group's name when it follows the usual naming of village groups:
 * "Thôn Đông - Xã An Bình - Bắc Ninh", "Tổ CNS thôn Đoài, xã Yên Phong, tỉnh Bắc Ninh",
 * "TDP 3 - Phường Đình Bảng". The province patterns themselves are read by lib/health/group-name.ts;
 * this only adds names that spell out the unit words. Parts it cannot find stay ''.
 */
export function placeFromGroupName(name: string): Place {
  // A province pattern ("Tổ CNS - Đoài - Yên Phong", "CNCĐ_Ấp_Xã") names its parts by position, not by word.
  const byPattern = parseGroupName(name);
  if (byPattern) return { thon: byPattern.thon, xa: byPattern.xa, tinh: '' };
  const text = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  // Parts are separated by " - ", "–", "|", "," or "/"; a part may also hold two units ("thôn Đông xã An Bình").
  const parts = text.split(/\s*[-–—|,/]\s*/u).filter(Boolean);
  const out: Place = { thon: '', xa: '', tinh: '' };
  const grab = (re: RegExp): string => {
    for (const part of parts) {
      const m = re.exec(part);
      if (m) return cleanName(m[1] ?? '');
    }
    return '';
  };
  const STOP = '(?=\\s+(?:xã|phường|thị trấn|tỉnh|thành phố|tp\\.?)\\s|$)';
  out.thon = grab(new RegExp(`(?:^|\\s)(?:thôn|xóm|bản|ấp|làng|khu phố|tổ dân phố|tdp)\\s+(.+?)${STOP}`, 'iu'));
  out.xa = grab(new RegExp(`(?:^|\\s)(?:xã|phường|thị trấn)\\s+(.+?)(?=\\s+(?:tỉnh|thành phố|tp\\.?)\\s|$)`, 'iu'));
  out.tinh = grab(/(?:^|\s)(?:tỉnh|thành phố|tp\.?)\s+(.+)$/iu);
  // "Thôn Đông - Xã An Bình - Bắc Ninh": a bare last part after a xã is the province.
  if (!out.tinh && out.xa && parts.length >= 3) {
    const last = parts[parts.length - 1]!;
    if (!/(?:^|\s)(?:thôn|xã|phường|nhóm|tổ|thông tin|zalo)(?:\s|$)/iu.test(last) && /^\p{Lu}/u.test(last)) out.tinh = cleanName(last);
  }
  // "TDP 3" keeps its prefix so it is not read as a bare number.
  if (/^\d+$/.test(out.thon)) out.thon = `Tổ dân phố ${out.thon}`;
  return out;
}

function cleanName(s: string): string {
  return s.replace(/[.;:]+$/u, '').trim();
}

/** A group's place: what its own name says, the rest from the admin's own place. */
export function placeForGroup(groupName: string, fallback: Place): Place {
  const fromName = placeFromGroupName(groupName);
  return { thon: fromName.thon || fallback.thon, xa: fromName.xa || fallback.xa, tinh: fromName.tinh || fallback.tinh };
}
