// Albanian (Standard/Tosk and Gheg as written in Kosovo), with the bare-ASCII spellings common
// online (ë→e, ç→c).
import type { LexiconSource } from '../lexicon.ts';

export const sq: LexiconSource = {
  language: 'sq',
  sources: [
    'Wikipedia, "List of ethnic slurs" and "Anti-Serb sentiment" (shkije); "Antiziganism" (magjup)',
    'Kosovo Press Council / Independent Media Commission decisions on hate speech',
    'Albanian Media Institute, reports on hate speech online',
    'Kosovo Women\'s Network, reports on online harassment of women',
    'LDNOOBW sq list, for spellings only (kurvë, lavire, bushtër)'
  ],
  rationale:
    'Threat phrases (with the future "do të"), the slurs for Serbs and Roma, gendered slurs and sexist formulas. Phrases that ' +
    'read as questions ("a e di ku jeton?", "do you know where he lives?") are avoided: only "e dimë ku jeton" (we know ' +
    'where you live) is listed. "Ther" (slaughter) is not a stem: "thërras" (call) shares it.',
  terms: [
    // threats (3)
    { term: 'do të të vras', category: 'threat', severity: 3, match: 'prefix' }, // I/we will kill you (vrasim)
    { term: 'do te te vras', category: 'threat', severity: 3, match: 'prefix' },
    { term: "do t'ju vras", category: 'threat', severity: 3, match: 'prefix' }, // (plural you)
    { term: 'do të të therim', category: 'threat', severity: 3 }, // we will slaughter you
    { term: 'do të të ther', category: 'threat', severity: 3 },
    { term: 'ta djeg shtëpi', category: 'threat', severity: 3, match: 'prefix' }, // I'll burn your house (shtëpinë)
    { term: 'ta djegim shtëpi', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'ta djegim shtepi', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'e dimë ku jeton', category: 'threat', severity: 3 }, // we know where you live
    { term: 'e dime ku jeton', category: 'threat', severity: 3 },
    { term: 'do të të përdhun', category: 'threat', severity: 3, match: 'prefix' }, // I will rape you
    { term: 'do te te perdhun', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'vdeksh', category: 'threat', severity: 2 }, // may you die
    // slurs (2)
    { term: 'shkije', category: 'hate', severity: 2 }, // Serbs/Slavs
    { term: 'shkijet', category: 'hate', severity: 2 },
    { term: 'shkja', category: 'hate', severity: 2 },
    { term: 'magjup', category: 'hate', severity: 2, match: 'prefix' }, // Roma
    { term: 'magjyp', category: 'hate', severity: 2, match: 'prefix' },
    // misogyny
    { term: 'kurvë', category: 'misogyny', severity: 1 }, // whore
    { term: 'kurva', category: 'misogyny', severity: 1 },
    { term: 'kurvat', category: 'misogyny', severity: 1 },
    { term: 'kurve', category: 'misogyny', severity: 1 },
    { term: 'lavire', category: 'misogyny', severity: 1 }, // whore (not a stem: in Cyrillic "лавир-" is Russian "to manoeuvre")
    { term: 'lavirja', category: 'misogyny', severity: 1 },
    { term: 'laviret', category: 'misogyny', severity: 1 },
    { term: 'bushtër', category: 'misogyny', severity: 1 }, // bitch (not "bushtr-"/"bushtra": Serbian "buštra", "buštranje", rummages)
    { term: 'bushter', category: 'misogyny', severity: 1 },
    { term: 'bushtrën', category: 'misogyny', severity: 1 },
    { term: 'gruaja duhet të hesht', category: 'misogyny', severity: 1, match: 'prefix' }, // a woman should keep quiet
    { term: 'gratë duhet të hesht', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'vendi i gruas është në kuzhin', category: 'misogyny', severity: 1, match: 'prefix' }, // a woman's place is in the kitchen
    // sexual harassment
    { term: 'më trego gjinjtë', category: 'sexualHarassment', severity: 2 }, // show me (your) breasts
    { term: 'dërgo foto lakuriq', category: 'sexualHarassment', severity: 1 }, // send a naked photo
    { term: 'dergo foto lakuriq', category: 'sexualHarassment', severity: 1 },
    { term: 'do të të qij', category: 'sexualHarassment', severity: 2 } // I will fuck you
  ]
};
