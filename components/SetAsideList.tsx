import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { formatDateTime } from '@/lib/locale';
import { clearSetAside, type SetAsideValue, setAsideItems } from '@/lib/stored';

/**
 * Stored values the extension could not use (of another version, cut short, or written by another
 * tool): set aside rather than lost, so that they can be looked at, copied, and then removed.
 * Shown only when there are some.
 */
export function SetAsideList() {
  const [values, setValues] = useState<SetAsideValue[]>([]);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    const read = () =>
      void Promise.all([setAsideItems().local.getValue(), setAsideItems().session.getValue()]).then(
        ([local, session]) => setValues([...session, ...local].sort((a, b) => b.at - a.at)),
      );
    read();
    const unwatch = [setAsideItems().local.watch(read), setAsideItems().session.watch(read)];
    return () => {
      for (const stop of unwatch) stop();
    };
  }, []);
  if (values.length === 0) return null;

  return (
    <section className="card" aria-labelledby="set-aside-heading">
      <h2 id="set-aside-heading">{i18n.t('setAside.heading')}</h2>
      <p className="muted">{i18n.t('setAside.intro')}</p>
      <ul>
        {values.map((value) => (
          <li key={`${value.key}-${value.at}`}>
            <code>{value.key}</code> · {formatDateTime(value.at)} · {value.reason}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(JSON.stringify(values, null, 2)).then(() => setCopied(true))
          }
        >
          {copied ? i18n.t('action.copied') : i18n.t('setAside.copy')}
        </button>
        <button type="button" onClick={() => void clearSetAside()}>
          {i18n.t('setAside.remove')}
        </button>
      </div>
    </section>
  );
}
