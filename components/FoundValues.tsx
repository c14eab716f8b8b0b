import type { ReactElement } from 'react';
import { i18n } from '#i18n';
import type { Candidate, ValueSource } from '@/lib/page/types';

const SOURCE_KEYS = {
  selection: 'found.selection',
  'site-rule': 'found.siteRule',
  page: 'found.page',
  url: 'found.url',
  title: 'found.title',
  typed: 'found.typed',
} as const satisfies Record<ValueSource | 'typed', string>;

function sourceLabel(source: ValueSource | 'typed'): string {
  return i18n.t(SOURCE_KEYS[source]);
}

/** Where on the page, in its own words, and which grid row: "Ordernummer (row 2)". */
function whereFound({ context = '', row }: Candidate): string {
  if (row === undefined) return context;
  const which =
    row === 'selected' ? i18n.t('found.selectedRow') : i18n.t('found.row', { number: String(row) });
  return `${context} (${which})`;
}

interface FoundValuesProps {
  value: string;
  candidates: Candidate[];
  typed: boolean;
  onPick(value: string): void;
}

/**
 * Where the field's value came from, and the other values the page offered, to pick from; nothing
 * when there is neither (a field's empty hint would still be its description).
 */
export function foundValues({
  value,
  candidates,
  typed,
  onPick,
}: FoundValuesProps): ReactElement | undefined {
  const current = candidates.find((candidate) => candidate.value === value);
  const others = candidates.filter((candidate) => candidate.value !== value);
  const source = current ? current.source : typed && value ? 'typed' : undefined;
  if (!source && others.length === 0) return undefined;
  return (
    <span className="found">
      {source && (
        <span className="found__source" title={current && whereFound(current)}>
          {sourceLabel(source)}
        </span>
      )}
      {others.length > 0 && (
        <span className="found__others">
          {' '}
          {i18n.t('found.also')}{' '}
          {others.map((candidate) => (
            <button
              key={candidate.value}
              type="button"
              className="chip"
              title={[sourceLabel(candidate.source), whereFound(candidate)].filter(Boolean).join(': ')}
              onClick={() => onPick(candidate.value)}
            >
              {candidate.value}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
