/**
 * "Người nhà em làm ở sở", "ông chú công tác bên huyện đội", "cháu tôi làm trong ngân hàng": a relative or
 * acquaintance placed inside an office. Supports a rumour's claimed source or a leak's channel; never flags alone.
 */
const INSIDER =
  /(?:^| )(?:anh|chị|em|cháu|con|bạn|chú|cô|cậu|dì|ông|bà|người nhà|người quen|người thân|thằng bạn|ông anh|bà chị|hàng xóm|đứa bạn) (?:[^ ]+ ){0,2}(?:làm|công tác|trực|làm việc) (?:ở|tại|bên|trong|cho|dưới|trên)(?![a-zà-ỹđ])/;

export function hasInsider(acc: string): boolean {
  // Cheap gate: every form contains one of these verbs.
  if (!(acc.includes('làm') || acc.includes('công tác') || acc.includes('trực'))) return false;
  return INSIDER.test(acc);
}
