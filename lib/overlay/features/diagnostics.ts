import { defineFeature } from '../feature';
import { activePack, applySelectorPack, diagnose, exportSkeleton } from '../../zalo';

/** Answers "Chẩn đoán trang Zalo" and "Xuất cấu trúc trang", and applies selector packs pushed by the background. */
export const diagnosticsFeature = defineFeature({
  id: 'diagnostics',
  description:
    'Chẩn đoán trang Zalo (thành phần nào tìm thấy, bằng bộ chọn nào), xuất khung trang không chứa dữ liệu cá nhân, và áp dụng gói bộ chọn do quản trị viên nhập.',
  run({ doc, onTabMessage }) {
    onTabMessage((req) => {
      switch (req.type) {
        case 'tab.diagnose':
          return diagnose(doc, activePack());
        case 'tab.skeleton':
          return JSON.stringify(exportSkeleton(doc), null, 1);
        case 'tab.selectorPack':
          return applySelectorPack(req.pack, doc);
        default:
          return undefined;
      }
    });
  },
});
