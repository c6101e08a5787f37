// The words of the brief's exports, in the reader's language.
import type { BriefLabels } from '$lib/consultation/brief';

export const BRIEF_WORDS = [
  'title', 'recommendations', 'support', 'overall', 'constituency', 'endorse', 'reservations', 'object', 'responses',
  'bridges', 'quotes', 'participation', 'participants', 'voters', 'votes', 'statements', 'answers', 'ageBand',
  'languages', 'reach', 'digest', 'consensus', 'agree', 'disagree', 'pass', 'section', 'item', 'measure', 'value', 'text'
] as const;

export function briefLabels(t: (key: string, options?: Record<string, string | number>) => string, k: number): BriefLabels {
  const labels = Object.fromEntries(BRIEF_WORDS.map((word) => [word, t(`brief.${word}`)])) as Omit<BriefLabels, 'group' | 'fewerThanK'>;
  return { ...labels, group: (n: number) => t('consultation.groupName', { n }), fewerThanK: t('consultation.fewerThanK', { k }) };
}
