import { analyseLinks, extractLinks, toUnicodeHost } from './lib/rules/links/index.ts';
for (const raw of ['viеtcombank.com','аgribank.vn','vietcombànk.com','bіdv.com.vn','xn--vietcombnk-6ib.com']) {
  const h = new URL('http://'+raw).hostname; console.log(raw, h, toUnicodeHost(h), analyseLinks('http://'+raw).map(f=>f.findings.map(r=>r.reason+'/'+r.severity+' '+r.explanation)));
}
for (const t of ['Giá 1.500.000đ, hẹn 8h30, v.v.','TP.HCM ngày 12.05.2025 lúc 10.30','SĐT 0912.345.678 hoặc 091.234.5678','Phiên bản 2.1.0 đã có','ông.bà','Mr.Bean','xong.Moi nguoi oi','dat.Com','Ban.ve','thôn.Vn', 'cảm ơn.Chúc mừng','abc@gmail.com', 'nhà.vn', 'Điện thoại 84.912.345.678', 'số 1.2.3.4.5', '192.168.1.1']) console.log(JSON.stringify(t), JSON.stringify(extractLinks(t)));
