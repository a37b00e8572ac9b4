/** pinyin-pro's surname table (百家姓 with compound surnames), a data module it exports. */
declare module 'pinyin-pro/dist/esm/data/surname.mjs' {
  const surnames: Record<string, string>;
  export default surnames;
}
