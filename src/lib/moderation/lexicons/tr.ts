// Turkish, with the bare-ASCII spellings common online (ı→i, ğ→g, ş→s, ç→c, ö→o, ü→u). The
// normaliser keeps dotless ı distinct from i, so "sikmek" and "sıkmak" (to squeeze, to bore)
// never meet. Future-tense stems use match: 'prefix' (öldüreceğim, öldüreceğiz).
import type { LexiconSource } from '../lexicon.ts';

export const tr: LexiconSource = {
  language: 'tr',
  sources: [
    'Hrant Dink Foundation, "Hate Speech and Discriminatory Discourse in Media" monitoring reports (Ermeni dölü, gavur)',
    'Kaos GL annual reports on homophobic hate speech (ibne)',
    'Wikipedia, "Anti-Armenian sentiment in Turkey"',
    'LDNOOBW tr list, for spellings only (orospu, kaltak, sürtük)'
  ],
  rationale:
    'Threat phrases, the anti-Armenian formulas documented in Turkish media monitoring, a homophobic slur, gendered slurs and ' +
    'sexist formulas. "Gavur" (infidel) is listed at severity 1: it is a derogatory label for Christians, Armenians and Greeks, ' +
    'but it also appears in place names and idioms ("Gavur Dağları"). "Çingene" is not listed: it is still the common ethnonym.',
  terms: [
    // threats (3)
    { term: 'seni öldürece', category: 'threat', severity: 3, match: 'prefix' }, // I/we will kill you
    { term: 'seni oldurece', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'seni öldürürüm', category: 'threat', severity: 3 }, // I'd kill you
    { term: 'seni oldururum', category: 'threat', severity: 3 },
    { term: 'seni gebertece', category: 'threat', severity: 3, match: 'prefix' }, // I will do you in
    { term: 'evini yakaca', category: 'threat', severity: 3, match: 'prefix' }, // (we) will burn your house
    { term: 'evini yakarım', category: 'threat', severity: 3 },
    { term: 'nerede oturduğunu biliyor', category: 'threat', severity: 3, match: 'prefix' }, // (we) know where you live
    { term: 'nerede yaşadığını biliyor', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'nerede oturdugunu biliyor', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'sana tecavüz edece', category: 'threat', severity: 3, match: 'prefix' }, // I will rape you
    { term: 'sana tecavuz edece', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'ermenilere ölüm', category: 'threat', severity: 3 }, // death to Armenians: incitement
    { term: 'geber', category: 'threat', severity: 2 }, // croak! (die)
    // hate
    { term: 'ermeni dölü', category: 'hate', severity: 2 }, // "Armenian spawn"
    { term: 'ermeni dolu', category: 'hate', severity: 2 },
    { term: 'ermeni tohumu', category: 'hate', severity: 2 }, // "Armenian seed"
    { term: 'gavur', category: 'hate', severity: 1, match: 'prefix' }, // infidel (gavurlar)
    { term: 'ibne', category: 'hate', severity: 2, match: 'prefix' }, // homophobic
    // misogyny
    { term: 'orospu', category: 'misogyny', severity: 1, match: 'prefix' }, // whore
    { term: 'orosbu', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'kaltak', category: 'misogyny', severity: 1, match: 'prefix' }, // slut
    { term: 'sürtük', category: 'misogyny', severity: 1, match: 'prefix' }, // slut
    { term: 'surtuk', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'kadının yeri mutfaktır', category: 'misogyny', severity: 1 }, // a woman's place is the kitchen
    { term: 'kadinin yeri mutfaktir', category: 'misogyny', severity: 1 },
    // sexual harassment
    { term: 'memelerini göster', category: 'sexualHarassment', severity: 2 }, // show your breasts
    { term: 'memelerini goster', category: 'sexualHarassment', severity: 2 },
    { term: 'çıplak fotoğraf', category: 'sexualHarassment', severity: 1, match: 'prefix' }, // naked photo
    { term: 'ciplak fotograf', category: 'sexualHarassment', severity: 1, match: 'prefix' },
    { term: 'seni sikece', category: 'sexualHarassment', severity: 2, match: 'prefix' }, // I will fuck you
    { term: 'seni sikerim', category: 'sexualHarassment', severity: 2 },
    { term: 'sakso çek', category: 'sexualHarassment', severity: 2 } // suck (me) off
  ]
};
