/**
 * Stable story ids: the same page and title always give the same id, so re-importing a page
 * (an extension update, a repeated sync) replaces stories instead of duplicating them.
 */
export async function storyId(page: { publication: string; date: string; page?: number }, title: string): Promise<string> {
  const key = `${page.publication}\u0000${page.date}\u0000${page.page ?? ''}\u0000${title.replace(/\s+/g, '')}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  const hex = Array.from(new Uint8Array(digest).slice(0, 5), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${page.date}-p${page.page ?? 0}-${hex}`;
}
