/**
 * A cold worker answers twice: first from the library's names, then from the full analysis. The
 * second answer reorders the first but never takes a story back: a reader who saw a story listed
 * must find it there until they change the question.
 */
export function keepShown<T extends { id: string }>(shown: readonly T[], next: readonly T[]): T[] {
  const listed = new Set(next.map((story) => story.id));
  return [...next, ...shown.filter((story) => !listed.has(story.id))];
}
