// Offline language identification for moderation, restricted to the languages Parley moderates.
//
// Three kinds of evidence are added up per language: letters only some of these languages use
// (ə, ë, ș, ı, č, ы, і, ђ…), common short words (function words, weekdays, a few everyday nouns),
// and franc-min's trigram ranking. Georgian, Armenian and Arabic script decide on their own.
// franc-min (npm, ~52 KB gzipped) knows every language here written in Latin or Cyrillic except
// Albanian, which the letters and words below recognise; full `franc` would add Albanian
// trigrams but weighs ~117 KB gzipped, and its data cannot be imported by language.
import { francAll } from 'franc-min';
import { normalise } from './normalise.ts';
import { DIALOGUE_LANGUAGES } from '../i18n/languages.ts';

/** Moderation covers exactly the languages a dialogue may be held in. */
export const MODERATION_LANGUAGES = DIALOGUE_LANGUAGES;
export type ModerationLanguage = (typeof MODERATION_LANGUAGES)[number];
type Lang = ModerationLanguage;

/** franc-min's ISO 639-3 codes for our languages, per script (hrv and bos count as sr; franc-min has no als). */
const FRANC_LATIN = ['eng', 'fra', 'ron', 'tur', 'azj', 'srp', 'hrv', 'bos'];
const FRANC_CYRILLIC = ['rus', 'ukr', 'srp', 'bos'];
const FROM_FRANC: Record<string, Lang> = {
  eng: 'en', fra: 'fr', ron: 'ro', tur: 'tr', azj: 'az', srp: 'sr', hrv: 'sr', bos: 'sr',
  rus: 'ru', ukr: 'uk'
};

// Common words, as `normalise` spells them (lower case), with and without diacritics where
// people often type without them. A word in several lists counts for each, divided among them.
const WORDS: Partial<Record<Lang, string>> = {
  en: "the a an and or but is are was were be been am i you he she it we they me my your our their this that these those there here what when where why how who which to of in on at for with from by about into after before again today tomorrow yesterday now not no yes do does did don can will would should could have has had just very all some any more also please thanks thank hello hi still monday tuesday wednesday thursday friday saturday sunday morning evening week someone anyone everyone nothing something know want need go come going get got see sorry home house day night road children kids bread work city shop doctor hospital street car money price rain",
  fr: "le la les un une des du de et est sont en au aux pour avec dans sur par pas ne que qui quoi nous vous ils elle elles il on ce cette ces mais ou où donc très plus bien aussi encore déjà demain aujourd hui hier maintenant quand comment pourquoi merci bonjour salut oui non l d qu j était été avons avez ont reste lundi mardi mercredi jeudi vendredi samedi dimanche matin soir semaine eau école pont je tu y ai as quelqu quelque rien tout tous toutes sais veux faut aller venir vais va viens voir désolé depuis chez ici là maison jour nuit route enfants pain travail ville magasin médecin hôpital rue voiture argent prix pluie",
  ro: "și si este e în in la cu de pe nu sunt să sa că ca care mai din pentru fi fost a am ai au ar o un unei unui lui ei noi voi el ea dar sau foarte azi astăzi astazi mâine maine ieri acum când cand unde cum ce iar doar până pana apa apă școala scoala podul inchis închis luni marți marti miercuri joi vineri sâmbătă sambata duminică duminica dimineața dimineata seara săptămâna saptamana vine avem eu tu cineva nimeni nimic tot toți toti toate știe stie știu stiu vreau trebuie merg vin vede scuze aici acolo cine fiindcă casa casă zi noapte drum copii copiii pâine paine lucru oraș oras magazin spital strada stradă mașina masina bani preț pret ploaie",
  sq: "dhe është eshte një nje të te në ne për per me nga që qe nuk janë jane do ka kemi jemi jeni sot nesër neser dje tani kur ku si por edhe shumë shume mund kjo ky këtu ketu ujë uje uji ura shkolla shkollë shkolle fshat fshati autobusi mirë mire faleminderit po jo deri pas para e i u hënë hene martë marte mërkurë merkure enjte enjten premte shtunë shtune diel mëngjes mengjes javë jave di dikush kush çfarë cfare pse sepse mos ishte kishte keni kanë kane duhet nëse nese atë ate këtë kete ata ato unë une ti ai ajo ju gjithë gjithe asgjë asgje dua shkoj vij shoh falemnderit përshëndetje pershendetje mirëdita miredita shtëpi shtepi shtëpia ditë dite natë nate rrugë rruge rruga fëmijë femije fëmijët femijet bukë buke buka punë pune qytet qyteti dyqan mjek spital makinë makina çmim shi",
  sr: "je i u na se da ne za sa su od kao ali što sto šta sta kada kad gde gdje ovo to ima nema biti bi će ce ću cu opet danas sutra juče juce još jos samo voda vode vodu škola skola školu skolu most autobus hvala molim nije smo ste sam li već vec iz kod do po pa jer ili koji koja koje ovde ovdje tu sad sada ponedeljak ponedjeljak utorak sreda srijeda četvrtak cetvrtak petak subota nedelja nedjelja ujutro ujutru uveče uvece ja ti on ona mi vi oni neko netko niko nitko ništa nista sve svi znam zna znaš hoću hocu treba idem dođi dodji vidi izvini ovdje tamo zašto zasto dom kuća kuca kući kuci dan noć noc put deca djeca hleb kruh rad radi posao grad prodavnica lekar ljekar doktor bolnica ulica auto kola novac pare cena cijena kiša kisa " +
    "је и у на се да не за са су од као али што шта када кад где ово то има нема бити би ће ћу опет данас сутра јуче још само вода воде воду школа школу мост аутобус хвала молим није смо сте сам ли већ из код до по па јер или који која које овде ту сад сада понедељак уторак среда четвртак петак субота недеља ујутру увече ја ти он она ми ви они неко нико ништа све сви знам зна знаш хоћу треба идем дођи види извини тамо зашто кућа кући ноћ пут деца хлеб рад ради посао град продавница лекар доктор болница улица ауто кола новац паре цена киша",
  tr: "ve bir bu şu da de için icin ile ne mi mı mu mü çok cok ama fakat gibi daha sonra önce once şimdi simdi bugün bugun yarın yarin dün dun var yok değil degil nasıl nasil nerede neden zaman yine her hep kadar sadece çünkü cunku ben sen biz siz onlar o su okul köprü kopru otobüs otobus toplantı toplanti pazartesi salı sali çarşamba carsamba perşembe persembe cuma cumartesi pazar sabah akşam aksam hafta lütfen lutfen teşekkürler tesekkurler evet hayır hayir kim birisi biri hiç hic hiçbir şey sey herkes biliyor bilen bilmiyor istiyorum lazım lazim gidiyorum geliyor gel gör özür ozur burada orada niçin ev gün gece yol çocuk çocuklar cocuklar ekmek iş şehir sehir dükkan dukkan doktor hastane sokak araba para fiyat yağmur yagmur",
  az: "və ve bir bu o da də üçün ucun ilə ile nə ne çox cox amma ancaq kimi daha sonra əvvəl indi gün bugün sabah dünən var yox deyil necə nece harada niyə zaman vaxt yenə yene hər həmişə qədər qeder yalnız yalniz çünki mən men sən sen biz siz onlar su məktəb mekteb körpü avtobus görüş bazar çərşənbə cümə şənbə axşam həftə xahiş zəhmət bəli xeyr kim kimsə kimse heç hec kəs bilir bilən bilmir istəyirəm lazımdır gedirəm gəl gör bağışlayın burada orada hara ev gecə yol uşaq uşaqlar usaqlar çörək corek iş şəhər seher mağaza həkim hekim xəstəxana küçə kuce maşın masin pul qiymət qiymet yağış",
  ru: "и в не на что это как по но из за у же вы мы они он она так когда где есть был была было будет только уже ещё еще опять сегодня завтра вчера сейчас вода воды воду школа школе автобус мост встреча нас нам к с о от до для или да нет очень тоже все всё почему потому спасибо пожалуйста можно нужно нашем наш наша доме дом понедельник вторник среда четверг пятница суббота воскресенье утром вечером неделе неделю я ты кто нибудь то ничего знает знаю хочу надо иду приходи видишь извините здесь там зачем день ночь дорога дети хлеб работа работает город магазин врач больница улица машина деньги цена дождь",
  uk: "і й в у не на що це як по але з із за ми ви вони він вона так коли де є був була було буде тільки вже ще знову сьогодні завтра вчора зараз вода води воду школа школи школу автобус міст зустріч нас нам до для або чи ні дуже теж все усе чому тому дякую будь ласка можна треба нашому наш наша будинку будинок понеділок вівторок середа четвер субота неділя вранці ввечері тиждень я ти хтось хто щось нічого всі знає знаю хочу йду приходь бачиш вибачте тут там навіщо бо дім день ніч дорога діти хліб робота працює місто магазин лікар лікарня вулиця машина гроші ціна дощ"
};

/** Each word → the languages whose lists have it. */
const WORD_LANGS = new Map<string, Lang[]>();
for (const [lang, list] of Object.entries(WORDS) as [Lang, string][]) {
  for (const word of list.split(' ')) {
    const langs = WORD_LANGS.get(word);
    if (!langs) WORD_LANGS.set(word, [lang]);
    else if (!langs.includes(lang)) langs.push(lang);
  }
}

/** Letters that only some of the languages use, and how much each says. */
const LETTERS: Record<string, [Lang, number][]> = {
  ə: [['az', 4]],
  ë: [['sq', 3]],
  ă: [['ro', 3]], ș: [['ro', 4]], ț: [['ro', 4]], ţ: [['ro', 3]],
  â: [['ro', 1.5], ['fr', 0.5]], î: [['ro', 1.5], ['fr', 0.5]],
  č: [['sr', 3]], ć: [['sr', 3]], đ: [['sr', 3]], š: [['sr', 2.5]], ž: [['sr', 2.5]],
  ı: [['tr', 2], ['az', 2]], ğ: [['tr', 2], ['az', 2]],
  ş: [['tr', 1.5], ['az', 1.5], ['ro', 0.5]],
  ç: [['tr', 1], ['az', 1], ['sq', 1], ['fr', 0.7]],
  ö: [['tr', 1], ['az', 1]], ü: [['tr', 1], ['az', 1]],
  é: [['fr', 2.5]], è: [['fr', 2.5]], ê: [['fr', 2.5]], à: [['fr', 2.5]], ù: [['fr', 2.5]],
  û: [['fr', 2.5]], ô: [['fr', 2.5]], ï: [['fr', 2]], œ: [['fr', 2.5]],
  ы: [['ru', 3]], э: [['ru', 3]], ъ: [['ru', 3]], ё: [['ru', 3]],
  і: [['uk', 3]], ї: [['uk', 3]], є: [['uk', 3]], ґ: [['uk', 3]],
  ђ: [['sr', 3]], ћ: [['sr', 3]], џ: [['sr', 3]], љ: [['sr', 3]], њ: [['sr', 3]], ј: [['sr', 3]]
};

const NOISE = /(?:https?:\/\/|www\.)\S+|[@#!+$][^\s:]*:\S+|[^\s@]+@[^\s@]+\.\S+/g;
const MAY_BE_NOISE = /[:@]|www\./;
const AZ_LETTERS = /[əxq]/;
const LETTER = /\p{L}/u;
const MAX_CHARS = 1000;
const FRANC_CHARS = 100;

/** LETTERS by char code (all below U+0500), with a flag table to skip the lookup for other letters. */
const LETTER_POINTS = new Map<number, [Lang, number][]>();
const HAS_POINTS = new Uint8Array(0x500);
for (const [c, points] of Object.entries(LETTERS)) {
  LETTER_POINTS.set(c.charCodeAt(0), points);
  HAS_POINTS[c.charCodeAt(0)] = 1;
}

type Script = 'latin' | 'cyrillic' | 'georgian' | 'armenian' | 'arabic' | 'other';

/** The script of a letter, by ranges (null for anything not a letter). */
function scriptOf(cp: number): Script | null {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) ? 'latin' : null;
  if (cp < 0x250) return cp === 0xd7 || cp === 0xf7 || cp < 0xc0 ? null : 'latin';
  if (cp < 0x2b0) return 'latin'; // IPA extensions, with Azerbaijani ə
  if (cp < 0x370) return null; // modifier letters, combining marks
  if (cp < 0x400) return 'other'; // Greek
  if (cp < 0x530) return cp >= 0x482 && cp <= 0x489 ? null : 'cyrillic';
  if (cp < 0x590) return (cp >= 0x531 && cp <= 0x556) || (cp >= 0x560 && cp <= 0x588) ? 'armenian' : null;
  if (cp >= 0x600 && cp < 0x700) {
    return (cp >= 0x620 && cp <= 0x64a) || (cp >= 0x66e && cp <= 0x6d3) || cp === 0x6d5 || cp >= 0x6fa || cp === 0x6ee || cp === 0x6ef ? 'arabic' : null;
  }
  if ((cp >= 0x750 && cp < 0x780) || (cp >= 0x8a0 && cp <= 0x8c9) || (cp >= 0xfb50 && cp < 0xfdfe) || (cp >= 0xfe70 && cp < 0xfefd)) return 'arabic';
  if ((cp >= 0x10a0 && cp < 0x1100 && cp !== 0x10fb) || (cp >= 0x1c90 && cp < 0x1cc0) || (cp >= 0x2d00 && cp < 0x2d30)) return 'georgian';
  if (cp >= 0x1e00 && cp < 0x1f00) return 'latin';
  return LETTER.test(String.fromCodePoint(cp)) ? 'other' : null;
}

/** Offline language identification restricted to MODERATION_LANGUAGES (sr covers Serbian/Bosnian/Croatian, Latin and Cyrillic). null when undecidable (e.g. only digits/emoji). */
export function detectLanguage(text: string): ModerationLanguage | null {
  let s = normalise(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
  if (MAY_BE_NOISE.test(s)) s = s.replace(NOISE, ' ');

  // One pass: which script, the letters that point at a language, and the common words.
  const counts = { latin: 0, cyrillic: 0, georgian: 0, armenian: 0, arabic: 0, other: 0 };
  const score: Partial<Record<Lang, number>> = {};
  const add = (lang: Lang, points: number) => {
    score[lang] = (score[lang] ?? 0) + points;
  };
  let english = 0;
  let azOnlyWords = 0;
  let wordStart = -1;
  let listed = false;
  for (let i = 0; i <= s.length; i++) {
    let cp = i < s.length ? s.charCodeAt(i) : 0x20;
    const at = i;
    if (cp >= 0xd800 && cp < 0xdc00) {
      cp = s.codePointAt(i) ?? cp;
      if (cp > 0xffff) i++;
    }
    const script = scriptOf(cp);
    if (script === null) {
      if (cp >= 0x300 && cp < 0x370) continue; // a combining mark, inside the word
      if (wordStart >= 0) {
        const langs = listed ? WORD_LANGS.get(s.slice(wordStart, at)) : undefined;
        if (langs) {
          for (const lang of langs) add(lang, langs.length === 1 ? 2.5 : 2 / langs.length);
          if (langs.includes('en')) english++;
          if (langs.includes('az') && !langs.includes('tr')) azOnlyWords++;
        }
        wordStart = -1;
      }
      continue;
    }
    if (wordStart < 0) {
      wordStart = at;
      listed = script === 'latin' || script === 'cyrillic'; // the only scripts with word lists
    }
    counts[script]++;
    if (HAS_POINTS[cp] === 1) {
      const letter = LETTER_POINTS.get(cp);
      if (letter) for (const [lang, points] of letter) add(lang, points);
    }
  }
  let top: Script = 'latin';
  for (const script of ['cyrillic', 'georgian', 'armenian', 'arabic', 'other'] as const) {
    if (counts[script] > counts[top]) top = script;
  }
  const letters = counts[top];
  if (letters === 0) return null;
  if (top === 'georgian') return 'ka';
  if (top === 'armenian') return 'hy';
  if (top === 'arabic') return 'ar';
  if (top === 'other') return null;

  const cyrillic = top === 'cyrillic';
  const candidates: readonly Lang[] = cyrillic ? ['ru', 'uk', 'sr'] : ['en', 'fr', 'ro', 'tr', 'az', 'sr', 'sq'];
  // Azerbaijani without ə, x or q is hardly Azerbaijani; x and q are, once the text looks Turkic.
  if (!cyrillic) {
    if (!AZ_LETTERS.test(s) && azOnlyWords === 0) score.az = (score.az ?? 0) * 0.3;
    else if ((score.tr ?? 0) > 0 || (score.az ?? 0) > 0) {
      const xq = s.match(/[xq]/g)?.length ?? 0;
      add('az', Math.min(4, 1.5 * xq));
    }
    // "lj" (ljudi, zdravlja, nedelja) is written only in Serbian/Croatian/Bosnian Latin.
    add('sr', Math.min(3, 1.5 * (s.match(/lj/g)?.length ?? 0)));
    // Turkish present continuous "-yor" (geliyor, buluşuyoruz) has no Azerbaijani counterpart.
    if ((score.tr ?? 0) > 0) add('tr', Math.min(4, 2 * (s.match(/\p{L}yor/gu)?.length ?? 0)));
  }

  // Trigrams, unless the letters and words have already decided.
  const [best0, second0] = ranked(score, candidates);
  if (letters >= 12 && best0[1] - second0[1] < 4) {
    // franc costs about a microsecond per character: its first FRANC_CHARS are evidence enough.
    const sample = s.length > FRANC_CHARS ? s.slice(0, FRANC_CHARS) : s;
    const ranking = francAll(sample, { only: cyrillic ? FRANC_CYRILLIC : FRANC_LATIN, minLength: 1 });
    const closeness: Partial<Record<Lang, number>> = {};
    for (const [code, value] of ranking) {
      const lang = FROM_FRANC[code];
      if (lang && value > (closeness[lang] ?? -1)) closeness[lang] = value;
    }
    const [first, second] = ranked(closeness, candidates);
    if (first[1] > 0) {
      const weight = letters < 30 ? 1.5 : letters < 80 ? 2.5 : 4;
      add(first[0], weight * Math.min(1, (first[1] - second[1]) / 0.2));
    }
  }

  const [best, second] = ranked(score, candidates);
  if (best[1] >= 2 && best[1] - second[1] >= 0.75) return best[0];
  if (cyrillic) return 'ru';
  return english > 0 && best[0] === 'en' ? 'en' : null;
}

function ranked(values: Partial<Record<Lang, number>>, candidates: readonly Lang[]): [[Lang, number], [Lang, number]] {
  let best: [Lang, number] = [candidates[0], -Infinity];
  let second: [Lang, number] = [candidates[0], -Infinity];
  for (const lang of candidates) {
    const value = values[lang] ?? 0;
    if (value > best[1]) {
      second = best;
      best = [lang, value];
    } else if (value > second[1]) second = [lang, value];
  }
  return [best, second];
}
