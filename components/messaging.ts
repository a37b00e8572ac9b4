import { browser } from 'wxt/browser';
import type { Message, Reply } from '../lib/messages';

/** Sends a message of the shared protocol to the background and types its reply. */
export function send<M extends Message>(message: M): Promise<Reply<M>> {
  return browser.runtime.sendMessage(message) as Promise<Reply<M>>;
}
