// Romanian (Romania and Moldova). Written both with diacritics (ă â î ș ț) and without, and with
// the old cedilla forms (ş ţ); terms are given with diacritics plus the common bare spellings.
import type { LexiconSource } from '../lexicon.ts';

export const ro: LexiconSource = {
  language: 'ro',
  sources: [
    'CNCD (Romanian National Council for Combating Discrimination) decisions on anti-Roma speech ("cioară", "țigan împuțit")',
    'Wikipedia (ro/en), "Bozgor", "Jidan", "List of ethnic slurs"',
    'ActiveWatch (Romania) hate-speech reports; Promo-LEX (Moldova) hate-speech monitoring',
    'Centrul FILIA / UN Women Moldova materials on sexism and online violence ("locul femeii e la cratiță")'
  ],
  rationale:
    'Threat phrases, the slurs against Roma, Hungarians and Jews that dominate Romanian-language hate speech, homophobic slurs, ' +
    'gendered abuse and the standard sexist formula "locul femeii e la cratiță". "Cioară" also means crow: listed because ' +
    'in a dialogue room it is far more often a slur than a bird.',
  terms: [
    // threats (3)
    { term: 'te omor', category: 'threat', severity: 3 }, // I'll kill you
    { term: 'te omorâm', category: 'threat', severity: 3 }, // we'll kill you
    { term: 'te omoram', category: 'threat', severity: 3 },
    { term: 'te ucid', category: 'threat', severity: 3 },
    { term: 'te împușc', category: 'threat', severity: 3 }, // I'll shoot you
    { term: 'te impusc', category: 'threat', severity: 3 },
    { term: 'te violez', category: 'threat', severity: 3 }, // I'll rape you
    { term: 'îți tai gâtul', category: 'threat', severity: 3 }, // I'll cut your throat
    { term: 'iti tai gatul', category: 'threat', severity: 3 },
    { term: 'dau foc la casa', category: 'threat', severity: 3, match: 'prefix' }, // I'll set fire to (your) house
    { term: 'dăm foc la casa', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'dam foc la casa', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'știm unde locuiești', category: 'threat', severity: 3 }, // we know where you live
    { term: 'stim unde locuiesti', category: 'threat', severity: 3 },
    { term: 'sinucide-te', category: 'threat', severity: 3 }, // kill yourself
    // slurs (2)
    { term: 'cioară', category: 'hate', severity: 2 }, // Roma ("crow")
    { term: 'cioara', category: 'hate', severity: 2 },
    { term: 'ciori', category: 'hate', severity: 2 },
    { term: 'cioroi', category: 'hate', severity: 2 }, // Roma (not a stem: the surname Cioroianu)
    { term: 'cioroii', category: 'hate', severity: 2 },
    { term: 'cioroaică', category: 'hate', severity: 2 },
    { term: 'țigan împuțit', category: 'hate', severity: 2, match: 'prefix' }, // "stinking gypsy"
    { term: 'tigan imputit', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'țigani împuțiți', category: 'hate', severity: 2 },
    { term: 'bozgor', category: 'hate', severity: 2, match: 'prefix' }, // Hungarians
    { term: 'jidan', category: 'hate', severity: 2, match: 'prefix' }, // Jews
    { term: 'poponar', category: 'hate', severity: 2, match: 'prefix' }, // homophobic
    { term: 'bulangiu', category: 'hate', severity: 2, match: 'prefix' }, // homophobic
    // misogyny
    { term: 'curvă', category: 'misogyny', severity: 1 }, // whore (not a stem: "curvatură"; not the plural "curve": English "curve")
    { term: 'curva', category: 'misogyny', severity: 1 },
    { term: 'curvo', category: 'misogyny', severity: 1 },
    { term: 'curvele', category: 'misogyny', severity: 1 },
    { term: 'târf', category: 'misogyny', severity: 1, match: 'prefix' }, // slut: târfă, târfe
    { term: 'tarf', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'pizdă', category: 'misogyny', severity: 1 }, // cunt
    { term: 'pizda', category: 'misogyny', severity: 1 },
    { term: 'pizdo', category: 'misogyny', severity: 1 },
    { term: 'locul femeii e la cratiță', category: 'misogyny', severity: 1 }, // a woman's place is at the stove
    { term: 'locul femeii este la cratiță', category: 'misogyny', severity: 1 },
    { term: 'locul femeii e la cratita', category: 'misogyny', severity: 1 },
    { term: 'femeile să tacă', category: 'misogyny', severity: 1 }, // women should keep quiet
    { term: 'femeile sa taca', category: 'misogyny', severity: 1 },
    // sexual harassment
    { term: 'arată-mi sânii', category: 'sexualHarassment', severity: 2 }, // show me your breasts
    { term: 'arata-mi sanii', category: 'sexualHarassment', severity: 2 },
    { term: 'arată-mi țâțele', category: 'sexualHarassment', severity: 2 },
    { term: 'trimite-mi nuduri', category: 'sexualHarassment', severity: 1 }, // send me nudes
    { term: 'suge-mi pula', category: 'sexualHarassment', severity: 2 }, // suck my dick
    { term: 'vreau să te fut', category: 'sexualHarassment', severity: 2 }, // I want to fuck you
    { term: 'vreau sa te fut', category: 'sexualHarassment', severity: 2 }
  ]
};
