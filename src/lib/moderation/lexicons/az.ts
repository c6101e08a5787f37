// Azerbaijani (Latin alphabet with ə ı ö ü ğ ş ç), plus the bare-ASCII spellings common online
// (ə→e, ı→i, ö→o, ü→u, ş→s, ç→c, q→g). Turkic morphology stacks suffixes, so most threat phrases
// end in a future-tense stem with match: 'prefix'.
import type { LexiconSource } from '../lexicon.ts';

export const az: LexiconSource = {
  language: 'az',
  sources: [
    'Human Rights Defender of Armenia, ad hoc public report on organised hate speech and animosity towards Armenians in Azerbaijan (2021), incl. "chase them like dogs"',
    'ECRI (Council of Europe) country reports on Azerbaijan, on anti-Armenian hate speech',
    'Wikipedia, "Anti-Armenian sentiment in Azerbaijan"',
    'LDNOOBW az list, for spellings only (qehbe, qanchikh, sikim)'
  ],
  rationale:
    'Threat phrases, the dehumanising formulas used against Armenians in the Karabakh conflict ("erməni dölü", "erməni toxumu", ' +
    '"xaçpərəst", "it kimi qovuruq", "ermənilərə ölüm"), a homophobic slur, gendered slurs and sexist formulas. The bare word ' +
    '"erməni" is an ethnonym and is not listed, though it is used as an insult.',
  terms: [
    // threats (3)
    { term: 'səni öldürəcə', category: 'threat', severity: 3, match: 'prefix' }, // I/we will kill you (öldürəcəm, öldürəcəyik)
    { term: 'seni oldurece', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'səni öldürərəm', category: 'threat', severity: 3 }, // I'd kill you
    { term: 'evini yandıraca', category: 'threat', severity: 3, match: 'prefix' }, // (we) will burn your house
    { term: 'harada yaşadığını bilir', category: 'threat', severity: 3, match: 'prefix' }, // (we) know where you live
    { term: 'harda yaşadığını bilir', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'səni zorlayaca', category: 'threat', severity: 3, match: 'prefix' }, // I will rape you
    { term: 'ermənilərə ölüm', category: 'threat', severity: 3 }, // death to Armenians: incitement
    { term: 'gəbər', category: 'threat', severity: 2 }, // croak! (die)
    // hate (2)
    { term: 'erməni dölü', category: 'hate', severity: 2 }, // "Armenian spawn"
    { term: 'erməni toxumu', category: 'hate', severity: 2 }, // "Armenian seed"
    { term: 'xaçpərəst', category: 'hate', severity: 2, match: 'prefix' }, // "cross-worshipper", for Armenians
    { term: 'xacperest', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'it kimi qovuruq', category: 'hate', severity: 2 }, // "we chase them like dogs"
    { term: 'götverən', category: 'hate', severity: 2, match: 'prefix' }, // homophobic
    // misogyny
    { term: 'qəhbə', category: 'misogyny', severity: 1, match: 'prefix' }, // whore
    { term: 'qehbe', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'gehbe', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'qancıq', category: 'misogyny', severity: 1, match: 'prefix' }, // bitch
    { term: 'qanciq', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'qadının yeri mətbəxdir', category: 'misogyny', severity: 1 }, // a woman's place is the kitchen
    { term: 'qadın susmalıdır', category: 'misogyny', severity: 1 }, // a woman must keep quiet
    // sexual harassment
    { term: 'döşlərini göstər', category: 'sexualHarassment', severity: 2 }, // show your breasts
    { term: 'çılpaq şək', category: 'sexualHarassment', severity: 1, match: 'prefix' }, // naked photo (şəkil, şəklini)
    { term: 'səni sikim', category: 'sexualHarassment', severity: 2 }, // I'll fuck you
    { term: 'səni sikəcəm', category: 'sexualHarassment', severity: 2 },
    { term: 'seni sikim', category: 'sexualHarassment', severity: 2 }
  ]
};
