/**
 * Official and neutral domains (data, not logic). A host equal to one of these registrable domains, or a
 * subdomain of it, is `official`: no heuristic flags it and blocklist hits on it are ignored (community lists
 * occasionally contain paths on big platforms). Validated by tests/unit/rules/links/official-domains.test.ts:
 * lowercase ASCII hostnames, no duplicates, each one is its own registrable domain (tldts).
 *
 * kind drives lookalike checks: labels of `bank`, `gov`, `wallet`, `service` and `platform` entries are
 * impersonation targets; `press` and `neutral` are only exempt from flags.
 */
export type OfficialKind = 'gov' | 'bank' | 'wallet' | 'service' | 'press' | 'platform' | 'neutral';

export interface OfficialDomain {
  domain: string;
  kind: OfficialKind;
  /** Name shown in explanations, e.g. "Vietcombank". */
  name: string;
}

/** Every host under these public suffixes is state-run (registration restricted by VNNIC). */
export const OFFICIAL_SUFFIXES: readonly string[] = ['gov.vn'];

const d = (domain: string, kind: OfficialKind, name: string): OfficialDomain => ({ domain, kind, name });

export const OFFICIAL_DOMAINS: readonly OfficialDomain[] = [
  // State portals and services (gov.vn is covered by OFFICIAL_SUFFIXES; listed ones give names and tokens).
  d('dichvucong.gov.vn', 'gov', 'Cổng Dịch vụ công quốc gia'),
  d('vneid.gov.vn', 'gov', 'VNeID'),
  d('bocongan.gov.vn', 'gov', 'Bộ Công an'),
  d('gdt.gov.vn', 'gov', 'Tổng cục Thuế'),
  d('baohiemxahoi.gov.vn', 'gov', 'Bảo hiểm xã hội Việt Nam'),
  d('sbv.gov.vn', 'gov', 'Ngân hàng Nhà nước'),
  d('chinhphu.vn', 'gov', 'Cổng thông tin Chính phủ'),
  d('baochinhphu.vn', 'gov', 'Báo Chính phủ'),
  d('quochoi.vn', 'gov', 'Quốc hội'),
  d('dangcongsan.vn', 'gov', 'Báo Điện tử Đảng Cộng sản'),
  d('khonggianmang.vn', 'gov', 'Cục An toàn thông tin'),
  d('tinnhiemmang.vn', 'gov', 'Tín nhiệm mạng'),
  // Cục Cảnh sát giao thông (phạt nguội lookups): a .vn domain, not under gov.vn. Same name as the 'csgt' token.
  d('csgt.vn', 'gov', 'Cảnh sát giao thông'),
  d('vbsp.org.vn', 'bank', 'Ngân hàng Chính sách xã hội'),
  // National services.
  d('evn.com.vn', 'service', 'EVN'),
  d('evnhanoi.vn', 'service', 'EVN Hà Nội'),
  d('evnhcmc.vn', 'service', 'EVN TP.HCM'),
  d('evnspc.vn', 'service', 'EVN miền Nam'),
  d('evncpc.vn', 'service', 'EVN miền Trung'),
  d('evnnpc.vn', 'service', 'EVN miền Bắc'),
  d('npc.com.vn', 'neutral', 'EVN miền Bắc'),
  d('vnpost.vn', 'service', 'Bưu điện Việt Nam'),
  d('vietlott.vn', 'service', 'Vietlott'),
  d('viettelpost.com.vn', 'service', 'Viettel Post'),
  d('viettel.vn', 'service', 'Viettel'),
  d('viettel.com.vn', 'service', 'Viettel'),
  d('viettelstore.vn', 'neutral', 'Viettel Store'),
  d('vinaphone.com.vn', 'service', 'VinaPhone'),
  d('mobifone.vn', 'service', 'MobiFone'),
  d('vnpt.vn', 'service', 'VNPT'),
  d('vnpt.com.vn', 'service', 'VNPT'),
  // Banks.
  d('vietcombank.com.vn', 'bank', 'Vietcombank'),
  d('bidv.com.vn', 'bank', 'BIDV'),
  d('vietinbank.vn', 'bank', 'VietinBank'),
  d('agribank.com.vn', 'bank', 'Agribank'),
  d('techcombank.com', 'bank', 'Techcombank'),
  d('techcombank.com.vn', 'bank', 'Techcombank'),
  d('mbbank.com.vn', 'bank', 'MB Bank'),
  d('vpbank.com.vn', 'bank', 'VPBank'),
  d('vpbanks.com.vn', 'bank', 'VPBank Securities'),
  d('tpb.vn', 'bank', 'TPBank'),
  d('acb.com.vn', 'bank', 'ACB'),
  d('sacombank.com.vn', 'bank', 'Sacombank'),
  d('hdbank.com.vn', 'bank', 'HDBank'),
  d('vib.com.vn', 'bank', 'VIB'),
  d('shb.com.vn', 'bank', 'SHB'),
  d('seabank.com.vn', 'bank', 'SeABank'),
  d('msb.com.vn', 'bank', 'MSB'),
  d('ocb.com.vn', 'bank', 'OCB'),
  d('eximbank.com.vn', 'bank', 'Eximbank'),
  d('lpbank.com.vn', 'bank', 'LPBank'),
  d('namabank.com.vn', 'bank', 'Nam A Bank'),
  d('baca-bank.vn', 'bank', 'Bac A Bank'),
  d('pvcombank.com.vn', 'bank', 'PVcomBank'),
  d('abbank.vn', 'bank', 'ABBANK'),
  d('baovietbank.vn', 'bank', 'BaoViet Bank'),
  d('kienlongbank.com', 'bank', 'KienlongBank'),
  d('vietbank.com.vn', 'bank', 'Vietbank'),
  d('vietabank.com.vn', 'bank', 'VietABank'),
  d('oceanbank.vn', 'bank', 'OceanBank'),
  d('gpbank.com.vn', 'bank', 'GPBank'),
  d('scb.com.vn', 'bank', 'SCB'),
  d('saigonbank.com.vn', 'bank', 'Saigonbank'),
  d('ncb-bank.vn', 'bank', 'NCB'),
  d('bvbank.net.vn', 'bank', 'BVBank'),
  d('pgbank.com.vn', 'bank', 'PGBank'),
  d('coopbank.vn', 'bank', 'Co-opBank'),
  // E-wallets and payments.
  d('momo.vn', 'wallet', 'MoMo'),
  d('zalopay.vn', 'wallet', 'ZaloPay'),
  d('vnpay.vn', 'wallet', 'VNPAY'),
  d('viettelmoney.vn', 'wallet', 'Viettel Money'),
  d('shopeepay.vn', 'wallet', 'ShopeePay'),
  d('napas.com.vn', 'wallet', 'NAPAS'),
  // Platforms (impersonated in scams; links to them are not flagged by heuristics).
  d('zalo.me', 'platform', 'Zalo'),
  d('zalo.vn', 'platform', 'Zalo'),
  d('zaloapp.com', 'platform', 'Zalo'),
  d('facebook.com', 'platform', 'Facebook'),
  d('fb.com', 'platform', 'Facebook'),
  d('fb.watch', 'platform', 'Facebook'),
  d('messenger.com', 'platform', 'Messenger'),
  d('shopee.vn', 'platform', 'Shopee'),
  d('lazada.vn', 'platform', 'Lazada'),
  // Neutral: very common, never flagged, not lookalike targets (too many legitimate look-alikes).
  d('google.com', 'neutral', 'Google'),
  d('google.com.vn', 'neutral', 'Google'),
  d('youtube.com', 'neutral', 'YouTube'),
  d('youtu.be', 'neutral', 'YouTube'),
  d('apple.com', 'neutral', 'Apple'),
  d('microsoft.com', 'neutral', 'Microsoft'),
  d('tiktok.com', 'neutral', 'TikTok'),
  d('tiki.vn', 'neutral', 'Tiki'),
  d('postmart.vn', 'neutral', 'Postmart (Bưu điện)'),
  d('voso.vn', 'neutral', 'Voso (Viettel Post)'),
  d('zadn.vn', 'neutral', 'Zalo'),
  d('wikipedia.org', 'neutral', 'Wikipedia'),
  // State and major press.
  d('nhandan.vn', 'press', 'Báo Nhân Dân'),
  d('qdnd.vn', 'press', 'Báo Quân đội nhân dân'),
  d('cand.com.vn', 'press', 'Báo Công an nhân dân'),
  d('vtv.vn', 'press', 'VTV'),
  d('vov.vn', 'press', 'VOV'),
  d('vnanet.vn', 'press', 'TTXVN'),
  d('vietnamplus.vn', 'press', 'VietnamPlus'),
  d('baotintuc.vn', 'press', 'Báo Tin tức'),
  d('vnexpress.net', 'press', 'VnExpress'),
  d('tuoitre.vn', 'press', 'Tuổi Trẻ'),
  d('thanhnien.vn', 'press', 'Thanh Niên'),
  d('dantri.com.vn', 'press', 'Dân trí'),
  d('laodong.vn', 'press', 'Lao Động'),
  d('tienphong.vn', 'press', 'Tiền Phong'),
  d('nld.com.vn', 'press', 'Người Lao Động'),
  d('vietnamnet.vn', 'press', 'VietNamNet'),
  d('znews.vn', 'press', 'Znews'),
  d('baobacninh.vn', 'press', 'Báo Bắc Ninh'),
];

/**
 * Extra brand tokens (beyond each impersonation target's own label) that scammers put in foreign domains.
 * Tokens shorter than 5 characters must stand alone between '.', '-' or digits to count.
 */
export const BRAND_TOKENS: readonly { token: string; name: string; kind: OfficialKind }[] = [
  { token: 'vcb', name: 'Vietcombank', kind: 'bank' },
  { token: 'vietcombank', name: 'Vietcombank', kind: 'bank' },
  { token: 'vietinbank', name: 'VietinBank', kind: 'bank' },
  { token: 'tpbank', name: 'TPBank', kind: 'bank' },
  { token: 'mbbank', name: 'MB Bank', kind: 'bank' },
  { token: 'nganhangnhanuoc', name: 'Ngân hàng Nhà nước', kind: 'gov' },
  { token: 'dichvucong', name: 'Cổng Dịch vụ công', kind: 'gov' },
  { token: 'congan', name: 'Công an', kind: 'gov' },
  { token: 'csgt', name: 'Cảnh sát giao thông', kind: 'gov' },
  { token: 'canhsatgiaothong', name: 'Cảnh sát giao thông', kind: 'gov' },
  { token: 'tongcucthue', name: 'Tổng cục Thuế', kind: 'gov' },
  { token: 'thuenhanuoc', name: 'cơ quan Thuế', kind: 'gov' },
  { token: 'etax', name: 'cơ quan Thuế', kind: 'gov' },
  { token: 'bhxh', name: 'Bảo hiểm xã hội', kind: 'gov' },
  { token: 'vssid', name: 'Bảo hiểm xã hội (VssID)', kind: 'gov' },
  { token: 'chinhphu', name: 'Chính phủ', kind: 'gov' },
  { token: 'gov', name: 'cơ quan nhà nước', kind: 'gov' },
  { token: 'govvn', name: 'cơ quan nhà nước', kind: 'gov' },
  { token: 'viettelpay', name: 'Viettel Money', kind: 'wallet' },
  { token: 'facebook', name: 'Facebook', kind: 'platform' },
];
