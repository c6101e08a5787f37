// French. Elisions ("t'égorger", "j'vais") are matched with the apostrophe as a word boundary or
// left out; accents are listed with bare spellings where people commonly drop them.
import type { LexiconSource } from '../lexicon.ts';

export const fr: LexiconSource = {
  language: 'fr',
  sources: [
    'CNCDH / DILCRAH and Pharos guidance on racist and antisemitic insults (bougnoule, bicot, youpin, bamboula, "sale juif")',
    'SOS Homophobie, annual reports on LGBTphobia (pédé, tarlouze, gouine)',
    'Haut Conseil à l\'Égalité (HCE), reports on sexism and cyber-harassment ("sois belle et tais-toi", "mal baisée")',
    'LDNOOBW fr list, for spellings only'
  ],
  rationale:
    'Threat phrases (future with "vais/va"), racist, antisemitic and anti-Roma slurs, homophobic slurs, gendered slurs and ' +
    'sexist formulas. "Salope" is not a stem ("salopette" is overalls); "pute" is listed only in phrases ("putain" is mostly an ' +
    'interjection, and "pute" alone is everyday Romanian for "stinks"); ' +
    '"crève" alone is not listed ("je crève de faim").',
  terms: [
    // threats (3)
    { term: 'vais te tuer', category: 'threat', severity: 3 }, // I'm going to kill you
    { term: 'va te tuer', category: 'threat', severity: 3 }, // (we're / he's) going to kill you; go kill yourself
    { term: 'vais te buter', category: 'threat', severity: 3 },
    { term: 'vais te violer', category: 'threat', severity: 3 }, // I'm going to rape you
    { term: 'va te violer', category: 'threat', severity: 3 },
    { term: "vais t'égorger", category: 'threat', severity: 3 }, // I'm going to slit your throat
    { term: "va t'égorger", category: 'threat', severity: 3 },
    { term: 'on sait où tu habites', category: 'threat', severity: 3 }, // we know where you live
    { term: 'on sait ou tu habites', category: 'threat', severity: 3 },
    { term: 'je sais où tu habites', category: 'threat', severity: 3 },
    { term: 'je sais ou tu habites', category: 'threat', severity: 3 },
    { term: 'brûler ta maison', category: 'threat', severity: 3 }, // burn your house
    { term: 'bruler ta maison', category: 'threat', severity: 3 },
    { term: 'suicide-toi', category: 'threat', severity: 3 }, // kill yourself
    { term: 'mérites de crever', category: 'threat', severity: 2 }, // you deserve to die
    { term: 'merites de crever', category: 'threat', severity: 2 },
    // hate (2)
    { term: 'bougnoul', category: 'hate', severity: 2, match: 'prefix' }, // Arabs/North Africans
    { term: 'bicot', category: 'hate', severity: 2 }, // Arabs/North Africans (not a stem: Romanian "bicotidian")
    { term: 'bicots', category: 'hate', severity: 2 },
    { term: 'youpin', category: 'hate', severity: 2, match: 'prefix' }, // Jews
    { term: 'bamboula', category: 'hate', severity: 2, match: 'prefix' }, // Black people
    { term: 'sale juif', category: 'hate', severity: 2, match: 'prefix' }, // (juive, juifs)
    { term: 'sales juifs', category: 'hate', severity: 2 },
    { term: 'sale arabe', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'sales arabes', category: 'hate', severity: 2 },
    { term: 'sale nègre', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'sale negre', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'sale gitan', category: 'hate', severity: 2, match: 'prefix' }, // Roma (gitane, gitans)
    { term: 'pédé', category: 'hate', severity: 2 }, // homophobic
    { term: 'pédés', category: 'hate', severity: 2 },
    { term: 'tarlouze', category: 'hate', severity: 2, match: 'prefix' },
    { term: 'gouine', category: 'hate', severity: 2, match: 'prefix' },
    // misogyny
    { term: 'salope', category: 'misogyny', severity: 1 }, // slut
    { term: 'salopes', category: 'misogyny', severity: 1 },
    { term: 'une pute', category: 'misogyny', severity: 1 }, // whore: never "pute" alone, the Romanian for "stinks"
    { term: 'sale pute', category: 'misogyny', severity: 1 },
    { term: 'grosse pute', category: 'misogyny', severity: 1 },
    { term: 'putes', category: 'misogyny', severity: 1 },
    { term: 'connasse', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'pétasse', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'petasse', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'pouffiasse', category: 'misogyny', severity: 1, match: 'prefix' },
    { term: 'mal baisée', category: 'misogyny', severity: 1 }, // "badly fucked", to dismiss a woman
    { term: 'mal baisee', category: 'misogyny', severity: 1 },
    { term: 'sois belle et tais-toi', category: 'misogyny', severity: 1 }, // be pretty and shut up
    { term: 'retourne dans ta cuisine', category: 'misogyny', severity: 1 }, // back to your kitchen (not "je retourne à la cuisine")
    { term: 'ta place est à la cuisine', category: 'misogyny', severity: 1 },
    { term: 'ta place est a la cuisine', category: 'misogyny', severity: 1 },
    { term: 'les femmes à la cuisine', category: 'misogyny', severity: 1 },
    // sexual harassment
    { term: 'montre tes seins', category: 'sexualHarassment', severity: 2 }, // show your breasts
    { term: 'montre-moi tes seins', category: 'sexualHarassment', severity: 2 },
    { term: 'envoie des nudes', category: 'sexualHarassment', severity: 1 }, // send nudes
    { term: 'envoie-moi des nudes', category: 'sexualHarassment', severity: 1 },
    { term: 'suce-moi', category: 'sexualHarassment', severity: 2 }, // suck me off
    { term: 'suce ma bite', category: 'sexualHarassment', severity: 2 },
    { term: 'vais te baiser', category: 'sexualHarassment', severity: 2 } // I'm going to fuck you
  ]
};
