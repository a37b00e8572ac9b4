import type { TablesStore } from './nlp/ner/tables';

/** How lib/ reads the extension package's data files (public/): fetched in the browser, read from disk in Node. */
export type ReadPackageFile = (path: string) => Promise<string>;
/** The same, as bytes: the entity tagger's weights are binary (public/nlp/ner.bin). */
export type ReadPackageBytes = (path: string) => Promise<ArrayBuffer | Uint8Array>;

export interface PackageFiles {
  text: ReadPackageFile;
  bytes: ReadPackageBytes;
  /** Where the tables built from the files are kept between wakes; without it they are built at each. */
  tables?: TablesStore;
}
