/** A string of Chinese characters only: what a name, a brand or a unit written in Chinese is made of. */
export const HAN = /^\p{Script=Han}+$/u;
