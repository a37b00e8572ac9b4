/** A news feed (RSS, Atom, JSON Feed): one document, its items read into stories. */
import { FeedError, parseFeed } from '../feed';
import { feedStories } from '../feed-stories';
import type { SourceKindModule } from '../source-kind';

export const newsFeed: SourceKindModule<'feed'> = {
  kind: 'feed',
  formatErrors: [FeedError],
  async sync(source, run) {
    await run.take({
      url: source.url,
      read: async (text) => {
        const feed = parseFeed(text);
        run.titled(feed.title);
        const read = await feedStories(feed, source, run.today);
        run.counts.skippedItems += read.skipped;
        run.counts.undated += read.undated;
        run.counts.truncated += read.truncated;
        return read.stories;
      },
    });
  },
};
