// Arabic: Modern Standard and the Levantine, Egyptian and Gulf forms common in chat. The matcher
// folds Arabic spelling before comparing (hamza-carrying alefs أ إ آ → ا, ة → ه, ى → ي, tatweel and
// short-vowel marks removed), so each term is written once, in its usual spelling.
import type { LexiconSource } from '../lexicon.ts';

export const ar: LexiconSource = {
  language: 'ar',
  sources: [
    'ADL / Anti-Defamation League and MEMRI documentation of "sons of apes and pigs" as antisemitic dehumanisation',
    'Human Rights Watch and Minority Rights Group on sectarian slurs against Shia ("rawafid")',
    'Mulki et al. (2019), "L-HSAB: A Levantine Twitter Dataset for Hate Speech and Abusive Language"; Mubarak et al. (2017), "Abusive Language Detection on Arabic Social Media"',
    'UN Women Arab States (2021), "Violence against women in the online space: insights from a multi-country study in the Arab States"'
  ],
  rationale:
    'Threats as first-person verbs with a second-person suffix (اقتلك "I kill you", with future markers), dehumanising and ' +
    'sectarian slurs, a homophobic slur, gendered slurs and sexist formulas. Past-tense forms are avoided where they read as ' +
    'a survivor\'s account ("اغتصبك", "he raped you"): rape threats are listed only with a future marker.',
  terms: [
    // threats (3)
    { term: 'اقتلك', category: 'threat', severity: 3 }, // I (will) kill you: راح اقتلك، سوف أقتلك
    { term: 'سأقتلك', category: 'threat', severity: 3 }, // I will kill you
    { term: 'هقتلك', category: 'threat', severity: 3 }, // (Egyptian)
    { term: 'بقتلك', category: 'threat', severity: 3 }, // (Levantine)
    { term: 'اذبحك', category: 'threat', severity: 3 }, // I (will) slaughter you
    { term: 'سأذبحك', category: 'threat', severity: 3 },
    { term: 'سأغتصبك', category: 'threat', severity: 3 }, // I will rape you
    { term: 'راح اغتصبك', category: 'threat', severity: 3 },
    { term: 'رح اغتصبك', category: 'threat', severity: 3 },
    { term: 'هغتصبك', category: 'threat', severity: 3 },
    { term: 'نحرق بيتك', category: 'threat', severity: 3 }, // we (will) burn your house
    { term: 'سنحرق بيتك', category: 'threat', severity: 3 },
    { term: 'سأحرق بيتك', category: 'threat', severity: 3 },
    { term: 'نعرف وين ساكن', category: 'threat', severity: 3, match: 'prefix' }, // we know where you live (ساكنة)
    { term: 'نعرف أين تسكن', category: 'threat', severity: 3, match: 'prefix' },
    { term: 'نعرف وين بيتك', category: 'threat', severity: 3 }, // we know where your house is
    { term: 'اقتل نفسك', category: 'threat', severity: 3 }, // kill yourself
    // hate (2)
    { term: 'القردة والخنازير', category: 'hate', severity: 2 }, // "(sons of) apes and pigs", for Jews
    { term: 'الروافض', category: 'hate', severity: 2 }, // sectarian slur for Shia
    { term: 'روافض', category: 'hate', severity: 2 },
    { term: 'رافضي', category: 'hate', severity: 2 },
    { term: 'لوطي', category: 'hate', severity: 2 }, // homophobic
    { term: 'لوطيين', category: 'hate', severity: 2 },
    // misogyny
    { term: 'شرموطة', category: 'misogyny', severity: 1 }, // whore
    { term: 'شراميط', category: 'misogyny', severity: 1 },
    { term: 'قحبة', category: 'misogyny', severity: 1 }, // whore
    { term: 'قحاب', category: 'misogyny', severity: 1 },
    { term: 'المرأة مكانها المطبخ', category: 'misogyny', severity: 1 }, // a woman's place is the kitchen
    { term: 'مكانك المطبخ', category: 'misogyny', severity: 1 }, // your place is the kitchen
    { term: 'ناقصات عقل', category: 'misogyny', severity: 1 }, // "deficient in mind", used to silence women
    { term: 'ناقصة عقل', category: 'misogyny', severity: 1 },
    // sexual harassment
    { term: 'صور عارية', category: 'sexualHarassment', severity: 1 }, // naked pictures
    { term: 'صورة عارية', category: 'sexualHarassment', severity: 1 },
    { term: 'انيكك', category: 'sexualHarassment', severity: 2 }, // I (will) fuck you
    { term: 'بنيكك', category: 'sexualHarassment', severity: 2 },
    { term: 'وريني صدرك', category: 'sexualHarassment', severity: 2 }, // show me your breasts
    { term: 'مصي زبي', category: 'sexualHarassment', severity: 2 } // suck my dick
  ]
};
