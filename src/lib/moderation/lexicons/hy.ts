// Armenian (Eastern Armenian in Armenian script, plus the common Latin spellings people type).
// The normaliser transliterates Cyrillic↔Latin only, so the Latin spellings are listed here.
import type { LexiconSource } from '../lexicon.ts';

export const hy: LexiconSource = {
  language: 'hy',
  sources: [
    'Human Rights Defender of Armenia, ad hoc reports on hate speech (2020–2021), for the incitement formulas on both sides',
    'Media Initiatives Center (Armenia) and Union of Informed Citizens on online hate speech',
    'Society Without Violence / Coalition to Stop Violence Against Women (Armenia) on sexist and online abuse',
    'LDNOOBW hy list, for Latin spellings only (boz, gomik, kunem)'
  ],
  rationale:
    'Threats as future first-person verbs (կսպանեմ "I will kill"), the incitement slogan "death to Turks" (used against ' +
    'Azerbaijanis too), a homophobic slur, gendered slurs and sexist formulas. "բոզ" is listed by exact forms: as a stem it ' +
    'would hit the dish բոզբաշ. The Latin "boz" is not listed: it is ordinary Turkish/Azerbaijani ("grey", "break"). ' +
    'Known gap: Armenian abuse of Azerbaijanis mostly uses the ethnonym "թուրք" (Turk) as an insult, which cannot be listed.',
  terms: [
    // threats (3)
    { term: 'կսպանեմ', category: 'threat', severity: 3 }, // I will kill
    { term: 'կսպանենք', category: 'threat', severity: 3 }, // we will kill
    { term: 'kspanem', category: 'threat', severity: 3 },
    { term: 'ksbanem', category: 'threat', severity: 3 }, // Western Armenian spelling
    { term: 'կբռնաբարեմ', category: 'threat', severity: 3 }, // I will rape
    { term: 'տունդ կվառեմ', category: 'threat', severity: 3 }, // I will burn your house
    { term: 'տունդ կայրեմ', category: 'threat', severity: 3 },
    { term: 'գիտենք որտեղ ես ապրում', category: 'threat', severity: 3 }, // we know where you live
    { term: 'գիտեմ որտեղ ես ապրում', category: 'threat', severity: 3 }, // I know where you live
    { term: 'մահ թուրքերին', category: 'threat', severity: 3 }, // death to Turks: incitement
    { term: 'սատկես', category: 'threat', severity: 2 }, // may you croak
    // hate (2)
    { term: 'գոմիկ', category: 'hate', severity: 2 }, // homophobic (from Russian гомик)
    { term: 'գոմիկներ', category: 'hate', severity: 2 },
    // misogyny
    { term: 'բոզ', category: 'misogyny', severity: 1 }, // whore
    { term: 'բոզի', category: 'misogyny', severity: 1 },
    { term: 'բոզեր', category: 'misogyny', severity: 1 },
    { term: 'կնոջ տեղը խոհանոցն է', category: 'misogyny', severity: 1 }, // a woman's place is the kitchen
    { term: 'կնոջ տեղը խոհանոցում է', category: 'misogyny', severity: 1 },
    { term: 'կինը պետք է լռի', category: 'misogyny', severity: 1 }, // a woman must be silent
    // sexual harassment
    { term: 'ցույց տուր կուրծքդ', category: 'sexualHarassment', severity: 2 }, // show your breasts
    { term: 'ուղարկիր մերկ նկար', category: 'sexualHarassment', severity: 1, match: 'prefix' }, // send a naked photo
    { term: 'քունեմ', category: 'sexualHarassment', severity: 2 }, // I'll fuck (you)
    { term: 'kunem', category: 'sexualHarassment', severity: 2 }
  ]
};
