import type { CategoryId } from '@/lib/domain/categories';
import type { Translate } from '@/lib/i18n';

export function CategoryTag({ id, t }: { id: CategoryId; t: Translate }) {
  return (
    <span className={`zgg-tag zgg-tag--${id}`} data-category={id}>
      {t(`category.${id}`)}
    </span>
  );
}
