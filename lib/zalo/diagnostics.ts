/**
 * "Chẩn đoán trang Zalo": per area of the page, whether its parts are found and by which candidate, in a
 * plain serialisable shape (sent from the Zalo tab to the popup or dashboard, validated there).
 */
import { areaHealth, health } from './health';
import { SELECTORS } from './selectors';
import { diagnosisSchema, type Diagnosis } from '../messages/zalo-page';

export { diagnosisSchema, type Diagnosis };


export function diagnose(doc: Document, pack: Diagnosis['pack'] = null): Diagnosis {
  const report = health(doc);
  const areas = areaHealth(report).map((a) => ({
    area: a.area,
    status: a.status,
    rows: report.selectors
      .filter((s) => s.area === a.area)
      .map((s) => ({
        key: s.key,
        description: SELECTORS[s.key].description,
        status: s.status,
        ...(s.candidate !== undefined ? { candidate: s.candidate } : {}),
        ...(s.selector !== undefined ? { selector: s.selector } : {}),
        ...(s.fromPack ? { fromPack: true } : {}),
      })),
  }));
  return { appReady: report.appReady, chatOpen: report.chatOpen, pack, areas };
}
