/**
 * One kind per real place in a text: a name the text names as a place (安卡拉市, or 安卡拉 itself)
 * and somewhere else reads as a person — a city at a sentence's start, before a verb (安卡拉规划四条
 * 线), looks to the model like a person — is that place there too. A person the text names as no
 * place is left alone.
 */
import type { Mention } from '../entities';

/** The levels a place's name may carry after the name a text also uses alone (安卡拉市, 炎陵县). */
const LEVEL = /[省市县区州镇乡村]$/;

/** The text's mentions with each person whose name the text gives a place read as that place. */
export function placesAsPeople(mentions: Mention[]): Mention[] {
  const places = new Set<string>();
  for (const m of mentions) if (m.type === 'place') places.add(LEVEL.test(m.text) && m.text.length > 2 ? m.text.slice(0, -1) : m.text);
  if (!places.size || !mentions.some((m) => m.type === 'person' && places.has(m.text))) return mentions;
  return mentions.map((m) => (m.type === 'person' && places.has(m.text) ? { type: 'place', text: m.text } : m));
}
