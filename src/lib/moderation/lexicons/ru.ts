// Russian. Inflection is rich, so stems use match: 'prefix' only where no common innocent word
// shares the stem; otherwise the frequent inflected forms are listed one by one (e.g. "москаль"
// as a stem would hit the surname Москаленко, "чурк" the surname Чуркин, "жид" the adjective
// "жидкий", "сук" the words "сукно"/"сукровица"). Spellings with ё need no е twin: the
// normaliser folds ё→е on both sides.
import type { LexiconSource } from '../lexicon.ts';

export const ru: LexiconSource = {
  language: 'ru',
  sources: [
    'Wikipedia (ru/en), "List of ethnic slurs" and "Этнофолизм": хохол, москаль, кацап, хач, чурка, черножопый, жид',
    'SOVA Center reports on xenophobic hate speech in Russia (хачи, чурки, черножопые)',
    'The Moscow Times language column (2014) on wartime insults: укропы, укры, Хохляндия',
    'Jewish Telegraphic Agency (1929) on the Soviet ban of "жид", "кацап", "хохол"',
    'UN Women / Council of Europe (GREVIO) typologies of online violence against women, for the kinds of gendered abuse covered',
    'Russian obscene-vocabulary references (Plutser-Sarno) and the LDNOOBW ru list, for spellings only'
  ],
  rationale:
    'Threats as first-person future verbs ("убью", "зарежу") and phrases, the ethnic slurs of the post-Soviet conflicts ' +
    '(against Ukrainians, Russians, peoples of the Caucasus and Central Asia, Moldovans, Jews), homophobic slurs, and gendered abuse. ' +
    'Known gap: Chechens are mostly called "чехи", which is also the ordinary word for Czechs, so it is not listed.',
  terms: [
    // threats (3)
    { term: 'убью', category: 'threat', severity: 3 }, // I'll kill
    { term: 'убьём', category: 'threat', severity: 3 }, // we'll kill
    { term: 'зарежу', category: 'threat', severity: 3 }, // I'll stab
    { term: 'пристрелю', category: 'threat', severity: 3 }, // I'll shoot
    { term: 'застрелю', category: 'threat', severity: 3 },
    { term: 'изнасилую', category: 'threat', severity: 3 }, // I'll rape
    { term: 'тебя изнасилуют', category: 'threat', severity: 3 }, // you'll be raped
    { term: 'сожгу твой дом', category: 'threat', severity: 3 }, // I'll burn your house
    { term: 'сожжём твой дом', category: 'threat', severity: 3 },
    { term: 'знаем где ты живёшь', category: 'threat', severity: 3 }, // we know where you live
    { term: 'знаю где ты живёшь', category: 'threat', severity: 3 },
    { term: 'убей себя', category: 'threat', severity: 3 }, // kill yourself
    { term: 'смерть хохлам', category: 'threat', severity: 3 }, // "death to khokhols": incitement
    { term: 'сдохни', category: 'threat', severity: 2 }, // die!
    { term: 'чтоб ты сдох', category: 'threat', severity: 2, match: 'prefix' }, // may you die (сдохла, сдохли)
    // ethnic and homophobic slurs (2)
    { term: 'хохол', category: 'hate', severity: 2 }, // Ukrainians
    { term: 'хохлы', category: 'hate', severity: 2 }, // (not the stem "хохл": "хохлатый", crested; surnames Хохлачёв, Хохлаткин)
    { term: 'хохлов', category: 'hate', severity: 2 },
    { term: 'хохлам', category: 'hate', severity: 2 },
    { term: 'хохлами', category: 'hate', severity: 2 },
    { term: 'хохлушк', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'хохлянд', category: 'hate', severity: 2, match: 'prefix' }, // Хохляндия, for Ukraine
    { term: 'укропы', category: 'hate', severity: 2 }, // Ukrainians ("dills"); the singular is just dill
    { term: 'укры', category: 'hate', severity: 2 }, // Ukrainians
    { term: 'бандерлог', category: 'hate', severity: 2, match: 'prefix' }, // Ukrainians (Kipling's monkeys are "бандар-логи")
    { term: 'кацап', category: 'hate', severity: 2, match: 'prefix' }, // Russians
    { term: 'москаль', category: 'hate', severity: 2 }, // Russians
    { term: 'москали', category: 'hate', severity: 2 },
    { term: 'москалей', category: 'hate', severity: 2 },
    { term: 'москалям', category: 'hate', severity: 2 },
    { term: 'хач', category: 'hate', severity: 2 }, // people from the Caucasus (Armenians, Azerbaijanis, Georgians)
    { term: 'хачи', category: 'hate', severity: 2 },
    { term: 'хачей', category: 'hate', severity: 2 },
    { term: 'черножоп', category: 'hate', severity: 2, match: 'prefix' }, // Caucasus, Central Asia
    { term: 'чурка', category: 'hate', severity: 2 }, // Caucasus, Central Asia (also "block of wood")
    { term: 'чурки', category: 'hate', severity: 2 },
    { term: 'чурок', category: 'hate', severity: 2 },
    { term: 'мамалыжник', category: 'hate', severity: 2, match: 'prefix' }, // Moldovans, Romanians
    { term: 'жид', category: 'hate', severity: 2 }, // Jews
    { term: 'жиды', category: 'hate', severity: 2 },
    { term: 'жидам', category: 'hate', severity: 2 }, // not "жидов"/"жидовка": transliterated they are Croatian "Židov", "Židovka", the neutral words for Jews
    { term: 'жидяра', category: 'hate', severity: 2 },
    { term: 'пидор', category: 'hate', severity: 2 }, // homophobic (not a stem: Ukrainian "підораний", ploughed)
    { term: 'пидоры', category: 'hate', severity: 2 },
    { term: 'пидора', category: 'hate', severity: 2 },
    { term: 'пидорас', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'пидар', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'гомик', category: 'hate', severity: 2 },
    { term: 'гомики', category: 'hate', severity: 2 },
    // misogyny
    { term: 'сука', category: 'misogyny', severity: 1 }, // bitch (not сукно, сукровица)
    { term: 'суки', category: 'misogyny', severity: 1 },
    { term: 'сучка', category: 'misogyny', severity: 1 },
    { term: 'шлюх', category: 'misogyny', severity: 1, match: 'prefix' }, // whore
    { term: 'шалав', category: 'misogyny', severity: 1, match: 'prefix' }, // slut
    { term: 'блядь', category: 'misogyny', severity: 1 }, // whore (not the interjection "блять")
    { term: 'бляди', category: 'misogyny', severity: 1 },
    { term: 'баба не человек', category: 'misogyny', severity: 2 }, // "a hen is not a bird, a woman is not a person"
    { term: 'место женщины на кухне', category: 'misogyny', severity: 1 },
    { term: 'место бабы на кухне', category: 'misogyny', severity: 1 },
    { term: 'бабы должны молчать', category: 'misogyny', severity: 1 },
    { term: 'женщина должна молчать', category: 'misogyny', severity: 1 },
    // sexual harassment
    { term: 'покажи сиськи', category: 'sexualHarassment', severity: 2 }, // show your tits
    { term: 'скинь нюдс', category: 'sexualHarassment', severity: 1, match: 'prefix' }, // send nudes
    { term: 'пришли нюдс', category: 'sexualHarassment', severity: 1, match: 'prefix' },
    { term: 'отсоси', category: 'sexualHarassment', severity: 2 }, // suck (me) off
    { term: 'хочу тебя трахнуть', category: 'sexualHarassment', severity: 2 },
    { term: 'выебу', category: 'sexualHarassment', severity: 2 }, // I'll fuck (you)
    { term: 'раздвинь ноги', category: 'sexualHarassment', severity: 2 } // spread your legs
  ]
};
