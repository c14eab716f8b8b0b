import { i18n } from '#i18n';
import type { Field } from '@/lib/page/types';

/** Pick on page, beside a field: the operator points at the value on the page itself. */
export function PickButton({ field, onPick }: { field: Field; onPick(field: Field): void }) {
  const name = field === 'serviceOrder' ? i18n.t('pick.pickServiceOrder') : i18n.t('pick.pickLrn');
  return (
    <button
      type="button"
      className="link-button pick"
      aria-label={name}
      title={name}
      onClick={() => onPick(field)}
    >
      {i18n.t('pick.pick')}
    </button>
  );
}
