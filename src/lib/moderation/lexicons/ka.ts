// Georgian (Mkhedruli script, and the Latin "translit" many people type on phones). The
// normaliser transliterates Cyrillic↔Latin only, so the common Latin spellings are listed too.
import type { LexiconSource } from '../lexicon.ts';

export const ka: LexiconSource = {
  language: 'ka',
  sources: [
    'Media Development Foundation (MDF), "Hate Speech" monitoring reports 2014–2023 (homophobia, xenophobia, gender discrimination)',
    'Internews Georgia / Heinrich Böll Foundation, "Addressing Hate Speech in Georgia" press monitoring',
    'Public Defender of Georgia reports on violence against women and hate crimes',
    'UN Women Georgia materials on sexism and online harassment'
  ],
  rationale:
    'Threats as first-person future verbs with a second-person object (მოგკლავ "I will kill you"), the homophobic slur most ' +
    'documented in Georgian hate-speech monitoring, gendered slurs and sexist formulas. Known gap: the monitoring reports show ' +
    'hostility to Armenians, Azerbaijanis, Abkhaz and Ossetians mostly through ethnonyms used as insults, not through distinct ' +
    'slurs, and ethnonyms cannot be listed without flagging every neutral mention; such abuse is left to moderators and room terms.',
  terms: [
    // threats (3)
    { term: 'მოგკლავ', category: 'threat', severity: 3, match: 'prefix' }, // I/we will kill you (მოგკლავთ)
    { term: 'mogklav', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'გაგაუპატიურებ', category: 'threat', severity: 3, match: 'prefix' }, // I will rape you
    { term: 'სახლს დაგიწვავ', category: 'threat', severity: 3, match: 'prefix' }, // I will burn your house
    { term: 'ვიცით სად ცხოვრობ', category: 'threat', severity: 3, match: 'prefix' }, // we know where you live
    { term: 'ვიცი სად ცხოვრობ', category: 'threat', severity: 3, match: 'prefix' }, // I know where you live
    { term: 'vicit sad cxovrob', category: 'threat', severity: 3, match: 'prefix' },
    // hate (2)
    { term: 'პიდარასტ', category: 'hate', severity: 2, match: 'prefix' }, // homophobic (from Russian)
    { term: 'pidarast', category: 'hate', severity: 2, match: 'prefix' },
    // misogyny
    { term: 'ბოზი', category: 'misogyny', severity: 1 }, // whore
    { term: 'ბოზო', category: 'misogyny', severity: 1 }, // (vocative)
    { term: 'ბოზები', category: 'misogyny', severity: 1 },
    { term: 'bozi', category: 'misogyny', severity: 1 },
    { term: 'ძუკნ', category: 'misogyny', severity: 1, match: 'prefix' }, // bitch
    { term: 'dzukn', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'ქალის ადგილი სამზარეულოშია', category: 'misogyny', severity: 1 }, // a woman's place is in the kitchen
    { term: 'გაჩუმდი ქალო', category: 'misogyny', severity: 1 }, // shut up, woman
    // sexual harassment
    { term: 'მაჩვენე ძუძუები', category: 'sexualHarassment', severity: 2 }, // show me (your) breasts
    { term: 'გამომიგზავნე შიშველი ფოტო', category: 'sexualHarassment', severity: 1, match: 'prefix' }, // send me a naked photo
    { term: 'მოგტყნავ', category: 'sexualHarassment', severity: 2 } // I will fuck you
  ]
};
