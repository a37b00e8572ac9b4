/**
 * Stable story ids: the same page and title always give the same id, so re-importing a page
 * (an extension update, a repeated sync) replaces stories instead of duplicating them.
 */
export async function storyId(page: { publication: string; date: string; page?: number }, title: string): Promise<string> {
  return `${page.date}-p${page.page ?? 0}-${await shortHash(`${page.publication}\u0000${page.date}\u0000${page.page ?? ''}\u0000${title.replace(/\s+/g, '')}`)}`;
}

/** Ten hex digits of the key's SHA-256: a story's id part (an edition's article by its address). */
export async function shortHash(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return Array.from(new Uint8Array(digest).slice(0, 5), (b) => b.toString(16).padStart(2, '0')).join('');
}
