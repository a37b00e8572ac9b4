/** `text` as a regular expression that matches it literally (a name with a dot or brackets in it). */
export const regExpLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
