import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUNDLED_LANGUAGES,
  BUNDLED_TERMS,
  CATEGORIES,
  compileLexicon,
  type Category,
  type LexiconHit,
  type LexiconTerm
} from './lexicon.ts';
import { LEXICON_SOURCES } from './lexicons/index.ts';

const match = compileLexicon();
const categories = (text: string): Category[] => [...new Set(match(text).map((hit) => hit.category))];

interface LanguageCases {
  /** Plain abuse, and the category it must be flagged as. */
  positives: [string, Category][];
  /** The same disguised: homoglyphs, spacing, leetspeak, mixed script, transliteration, marks. */
  obfuscated: [string, Category][];
  /** Innocent words that contain a term or look like one, and everyday sentences: no hit at all. */
  negatives: string[];
  /** A room rule forbidding threats and insults, in this language: never a threat. */
  rule: string;
}

const CASES: Record<string, LanguageCases> = {
  en: {
    positives: [
      ['I will kill you if you come back', 'threat'],
      ['We know where you live.', 'threat'],
      ['they are all subhumans', 'hate'],
      ['shut up, you stupid bitch', 'misogyny'],
      ['Women belong in the kitchen, not at peace talks', 'misogyny'],
      ['send nudes or I share your messages', 'sexualHarassment']
    ],
    obfuscated: [
      ['I w1ll k1ll y0u', 'threat'], // leetspeak
      ['go k i l l  y o u r s e l f', 'threat'], // spacing
      ['you b\u0456tch', 'misogyny'], // Cyrillic і inside a Latin word
      ['WE KNOW WHERE YOU LIVE', 'threat'], // case
      ['s\u200Blut', 'misogyny'], // zero-width space
      ['go k\u0338i\u0335l\u0337l\u0336 yourself', 'threat'] // "Zalgo" marks
    ],
    negatives: [
      'The assassin in the novel was a skilled therapist.',
      'We drove from Scunthorpe to Essex and back.',
      'Kill the process and restart the server.',
      'Survivors described how soldiers threatened to rape them.',
      'She documented the rape of women in the war as evidence.',
      'Pass the cocktail menu, and mind the glass.',
      "Don't kill yourself over the report, I'm going back to the kitchen for coffee."
    ],
    rule: 'No threats, hate speech or insults allowed.'
  },
  ru: {
    positives: [
      ['Я тебя убью', 'threat'],
      ['Мы знаем, где ты живёшь', 'threat'],
      ['Все хохлы одинаковые', 'hate'],
      ['Заткнись, шлюха', 'misogyny'],
      ['Место женщины на кухне', 'misogyny'],
      ['Покажи сиськи', 'sexualHarassment']
    ],
    obfuscated: [
      ['я тебя у6ью', 'threat'], // leetspeak in Cyrillic
      ['ubyu tebya', 'threat'], // Latin transliteration
      ['с у к а', 'misogyny'], // spacing
      ['х\u006F\u0445лы', 'hate'], // Latin o inside a Cyrillic word
      ['khokhly opyat', 'hate'], // transliteration
      ['знаем где ты живешь', 'threat'] // е for ё
    ],
    negatives: [
      'Купила сукно, а на ране выступила сукровица.',
      'Нужно правильно употреблять слова.',
      'Татьяна Москаленко выступила на конференции.',
      'Кучка людей собралась у жидкого костра.',
      'Виталий Чуркин выступал в ООН.',
      'На доске много сучков.',
      'Фагот звучит в оркестре.',
      'Хохлатая птица в пикейном жилете.'
    ],
    rule: 'Угрозы и оскорбления запрещены.'
  },
  uk: {
    positives: [
      ["Я тебе вб'ю", 'threat'],
      ['Ми знаємо, де ти живеш', 'threat'],
      ['Русня знову бреше', 'hate'],
      ['Місце жінки на кухні', 'misogyny'],
      ['Покажи цицьки', 'sexualHarassment']
    ],
    obfuscated: [
      ['я тебе вбʼю', 'threat'], // modifier-letter apostrophe
      ['я тебе вбю', 'threat'], // apostrophe left out
      ['katsapy', 'hate'], // transliteration
      ['м о с к а л і', 'hate'], // spacing
      ['згвалтую', 'threat'] // г for ґ
    ],
    negatives: [
      'Тетяна Москаленко виступила на зустрічі.',
      'Руснаки живуть у Воєводині.',
      'Візьми ватний диск.',
      'Сучасна жінка має право голосу.',
      'Поле вже підоране, надішліть сканкопію договору.',
      'Олена Хохлачова та Ірина Хохлаткіна.'
    ],
    rule: 'Погрози та образи заборонені.'
  },
  ro: {
    positives: [
      ['Te omor dacă mai vii', 'threat'],
      ['Știm unde locuiești', 'threat'],
      ['bozgorii ăștia', 'hate'],
      ['ești o curvă', 'misogyny'],
      ['locul femeii e la cratiță', 'misogyny'],
      ['arată-mi sânii', 'sexualHarassment']
    ],
    obfuscated: [
      ['te 0m0r', 'threat'], // leetspeak
      ['Ştim unde locuieşti', 'threat'], // old cedilla letters
      ['c i o a r ă', 'hate'], // spacing
      ['ci\u043Eară', 'hate'], // Cyrillic о inside a Latin word
      ['t4rfa', 'misogyny'] // leetspeak, no diacritics
    ],
    negatives: [
      'Curbura drumului și curvatura spațiului.',
      'Ne vedem mâine la ședință.',
      'Te omoară de râs filmul ăsta.',
      'Femeile au negociat pacea la Chișinău.',
      'Ce pute aici? Tratament bicotidian.',
      'Adrian Cioroianu a vorbit la conferință.'
    ],
    rule: 'Amenințările și insultele sunt interzise.'
  },
  ka: {
    positives: [
      ['მოგკლავ', 'threat'],
      ['ვიცით სად ცხოვრობ', 'threat'],
      ['ბოზი ხარ', 'misogyny'],
      ['მაჩვენე ძუძუები', 'sexualHarassment']
    ],
    obfuscated: [
      ['mogklav', 'threat'], // Latin transliteration
      ['მ ო გ კ ლ ა ვ', 'threat'], // spacing
      ['ბ.ო.ზ.ი', 'misogyny'] // dots
    ],
    negatives: [
      'სად ცხოვრობ?',
      'ვიცი, რომ ქალები ლიდერები არიან.',
      'ძუძუმწოვარი ცხოველია.'
    ],
    rule: 'მუქარა და შეურაცხყოფა აკრძალულია.'
  },
  hy: {
    positives: [
      ['Քեզ կսպանեմ', 'threat'],
      ['Գիտենք որտեղ ես ապրում', 'threat'],
      ['Կնոջ տեղը խոհանոցն է', 'misogyny'],
      ['ցույց տուր կուրծքդ', 'sexualHarassment']
    ],
    obfuscated: [
      ['kspanem', 'threat'], // Latin transliteration
      ['կ ս պ ա ն ե մ', 'threat'], // spacing
      ['ԿՍՊԱՆԵՄ', 'threat'] // capitals
    ],
    negatives: [
      'Որտեղ ես ապրում?',
      'Այսօր բոզբաշ ենք պատրաստում.',
      'Խաչքարը հին է.',
      'We visited a khachkar near Yerevan.'
    ],
    rule: 'Սպառնալիքներն ու վիրավորանքներն արգելված են.'
  },
  az: {
    positives: [
      ['səni öldürəcəm', 'threat'],
      ['harada yaşadığını bilirik', 'threat'],
      ['erməni dölü', 'hate'],
      ['qəhbə', 'misogyny'],
      ['döşlərini göstər', 'sexualHarassment']
    ],
    obfuscated: [
      ['q3hb3', 'misogyny'], // leetspeak
      ['x a ç p ə r ə s t', 'hate'], // spacing
      ['SƏNİ ÖLDÜRƏCƏM', 'threat'] // capitals, dotted İ
    ],
    negatives: [
      'Bakıda yaşadığını bilirəm, gəl görüşək.',
      'Boz rəngli palto aldım.',
      'Ermənistan və Azərbaycan qadınları sülh üçün görüşdülər.'
    ],
    rule: 'Hədə-qorxu və təhqir qadağandır.'
  },
  tr: {
    positives: [
      ['seni öldüreceğim', 'threat'],
      ['nerede oturduğunu biliyoruz', 'threat'],
      ['ermeni dölü', 'hate'],
      ['orospu', 'misogyny'],
      ['memelerini göster', 'sexualHarassment']
    ],
    obfuscated: [
      ['s3ni öldüreceğim', 'threat'], // leetspeak
      ['0rospu', 'misogyny'], // leetspeak
      ['o r o s p u', 'misogyny'], // spacing
      ['SENİ ÖLDÜRECEĞİM', 'threat'] // capitals, dotted İ
    ],
    negatives: [
      'Seni sıkmak istemem.',
      'Evini yakında satacak.',
      'Boz renkli bir ceket.',
      'Geberit marka lavabo aldık.',
      'Camı hohlayıp sildi.'
    ],
    rule: 'Tehdit ve hakaret yasaktır.'
  },
  sr: {
    positives: [
      ['ubiću te', 'threat'],
      ['Znamo gde živiš', 'threat'],
      ['smrdljivi balija', 'hate'],
      ['šiptari', 'hate'],
      ['kurvo jedna', 'misogyny'],
      ['pokaži sise', 'sexualHarassment']
    ],
    obfuscated: [
      ['убићу те', 'threat'], // Cyrillic
      ['ubicu te', 'threat'], // no diacritics
      ['b a l i j a', 'hate'], // spacing
      ['ub1ću te', 'threat'], // leetspeak
      ['балије', 'hate'] // Cyrillic
    ],
    negatives: [
      'Sagradili smo zid oko kuće.',
      'Židovska općina u Zagrebu.',
      'Kuckam poruku, samo malo.',
      'Pedersen je došao na sastanak.',
      'Кућа је близу.',
      'Slutim da će kiša, imam lošu slutnju.',
      'Stalno nešto buštra po ladicama.'
    ],
    rule: 'Prijetnje i uvrede su zabranjene.'
  },
  sq: {
    positives: [
      ['do të të vras', 'threat'],
      ['e dimë ku jeton', 'threat'],
      ['shkije', 'hate'],
      ['kurvë', 'misogyny'],
      ['më trego gjinjtë', 'sexualHarassment']
    ],
    obfuscated: [
      ['d0 t3 t3 vr4s', 'threat'], // leetspeak
      ['m a g j u p', 'hate'], // spacing
      ['DO TË TË VRASIM', 'threat'] // capitals, inflection
    ],
    negatives: [
      'A e di ku jeton Ana?',
      'Do të të thërrasim nesër.',
      'Gratë kanë të drejtë të flasin.'
    ],
    rule: 'Kërcënimet dhe fyerjet janë të ndaluara.'
  },
  ar: {
    positives: [
      ['سأقتلك', 'threat'],
      ['راح اقتلك', 'threat'],
      ['نعرف وين ساكنة', 'threat'],
      ['يا شرموطة', 'misogyny'],
      ['المرأة مكانها المطبخ', 'misogyny'],
      ['ابعتيلي صور عارية', 'sexualHarassment']
    ],
    obfuscated: [
      ['سَأَقْتُلُكَ', 'threat'], // short-vowel marks
      ['ســأقتلك', 'threat'], // tatweel
      ['ساقتلك', 'threat'], // no hamza
      ['ش ر م و ط ة', 'misogyny'], // spacing
      ['شرموطه', 'misogyny'] // hā' for tā' marbūṭa
    ],
    negatives: [
      'هل اغتصبك أحد؟ نحن هنا لدعمك.',
      'أنا رافض هذا القرار.',
      'عبد الله وصل إلى الاجتماع.',
      'نعرف أين الاجتماع غدا.'
    ],
    rule: 'التهديدات والإهانات ممنوعة.'
  },
  fr: {
    positives: [
      ['je vais te tuer', 'threat'],
      ['on sait où tu habites', 'threat'],
      ['sale arabe', 'hate'],
      ['espèce de salope', 'misogyny'],
      ['sois belle et tais-toi', 'misogyny'],
      ['montre-moi tes seins', 'sexualHarassment']
    ],
    obfuscated: [
      ['s@lope', 'misogyny'], // leetspeak
      ['je vais te tu3r', 'threat'], // leetspeak
      ['s a l o p e', 'misogyny'], // spacing
      ["j'vais t’égorger", 'threat'], // elision, typographic apostrophe
      ['ON SAIT OU TU HABITES', 'threat'] // capitals, no accent
    ],
    negatives: [
      'Ma salopette est bleue.',
      'Putain, j’ai raté le train.',
      'Je crève de faim.',
      'Le bicorne de Napoléon est au musée.',
      'Il a pris une hache pour couper le bois.',
      'Je retourne à la cuisine chercher du café.'
    ],
    rule: 'Les menaces et les insultes sont interdites.'
  }
};

describe('bundled lexicons', () => {
  it('cover the required languages, each in its own file', () => {
    for (const language of ['en', 'ru', 'uk', 'ro', 'ka', 'hy', 'az', 'tr', 'sr', 'sq', 'ar', 'fr']) {
      expect(BUNDLED_LANGUAGES).toContain(language);
      expect(Object.keys(CASES)).toContain(language);
    }
    expect(new Set(BUNDLED_LANGUAGES).size).toBe(BUNDLED_LANGUAGES.length);
  });

  it('have sources and a rationale, and every category in every language', () => {
    for (const source of LEXICON_SOURCES) {
      expect(source.sources.length, source.language).toBeGreaterThan(0);
      expect(source.rationale.length, source.language).toBeGreaterThan(40);
      const present = new Set(source.terms.map((term) => term.category));
      for (const category of CATEGORIES) expect(present.has(category), `${source.language} ${category}`).toBe(true);
    }
  });

  it('hold well-formed entries: category, severity, match mode, no blank or padded terms, no duplicates', () => {
    for (const source of LEXICON_SOURCES) {
      const seen = new Set<string>();
      for (const term of source.terms) {
        expect(CATEGORIES, term.term).toContain(term.category);
        expect([1, 2, 3], term.term).toContain(term.severity);
        expect([undefined, 'word', 'prefix'], term.term).toContain(term.match);
        expect(term.term, term.term).toBe(term.term.trim());
        expect(term.term.length, term.term).toBeGreaterThan(2);
        expect(seen.has(term.term), `${source.language} duplicate ${term.term}`).toBe(false);
        seen.add(term.term);
      }
    }
  });

  it('give threats of violence and incitement severity 3 or 2, and ethnic slurs severity 2', () => {
    for (const term of BUNDLED_TERMS) {
      if (term.category === 'threat') expect(term.severity, term.term).toBeGreaterThanOrEqual(2);
      if (term.category === 'hate' && term.term !== 'gavur' && !/ватник/.test(term.term)) expect(term.severity, term.term).toBe(2);
    }
  });

  it('match every bundled term written on its own and inside a sentence', () => {
    for (const term of BUNDLED_TERMS) {
      for (const text of [term.term, `— ${term.term}!`, `ok, ${term.term} ok`]) {
        expect(
          match(text).some((hit) => hit.category === term.category),
          `${term.language}: ${text}`
        ).toBe(true);
      }
    }
  });
});

for (const [language, cases] of Object.entries(CASES)) {
  describe(`lexicon: ${language}`, () => {
    it.each(cases.positives)('flags %s as %s', (text, category) => {
      expect(categories(text)).toContain(category);
    });

    it.each(cases.obfuscated)('flags the disguised %s as %s', (text, category) => {
      expect(categories(text)).toContain(category);
    });

    it.each(cases.negatives)('leaves %s alone', (text) => {
      expect(match(text)).toEqual([]);
    });

    it('does not read the room rule against threats as a threat', () => {
      expect(categories(cases.rule)).not.toContain('threat');
      expect(match(cases.rule)).toEqual([]);
    });
  });
}

describe('compileLexicon', () => {
  it('reports the term, category, severity and language of a hit', () => {
    expect(match('I will kill you')).toEqual([{ term: 'i will kill you', category: 'threat', severity: 3, language: 'en' }]);
  });

  it('matches whole words only, in any script', () => {
    const rooms = compileLexicon([{ term: 'ass', category: 'misogyny', severity: 1, language: 'en' }]);
    expect(rooms('what an ass')).toHaveLength(1);
    expect(rooms('the assassin passed the class')).toEqual([]);
    expect(match('скилл и килл')).toEqual([]); // Cyrillic letters are word letters too
    expect(match('ათასი სუკა')).toEqual([]); // nor do Georgian letters break a Russian-looking word
  });

  it('lets a prefix stem match inflections but not unrelated words', () => {
    expect(categories('эти шлюхи')).toContain('misogyny');
    expect(categories('шлюхой')).toContain('misogyny');
    expect(categories('кацапня')).toContain('hate');
    expect(match('сукно')).toEqual([]);
    expect(match('Москаленко')).toEqual([]);
  });

  it('deduplicates hits: a term repeated, or written in two scripts, is one hit', () => {
    expect(match('сука, сука, СУКА')).toHaveLength(1);
    expect(match('курва kurva')).toHaveLength(1);
    expect(match('кацапы и кацапня')).toHaveLength(1);
    const hits = match('I will kill you, I will kill you, bitch');
    expect(hits.map((hit) => hit.category).sort()).toEqual(['misogyny', 'threat']);
  });

  it('matches a multi-word term when some of its words were spelled out letter by letter', () => {
    expect(categories('I will k i l l  y o u')).toContain('threat');
    expect(categories('мы з н а е м где ты живешь')).toContain('threat');
    expect(categories('s u c k  m y  d i c k')).toContain('sexualHarassment');
  });

  it('orders hits by severity, highest first', () => {
    const hits = match('bitch, I will kill you');
    expect(hits.map((hit) => hit.severity)).toEqual([3, 1]);
  });

  it('returns copies: changing a hit does not change later results', () => {
    const [hit] = match('I will kill you');
    hit.severity = 1;
    expect(match('I will kill you')[0].severity).toBe(3);
  });

  it('returns nothing for empty or innocent text', () => {
    expect(match('')).toEqual([]);
    expect(match('   ')).toEqual([]);
    expect(match('Good morning, everyone. The agenda is attached.')).toEqual([]);
  });
});

describe('room-specific terms', () => {
  const roomTerms: LexiconTerm[] = [
    { term: 'предатели', category: 'hate', severity: 2, language: 'ru' },
    { term: 'მოღალატე', category: 'hate', severity: 2, language: 'ka' },
    { term: 'դավաճան', category: 'hate', severity: 2, language: 'hy' },
    { term: 'خائنة', category: 'misogyny', severity: 1, language: 'ar' },
    { term: '叛徒', category: 'hate', severity: 2, language: 'zh' },
    { term: 'hain', category: 'hate', severity: 1, language: 'tr', match: 'prefix' },
    { term: 'go back to your village', category: 'hate', severity: 1, language: 'en' }
  ];
  const room = compileLexicon(roomTerms);

  it.each([
    ['Вы все предатели', 'предатели'],
    ['ეს ქალი მოღალატეა მოღალატე', 'მოღალატე'],
    ['Դու դավաճան ես', 'դավաճան'],
    ['انتِ خائنة', 'خائنة'],
    ['他是叛徒。', '叛徒'],
    ['hainler burada', 'hain'],
    ['Go back to your village!', 'go back to your village'],
    ['predateli', 'предатели'] // room terms get the same transliteration as bundled ones
  ])('match %s in any script', (text, term) => {
    expect(room(text).map((hit) => hit.term)).toContain(term);
  });

  it('do not match inside longer words, including in scripts without spaces', () => {
    expect(room('hainan')).toHaveLength(1); // prefix stem: a room's choice
    expect(room('叛')).toEqual([]);
    expect(room('предательство')).toEqual([]);
  });

  it('keep the bundled lexicons working beside them', () => {
    expect(room('I will kill you').map((hit) => hit.category)).toEqual(['threat']);
  });

  it('merge with a bundled term of the same spelling and category, keeping the higher severity', () => {
    const merged = compileLexicon([{ term: 'сука', category: 'misogyny', severity: 2, language: 'ru' }]);
    expect(merged('сука')).toEqual([{ term: 'сука', category: 'misogyny', severity: 2, language: 'ru' }]);
  });

  it('skip malformed entries instead of throwing', () => {
    const junk = [
      { term: '', category: 'hate', severity: 2, language: 'en' },
      { term: '   ', category: 'hate', severity: 2, language: 'en' },
      { term: 'x'.repeat(500), category: 'hate', severity: 2, language: 'en' },
      { term: 'valid', category: 'nonsense', severity: 2, language: 'en' },
      { term: 'valid', category: 'hate', severity: 7, language: 'en' },
      { term: 'valid', category: 'hate', severity: 2, language: 'en', match: 'regex' },
      null,
      42,
      { term: '!!!', category: 'hate', severity: 2, language: 'en' }
    ] as unknown as LexiconTerm[];
    const compiled = compileLexicon(junk);
    expect(compiled('valid !!! ' + 'x'.repeat(500))).toEqual([]);
    expect(compileLexicon(null as unknown as LexiconTerm[])('I will kill you')).toHaveLength(1);
  });

  it('treat a stem shorter than three letters as a whole word', () => {
    const short = compileLexicon([{ term: 'ab', category: 'hate', severity: 1, language: 'en', match: 'prefix' }]);
    expect(short('ab')).toHaveLength(1);
    expect(short('about absolutely')).toEqual([]);
  });

  // Found by the property helper: a 199-character term of 100 one-letter words gives about 5,000
  // spellings, each compared with all the others, and compiling took 55 s (every member's tab froze).
  it('compile the longest term of one-letter words and match it however it is spaced', () => {
    const letters = Array.from({ length: 100 }, (_, i) => String.fromCharCode(97 + (i % 26)));
    const scan = compileLexicon([{ term: letters.join(' '), category: 'hate', severity: 1, language: 'en' }]);
    expect(scan(letters.join(' '))).toHaveLength(1);
    expect(scan(`${letters.slice(0, 40).join('')} ${letters.slice(40).join(' ')}`)).toHaveLength(1);
    expect(scan(letters.slice(1).join(' '))).toEqual([]);
  });
});

describe('known false positives, kept on purpose', () => {
  // Each of these is a documented decision: the slur is common and the innocent sense rare in a
  // dialogue room, so a moderator sees the occasional innocent hit.
  it.each([
    ['Romanian: e slut rău', 'misogyny'], // Romanian "slut" (ugly) is spelt like the English slur
    ['Oni zarežu olovku', 'threat'], // Bosnian/Serbian "zarežu" (they cut) reads as Russian "зарежу" (I'll stab)
    ['This heat is going to kill you', 'threat'], // threat phrases cannot tell a figure of speech from a threat
    ['Cette cigarette va te tuer', 'threat'],
    ['khach', 'hate'], // Armenian "cross" in Latin letters reads as Russian "хач"
    ['O cioară pe gard', 'hate'], // Romanian "crow"
    ['Ustaše su poražene 1945.', 'hate'], // historical term
    ['We discussed slut-shaming in the workshop', 'misogyny'] // a term inside a compound that names the abuse
  ] as [string, Category][])('%s is flagged as %s', (text, category) => {
    expect(categories(text)).toContain(category);
  });
});

describe('room rules that quote slurs', () => {
  // Decision: a rule that names the slurs it forbids is flagged as hate (the matcher cannot tell a
  // mention from a use), but never as a threat. Facilitators post rules once and a moderator
  // dismisses the flag once; hiding quoted slurs would let anyone launder abuse inside quotes.
  it.each([
    ['No slurs such as "balija", "šiptar" or "četnik" in this room.', 'hate'],
    ['Слова «хохол» и «москаль» здесь запрещены.', 'hate'],
    ['Interdit de dire « sale arabe » ou « salope ».', 'hate']
  ] as [string, Category][])('%s is flagged as %s but not as a threat', (text, category) => {
    expect(categories(text)).toContain(category);
    expect(categories(text)).not.toContain('threat');
  });
});

describe('robustness', () => {
  const isHit = (hit: LexiconHit) =>
    typeof hit.term === 'string' &&
    (CATEGORIES as readonly string[]).includes(hit.category) &&
    [1, 2, 3].includes(hit.severity) &&
    typeof hit.language === 'string';

  it('never throws on arbitrary strings, and returns well-formed, distinct hits', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const hits = match(text);
        expect(Array.isArray(hits)).toBe(true);
        expect(hits.every(isHit)).toBe(true);
        const keys = hits.map((hit) => `${hit.term}|${hit.category}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 500 }
    );
  });

  it('never throws on text built from lexicon fragments, separators and look-alikes', () => {
    const pieces = BUNDLED_TERMS.map((term) => term.term);
    const fragment = fc.oneof(
      fc.constantFrom(...pieces),
      fc.constantFrom(' ', '  ', '.', '-', "'", 'ʼ', '\u200B', '\u202E', '\u0301', 'ـ', '0', '1', '3', '@', '$', '€'),
      fc.string({ unit: 'grapheme', maxLength: 5 })
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const hits = match(parts.join(''));
        expect(hits.every(isHit)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it('never throws on arbitrary room terms', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            term: fc.string({ unit: 'binary', maxLength: 30 }),
            category: fc.constantFrom(...CATEGORIES),
            severity: fc.constantFrom(1 as const, 2 as const, 3 as const),
            language: fc.string({ maxLength: 5 }),
            match: fc.constantFrom('word' as const, 'prefix' as const, undefined)
          }),
          { maxLength: 5 }
        ),
        fc.string({ unit: 'binary', maxLength: 100 }),
        (terms, text) => {
          const compiled = compileLexicon(terms);
          expect(compiled(text).every(isHit)).toBe(true);
          for (const term of terms) if (term.term.trim() && /[\p{L}\p{N}]/u.test(term.term)) compiled(term.term);
        }
      ),
      { numRuns: 100 }
    );
  });

  it('handles long messages', () => {
    const long = 'Good morning everyone, the agenda is attached. '.repeat(700) + ' I will kill you';
    expect(match(long).map((hit) => hit.category)).toEqual(['threat']);
  });
});
