/**
 * A source's text could not be read. Apart from the feed parser (feed.ts), so that what only
 * tells errors apart (sync-source.ts, at every wake of the worker) does not evaluate the parser.
 */
import { MESSAGE_LENGTH, printable } from '../printable';

export class FeedError extends Error {
  constructor(message: string) {
    super(printable(message, MESSAGE_LENGTH));
    this.name = 'FeedError';
  }
}
