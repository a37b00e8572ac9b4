/**
 * The name lexicon as training and the tagger read it (lib/nlp/ner/lexicon.ts): the file's labelled
 * names, and the general places from the product's own data — China's divisions, full and short
 * (株洲市, 株洲), and the countries and regions — which are never in the file. Apart from
 * lexicon.ts, which the features import: the divisions' passes import the model, and the model the features.
 */
import { nameKnowledge } from '../knowledge';
import { divisionNames } from './divisions';
import { nameLexicon, parseLexiconNames, type NameLexicon } from './lexicon';

export const generalPlaces = (): string[] => [...divisionNames(), ...nameKnowledge().countryNames];

/** The lexicon of `public/nlp/lexicon.txt`'s text. */
export const readLexicon = (file: string): NameLexicon => nameLexicon(parseLexiconNames(file), generalPlaces());
