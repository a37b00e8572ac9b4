/** The text of a page's article as the analysis reads it, in the extension and the CLI alike: its title first. */
export const articleText = (article: { title: string; text: string }) => `${article.title}\n${article.text}`;
