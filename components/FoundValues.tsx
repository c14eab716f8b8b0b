import type { Candidate, ValueSource } from '@/lib/page/types';

const SOURCE_LABELS: Record<ValueSource | 'typed', string> = {
  selection: 'from your selection',
  'site-rule': 'from your page rule',
  page: 'from the page',
  url: 'from the page address',
  title: 'from the page title',
  typed: 'typed',
};

interface FoundValuesProps {
  value: string;
  candidates: Candidate[];
  typed: boolean;
  onPick(value: string): void;
}

function sourceOf(value: string, candidates: Candidate[], typed: boolean): ValueSource | 'typed' | undefined {
  const current = candidates.find((candidate) => candidate.value === value);
  return current ? current.source : typed && value ? 'typed' : undefined;
}

/** Whether FoundValues has anything to show for this field. */
export function hasFoundValues(value: string, candidates: Candidate[], typed: boolean): boolean {
  return (
    Boolean(sourceOf(value, candidates, typed)) || candidates.some((candidate) => candidate.value !== value)
  );
}

/** Where the field's value came from, and the other values the page offered, to pick from. */
export function FoundValues({ value, candidates, typed, onPick }: FoundValuesProps) {
  const current = candidates.find((candidate) => candidate.value === value);
  const others = candidates.filter((candidate) => candidate.value !== value);
  const source = sourceOf(value, candidates, typed);
  if (!source && others.length === 0) return null;
  return (
    <span className="found">
      {source && (
        <span className="found__source" title={current?.context}>
          {SOURCE_LABELS[source]}
        </span>
      )}
      {others.length > 0 && (
        <span className="found__others">
          {' '}
          Also found:{' '}
          {others.map((candidate) => (
            <button
              key={candidate.value}
              type="button"
              className="chip"
              title={`${SOURCE_LABELS[candidate.source]}${candidate.context ? `: ${candidate.context}` : ''}`}
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
