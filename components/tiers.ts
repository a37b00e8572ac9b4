import type { Tier } from '../lib/match/ranker';
import type { RelatedSummary } from '../lib/messages';
import type { MessageKey } from './i18n';

const TIERS: Array<[Tier, MessageKey]> = [
  ['same_event', 'tierSameEvent'],
  ['background', 'tierBackground'],
];

export interface TierGroup {
  tier?: Tier;
  /** The group's label; none when the stories carry no tier (a search's hits). */
  label?: MessageKey;
  stories: RelatedSummary[];
}

/** Related coverage in its two tiers, the same event first; empty tiers left out. */
export function groupByTier(stories: RelatedSummary[]): TierGroup[] {
  if (!stories.some((story) => story.tier)) return [{ stories }];
  return TIERS.map(([tier, label]) => ({ tier, label, stories: stories.filter((story) => (story.tier ?? 'background') === tier) })).filter(
    (group) => group.stories.length > 0,
  );
}
