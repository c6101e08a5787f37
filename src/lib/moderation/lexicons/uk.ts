// Ukrainian. Apostrophes ("вб'ю") are matched written any way (', ’, ʼ) or left out ("вбю").
// Terms spelt the same as in Russian (кацап, сука, москаль) are merged into one entry by the
// compiler, so a message gets one hit for them.
import type { LexiconSource } from '../lexicon.ts';

export const uk: LexiconSource = {
  language: 'uk',
  sources: [
    'Wikipedia (uk/en), "Москаль", "Кацап", "List of ethnic slurs"',
    'Ukrainian media-literacy writing on wartime dehumanising language (Detector Media, Institute of Mass Information): русня, орки, свинособаки',
    'Wikipedia, "Vatnik (slang)"',
    'UN Women Ukraine / La Strada-Ukraine materials on online violence against women, for the kinds of gendered abuse covered'
  ],
  rationale:
    'Threats as first-person future verbs and phrases; the wartime dehumanising names for Russians (русня, орки, свинособаки), ' +
    'older ethnic slurs (москаль, кацап, жид, мамалижник), homophobic slurs, and gendered abuse. ' +
    '"Орки" and "ватник" have innocent senses (fantasy orcs, a quilted jacket): kept because in a cross-line room they are almost always aimed at people.',
  terms: [
    // threats (3)
    { term: "вб'ю", category: 'threat', severity: 3 }, // I'll kill
    { term: "вб'ємо", category: 'threat', severity: 3 }, // we'll kill
    { term: 'заріжу', category: 'threat', severity: 3 }, // I'll stab
    { term: 'застрелю', category: 'threat', severity: 3 }, // I'll shoot
    { term: 'зґвалтую', category: 'threat', severity: 3 }, // I'll rape
    { term: 'згвалтую', category: 'threat', severity: 3 },
    { term: 'спалю твою хату', category: 'threat', severity: 3 }, // I'll burn your house
    { term: 'спалимо твою хату', category: 'threat', severity: 3 },
    { term: 'спалимо твій дім', category: 'threat', severity: 3 },
    { term: 'знаємо де ти живеш', category: 'threat', severity: 3 }, // we know where you live
    { term: 'знаю де ти живеш', category: 'threat', severity: 3 },
    { term: 'вбий себе', category: 'threat', severity: 3 }, // kill yourself
    { term: 'смерть москалям', category: 'threat', severity: 3 }, // incitement
    { term: 'здохни', category: 'threat', severity: 2 }, // die!
    { term: 'щоб ти здох', category: 'threat', severity: 2, match: 'prefix' }, // may you die (здохла, здохли)
    // ethnic and homophobic slurs (2)
    { term: 'москаль', category: 'hate', severity: 2 }, // Russians (as a stem it would hit Москаленко)
    { term: 'москалі', category: 'hate', severity: 2 },
    { term: 'москалів', category: 'hate', severity: 2 },
    { term: 'москалям', category: 'hate', severity: 2 },
    { term: 'кацап', category: 'hate', severity: 2, match: 'prefix' }, // Russians
    { term: 'русня', category: 'hate', severity: 2 }, // Russians (not a stem: Руснаки are Rusyns)
    { term: 'русні', category: 'hate', severity: 2 },
    { term: 'орки', category: 'hate', severity: 2 }, // Russian soldiers/Russians as "orcs"
    { term: 'орків', category: 'hate', severity: 2 },
    { term: 'свинособак', category: 'hate', severity: 2, match: 'prefix' }, // Russians ("pig-dogs")
    { term: 'ватник', category: 'hate', severity: 1 }, // pro-Kremlin Russians (also "quilted jacket")
    { term: 'ватники', category: 'hate', severity: 1 },
    { term: 'мамалижник', category: 'hate', severity: 2, match: 'prefix' }, // Moldovans, Romanians
    { term: 'жид', category: 'hate', severity: 2 }, // Jews
    { term: 'жиди', category: 'hate', severity: 2 },
    { term: 'жидів', category: 'hate', severity: 2, match: 'prefix' }, // жидів, жидівка
    { term: 'підор', category: 'hate', severity: 2 }, // homophobic (not a stem: "підораний", ploughed)
    { term: 'підори', category: 'hate', severity: 2 },
    { term: 'підар', category: 'hate', severity: 2, match: 'prefix' },
    // misogyny
    { term: 'сука', category: 'misogyny', severity: 1 }, // bitch
    { term: 'шльондр', category: 'misogyny', severity: 1, match: 'prefix' }, // slut
    { term: 'хвойд', category: 'misogyny', severity: 1, match: 'prefix' }, // whore
    { term: 'курва', category: 'misogyny', severity: 1 }, // whore
    { term: 'курво', category: 'misogyny', severity: 1 },
    { term: 'місце жінки на кухні', category: 'misogyny', severity: 1 }, // a woman's place is in the kitchen
    { term: 'жінка має мовчати', category: 'misogyny', severity: 1 }, // a woman must keep quiet
    { term: 'жінки мають мовчати', category: 'misogyny', severity: 1 },
    // sexual harassment
    { term: 'покажи цицьки', category: 'sexualHarassment', severity: 2 }, // show your tits
    { term: 'скинь нюдс', category: 'sexualHarassment', severity: 1, match: 'prefix' }, // send nudes
    { term: 'відсмокчи', category: 'sexualHarassment', severity: 2 }, // suck (me) off
    { term: 'хочу тебе трахнути', category: 'sexualHarassment', severity: 2 },
    { term: 'розсунь ноги', category: 'sexualHarassment', severity: 2 } // spread your legs
  ]
};
