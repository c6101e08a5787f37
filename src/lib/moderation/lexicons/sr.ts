// Serbian, Bosnian, Croatian, Montenegrin (one lexicon: the abuse is shared). Terms are written in
// Latin with diacritics; the normaliser transliterates them to Serbian Cyrillic (ž→ж, ć→ћ, lj→љ),
// so "убићу те" and "ubiću te" are one entry. Bare-ASCII spellings (c for č/ć, s for š, z for ž)
// are listed where people commonly type them. Ekavian (gde, mesto) and ijekavian (gdje, mjesto)
// variants and the Croatian future ("ubit ću") are listed too.
import type { LexiconSource } from '../lexicon.ts';

export const sr: LexiconSource = {
  language: 'sr',
  sources: [
    'RFE/RL (2020), "Serbian officials double down on ethnic insult" (Šiptar)',
    'Sportsport.ba / Football Italia (2021) on "balija" as an ethnic slur for Bosniaks',
    'ICTY judgements and Balkan Insight reporting on wartime chants ("Nož, žica, Srebrenica", "Ubij, zakolji", "Srbe na vrbe")',
    'Wikipedia, "List of ethnic slurs" (Balija, Šiptar, Čifut, Poturica, Ustaša/Četnik as slurs)',
    'Reporting Diversity Network / Mediacentar Sarajevo on hate speech in Western Balkan media',
    'Autonomous Women\'s Center (Belgrade) / CURE (Sarajevo) on online violence against women'
  ],
  rationale:
    'Threat phrases and the genocidal chants of the 1990s wars, the ethnic slurs each community uses for the others (balija, ' +
    'poturica, šiptar, ustaša, četnik, čifut), homophobic slurs, gendered abuse and sexist formulas. "Ustaša" and "četnik" ' +
    'are also historical terms: a discussion of the Second World War will be flagged, which moderators should expect ' +
    '(and "ustaše" is also a literary aorist, "they got up").',
  terms: [
    // threats (3)
    { term: 'ubiću te', category: 'threat', severity: 3 }, // I will kill you
    { term: 'ubicu te', category: 'threat', severity: 3 },
    { term: 'ubit ću te', category: 'threat', severity: 3 },
    { term: 'ubit cu te', category: 'threat', severity: 3 },
    { term: 'zaklaću te', category: 'threat', severity: 3 }, // I will slaughter you
    { term: 'zaklat ću te', category: 'threat', severity: 3 },
    { term: 'zaklacu te', category: 'threat', severity: 3 },
    { term: 'silovaću te', category: 'threat', severity: 3 }, // I will rape you
    { term: 'silovat ću te', category: 'threat', severity: 3 },
    { term: 'zapalićemo ti kuću', category: 'threat', severity: 3 }, // we will burn your house
    { term: 'zapalit ćemo ti kuću', category: 'threat', severity: 3 },
    { term: 'znamo gde živiš', category: 'threat', severity: 3 }, // we know where you live
    { term: 'znamo gdje živiš', category: 'threat', severity: 3 },
    { term: 'znamo gde zivis', category: 'threat', severity: 3 },
    { term: 'nož žica srebrenica', category: 'threat', severity: 3 }, // genocidal chant
    { term: 'noz zica srebrenica', category: 'threat', severity: 3 },
    { term: 'ubij zakolji', category: 'threat', severity: 3 }, // "kill, slaughter (so that ... does not exist)"
    { term: 'srbe na vrbe', category: 'threat', severity: 3 }, // "Serbs onto the willows" (Ustaše slogan)
    // slurs (2)
    { term: 'balij', category: 'hate', severity: 2, match: 'prefix' }, // Bosniaks: balija, balije, balijo
    { term: 'poturic', category: 'hate', severity: 2, match: 'prefix' }, // Bosniaks ("converts")
    { term: 'šiptar', category: 'hate', severity: 2, match: 'prefix' }, // Albanians
    { term: 'siptar', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'ustaš', category: 'hate', severity: 2, match: 'prefix' }, // Croats: ustaša, ustaše
    { term: 'ustasa', category: 'hate', severity: 2 }, // (ASCII: not a stem, "ustasmo" is "we got up")
    { term: 'ustase', category: 'hate', severity: 2 },
    { term: 'četnik', category: 'hate', severity: 2, match: 'prefix' }, // Serbs: četnik, četnikuša
    { term: 'četnici', category: 'hate', severity: 2 },
    { term: 'cetnik', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'cetnici', category: 'hate', severity: 2 },
    { term: 'čifut', category: 'hate', severity: 2, match: 'prefix' }, // Jews
    { term: 'cifut', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'peder', category: 'hate', severity: 2 }, // homophobic (not a stem: the surname Pedersen)
    { term: 'pederi', category: 'hate', severity: 2 },
    { term: 'pedere', category: 'hate', severity: 2 },
    { term: 'pederu', category: 'hate', severity: 2 },
    // misogyny
    { term: 'kurva', category: 'misogyny', severity: 1 }, // whore
    { term: 'kurve', category: 'misogyny', severity: 1 },
    { term: 'kurvo', category: 'misogyny', severity: 1 },
    { term: 'drolj', category: 'misogyny', severity: 1, match: 'prefix' }, // slut
    { term: 'kučko', category: 'misogyny', severity: 1 }, // bitch! (not "kučka": in Cyrillic it is Russian "кучка", a heap)
    { term: 'kucko', category: 'misogyny', severity: 1 },
    { term: 'pička', category: 'misogyny', severity: 1 }, // cunt
    { term: 'pičko', category: 'misogyny', severity: 1 },
    { term: 'ženi je mesto u kuhinji', category: 'misogyny', severity: 1 }, // a woman's place is in the kitchen
    { term: 'ženi je mjesto u kuhinji', category: 'misogyny', severity: 1 },
    { term: 'žene treba da ćute', category: 'misogyny', severity: 1 }, // women should keep quiet
    { term: 'žene trebaju šutjeti', category: 'misogyny', severity: 1 },
    // sexual harassment
    { term: 'pokaži sise', category: 'sexualHarassment', severity: 2 }, // show (your) tits
    { term: 'pokazi sise', category: 'sexualHarassment', severity: 2 },
    { term: 'pošalji gole slik', category: 'sexualHarassment', severity: 1, match: 'prefix' }, // send naked pictures
    { term: 'popuši mi', category: 'sexualHarassment', severity: 2 }, // suck me off
    { term: 'jebaću te', category: 'sexualHarassment', severity: 2 }, // I will fuck you
    { term: 'jebat ću te', category: 'sexualHarassment', severity: 2 }
  ]
};
