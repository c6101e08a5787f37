// English. Threats are phrases, never bare "kill"/"rape": Parley's rooms discuss violence, war and
// sexual violence as their subject, and a survivor's account must not be flagged as a threat.
import type { LexiconSource } from '../lexicon.ts';

export const en: LexiconSource = {
  language: 'en',
  sources: [
    'Wikipedia, "List of ethnic slurs" (gyppo, pikey, kike, raghead/towelhead, paki)',
    'GLAAD Media Reference Guide, terms to avoid (faggot, tranny)',
    'Amnesty International "Toxic Twitter" (2018) and UN Women online-GBV typologies (threats of rape, slut-shaming, "back to the kitchen")',
    'LDNOOBW list (github.com/LDNOOBW) for spelling variants only'
  ],
  rationale:
    'Phrase-level threats, the most common dehumanising terms, and gendered slurs. Region-specific slurs written in Latin letters ' +
    '(khokhol, moskal, katsap) are caught by the ru/uk lexicons through transliteration, so they are not repeated here.',
  terms: [
    // threats of violence (3): phrases, so that accounts of violence are not flagged
    { term: 'i will kill you', category: 'threat', severity: 3 },
    { term: "i'll kill you", category: 'threat', severity: 3 },
    { term: 'we will kill you', category: 'threat', severity: 3 },
    { term: 'gonna kill you', category: 'threat', severity: 3 },
    { term: 'going to kill you', category: 'threat', severity: 3 },
    { term: 'go kill yourself', category: 'threat', severity: 3 }, // incitement to self-harm (not "don't kill yourself over it")
    { term: 'should kill yourself', category: 'threat', severity: 3 },
    { term: 'kys', category: 'threat', severity: 3 }, // "kill yourself"
    { term: 'know where you live', category: 'threat', severity: 3 }, // "we/I know where you live"
    { term: 'burn your house', category: 'threat', severity: 3 },
    { term: 'burn down your house', category: 'threat', severity: 3 },
    { term: 'slit your throat', category: 'threat', severity: 3 },
    { term: 'bullet in your head', category: 'threat', severity: 3 },
    { term: 'i will rape you', category: 'threat', severity: 3 },
    { term: "i'll rape you", category: 'threat', severity: 3 },
    { term: 'gonna rape you', category: 'threat', severity: 3 },
    { term: 'hope you get raped', category: 'threat', severity: 3 },
    { term: 'deserve to be raped', category: 'threat', severity: 3 },
    { term: 'deserves to be raped', category: 'threat', severity: 3 },
    { term: 'kill them all', category: 'threat', severity: 3 }, // incitement against a group
    { term: 'should be exterminated', category: 'threat', severity: 3 },
    // dehumanising hate (2)
    { term: 'subhuman', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'untermensch', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'they are cockroaches', category: 'hate', severity: 2 },
    { term: 'nigger', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'kike', category: 'hate', severity: 2 },
    { term: 'kikes', category: 'hate', severity: 2 },
    { term: 'gyppo', category: 'hate', severity: 2, match: 'prefix' }, // Roma
    { term: 'pikey', category: 'hate', severity: 2 }, // Roma, Travellers (not a stem: Russian "пикейный", piqué)
    { term: 'pikeys', category: 'hate', severity: 2 },
    { term: 'raghead', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'towelhead', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'faggot', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'tranny', category: 'hate', severity: 2 },
    // misogyny and online gender-based violence
    { term: 'bitch', category: 'misogyny', severity: 1, match: 'prefix' }, // bitches, bitchy
    { term: 'slut', category: 'misogyny', severity: 1 }, // (not a stem: Serbo-Croatian "slutiti", to sense; "slutnja")
    { term: 'sluts', category: 'misogyny', severity: 1 },
    { term: 'slutty', category: 'misogyny', severity: 1 },
    { term: 'whore', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'skank', category: 'misogyny', severity: 1 }, // (not a stem: Ukrainian "сканкопія", scan copy)
    { term: 'skanks', category: 'misogyny', severity: 1 },
    { term: 'cunt', category: 'misogyny', severity: 2 },
    { term: 'cunts', category: 'misogyny', severity: 2 },
    { term: 'feminazi', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'women should shut up', category: 'misogyny', severity: 1 },
    { term: 'belong in the kitchen', category: 'misogyny', severity: 1 }, // "women/you belong in the kitchen"
    { term: 'get back in the kitchen', category: 'misogyny', severity: 1 }, // (not "back to the kitchen": "I'm going back to the kitchen")
    { term: 'make me a sandwich', category: 'misogyny', severity: 1 },
    { term: 'was asking for it', category: 'misogyny', severity: 1 }, // victim blaming
    // sexual harassment
    { term: 'send nudes', category: 'sexualHarassment', severity: 1 },
    { term: 'send me nudes', category: 'sexualHarassment', severity: 1 },
    { term: 'show me your tits', category: 'sexualHarassment', severity: 2 },
    { term: 'show me your boobs', category: 'sexualHarassment', severity: 2 },
    { term: 'nice tits', category: 'sexualHarassment', severity: 1 },
    { term: 'suck my dick', category: 'sexualHarassment', severity: 2 },
    { term: 'suck my cock', category: 'sexualHarassment', severity: 2 },
    { term: 'sit on my face', category: 'sexualHarassment', severity: 2 },
    { term: 'want to fuck you', category: 'sexualHarassment', severity: 2 }
  ]
};
