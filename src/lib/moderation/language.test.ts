import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, MODERATION_LANGUAGES, type ModerationLanguage } from './language.ts';

// Everyday messages written for these tests (buses, bridges, schools, water, meetings, bread,
// the clinic). Short: 15–40 characters; long: a sentence or two. sr holds Serbian (ekavian),
// Croatian and Bosnian (ijekavian), in Latin and Cyrillic script.
const SAMPLES: Record<ModerationLanguage, string[]> = {
  en: [
    "The bus is late again today",
    "Is the water back on in your street?",
    "Meeting moved to Thursday at ten",
    "The school roof still leaks",
    "Can someone share the bus timetable?",
    "No electricity in our building since noon",
    "Where do we meet tomorrow?",
    "Thank you all for coming",
    "Bread prices went up again this week",
    "The clinic is closed on Sunday",
    "It rained all night, the road is mud",
    "My daughter starts school in September",
    "The new bridge over the river finally opened last week, so the children can walk to school without taking the long road through the checkpoint.",
    "We talked with the water committee about the pipes in the old district. They promised to send engineers before winter, but nobody has seen them yet.",
    "The school asked parents to bring drinking water next week because the tanks are being cleaned, and classes will finish an hour earlier.",
  ],
  ru: [
    "Автобус опять опаздывает",
    "Когда дадут воду в нашем доме?",
    "Встречу перенесли на четверг",
    "Мост закрыт до понедельника",
    "Кто-нибудь знает расписание автобуса?",
    "У нас в доме нет света с обеда",
    "Где встречаемся завтра?",
    "Спасибо всем, кто пришёл",
    "Хлеб опять подорожал на этой неделе",
    "Поликлиника в воскресенье не работает",
    "Всю ночь шёл дождь, дорога размыта",
    "Дочка в сентябре идёт в школу",
    "Дети играют во дворе до вечера",
    "Новый мост через реку наконец открыли, и теперь дети могут ходить в школу пешком, а не ездить в объезд через блокпост.",
    "Мы поговорили с соседями о воде: трубы в старом районе совсем проржавели, и летом воду дают только по утрам.",
    "Школа попросила родителей на следующей неделе принести питьевую воду, потому что баки будут чистить, и уроки закончатся на час раньше.",
  ],
  uk: [
    "Автобус знову запізнюється",
    "Коли дадуть воду в нашому будинку?",
    "Зустріч перенесли на четвер",
    "Міст закритий до понеділка",
    "Хтось знає розклад автобуса?",
    "У нашому будинку немає світла з обіду",
    "Де зустрічаємося завтра?",
    "Дякую всім, хто прийшов",
    "Хліб знову подорожчав цього тижня",
    "Поліклініка в неділю не працює",
    "Всю ніч ішов дощ, дорогу розмило",
    "Донька у вересні йде до школи",
    "Діти граються у дворі до вечора",
    "Новий міст через річку нарешті відкрили, тож діти можуть ходити до школи пішки, а не їздити в об'їзд через блокпост.",
    "Ми поговорили із сусідами про воду: труби в старому районі зовсім іржаві, і влітку воду дають лише вранці.",
    "Школа попросила батьків наступного тижня принести питну воду, бо баки чиститимуть, і уроки закінчаться на годину раніше.",
  ],
  ro: [
    "Autobuzul întârzie din nou azi",
    "Când vine apa la noi în sat?",
    "Ședința s-a mutat pe joi",
    "Podul e inchis pana luni",
    "Știe cineva orarul autobuzului?",
    "Nu avem curent în bloc de la prânz",
    "Unde ne întâlnim mâine?",
    "Mulțumesc tuturor că ați venit",
    "Nu avem lumina de ieri",
    "Pâinea s-a scumpit iar săptămâna asta",
    "Policlinica nu lucrează duminica",
    "A plouat toată noaptea, drumul e noroi",
    "Fiica mea merge la școală din septembrie",
    "Copiii se joaca in curte pana seara",
    "Podul cel nou peste Nistru a fost deschis săptămâna trecută, iar copiii pot merge la școală fără să mai ocolească prin punctul de control.",
    "Am vorbit cu primarul despre apă: țevile din cartierul vechi sunt ruginite și vara apa curge doar dimineața.",
    "Școala le-a cerut părinților să aducă apă de băut săptămâna viitoare, pentru că rezervoarele vor fi curățate, iar orele se vor termina cu o oră mai devreme.",
  ],
  ka: [
    "ავტობუსი ისევ აგვიანებს",
    "წყალი როდის მოვა?",
    "შეხვედრა ხუთშაბათს იქნება",
    "ვინმემ იცის ავტობუსის განრიგი?",
    "შუადღიდან შენობაში შუქი არ არის",
    "ხვალ სად ვხვდებით?",
    "პური ისევ გაძვირდა ამ კვირაში",
    "პოლიკლინიკა კვირას არ მუშაობს",
    "მთელი ღამე წვიმდა",
    "ახალი ხიდი მდინარეზე გასულ კვირას გაიხსნა და ბავშვებს ახლა სკოლაში ფეხით შეუძლიათ სიარული.",
    "მეზობლებთან წყალზე ვისაუბრეთ: ძველ უბანში მილები დაჟანგულია და ზაფხულში წყალი მხოლოდ დილით მოდის.",
    "სკოლამ მშობლებს სთხოვა, მომავალ კვირას სასმელი წყალი მოიტანონ, რადგან ავზებს გაწმენდენ.",
  ],
  hy: [
    "Ավտոբուսը նորից ուշանում է",
    "Ջուրը երբ կգա՞ մեր գյուղ",
    "Հանդիպումը հինգշաբթի է",
    "Ավտոբուսի չվացուցակը ո՞վ գիտի",
    "Կեսօրից շենքում լույս չկա",
    "Վաղը որտե՞ղ ենք հանդիպում",
    "Հացը նորից թանկացավ այս շաբաթ",
    "Պոլիկլինիկան կիրակի օրը փակ է",
    "Ամբողջ գիշեր անձրև էր գալիս",
    "Գետի վրայի նոր կամուրջը բացվեց անցյալ շաբաթ, և երեխաները հիմա կարող են ոտքով գնալ դպրոց։",
    "Հարևանների հետ խոսեցինք ջրի մասին. հին թաղամասում խողովակները ժանգոտել են, և ամռանը ջուրը գալիս է միայն առավոտյան։",
    "Դպրոցը ծնողներին խնդրեց հաջորդ շաբաթ խմելու ջուր բերել, որովհետև ջրամբարները մաքրելու են։",
  ],
  az: [
    "Avtobus yenə gecikir",
    "Su nə vaxt gələcək?",
    "Görüş cümə axşamına keçirildi",
    "Bu gün su yoxdur, körpü bağlıdır",
    "Avtobusun cədvəlini bilən var?",
    "Günortadan binada işıq yoxdur",
    "Sabah harada görüşürük?",
    "Hamıya gəldiyiniz üçün təşəkkür edirəm",
    "Çörək bu həftə yenə bahalaşdı",
    "Poliklinika bazar günü işləmir",
    "Bütün gecə yağış yağdı, yol palçıqdır",
    "Qızım sentyabrda məktəbə gedir",
    "Uşaqlar axşama qədər həyətdə oynayır",
    "Çayın üstündəki yeni körpü keçən həftə açıldı və uşaqlar indi məktəbə piyada gedə bilirlər.",
    "Qonşularla su haqqında danışdıq: köhnə məhəllədə borular paslanıb və yayda su yalnız səhərlər gəlir.",
    "Məktəb valideynlərdən xahiş etdi ki, gələn həftə içməli su gətirsinlər, çünki çənlər təmizlənəcək və dərslər bir saat tez bitəcək.",
  ],
  tr: [
    "Otobüs yine gecikti",
    "Su ne zaman gelecek?",
    "Toplantı perşembeye ertelendi",
    "Köprü pazartesiye kadar kapalı",
    "Otobüs saatlerini bilen var mı?",
    "Öğleden beri binada elektrik yok",
    "Yarın nerede buluşuyoruz?",
    "Geldiğiniz için hepinize teşekkürler",
    "Ekmek bu hafta yine zamlandı",
    "Poliklinik pazar günü kapalı",
    "Bütün gece yağmur yağdı, yol çamur",
    "Kızım eylülde okula başlıyor",
    "Çocuklar akşama kadar bahçede oynuyor",
    "Nehrin üzerindeki yeni köprü geçen hafta açıldı, artık çocuklar okula yürüyerek gidebiliyor.",
    "Komşularla su hakkında konuştuk: eski mahallede borular paslanmış ve yazın su sadece sabahları geliyor.",
    "Okul, depolar temizleneceği için velilerden gelecek hafta içme suyu getirmelerini istedi ve dersler bir saat erken bitecek.",
  ],
  sr: [
    "Autobus opet kasni danas",
    "Kada će doći voda u školu?",
    "Sastanak je pomeren za četvrtak",
    "Sastanak je pomaknut na četvrtak",
    "Hoće li sutra biti vode u naselju?",
    "Аутобус опет касни данас",
    "Када ће доћи вода у школу?",
    "Састанак је померен за четвртак",
    "Zna li neko red vožnje autobusa?",
    "Od podneva nema struje u zgradi",
    "Gde se sutra nalazimo?",
    "Hvala svima što ste došli",
    "Зна ли неко ред вожње аутобуса?",
    "Од поднева нема струје у згради",
    "Где се сутра налазимо?",
    "Хвала свима што сте дошли",
    "Zna li netko vozni red autobusa?",
    "Gdje se sutra nalazimo?",
    "Hleb je opet poskupeo ove nedelje",
    "Dom zdravlja ne radi nedeljom",
    "Celu noć je padala kiša, put je blatnjav",
    "Ćerka mi u septembru kreće u školu",
    "Deca se igraju u dvorištu do mraka",
    "Хлеб је опет поскупео ове недеље",
    "Дом здравља не ради недељом",
    "Деца се играју у дворишту до мрака",
    "Kruh je opet poskupio ovaj tjedan",
    "Djeca se igraju u avliji do mraka",
    "Novi most preko reke konačno je otvoren prošle nedelje, pa deca sada mogu peške da idu u školu.",
    "Razgovarali smo sa susjedima o vodi: cijevi u starom dijelu grada su zahrđale i ljeti voda dolazi samo ujutro.",
    "Novi autobus do škole vozi svaki dan, ali djeca i dalje čekaju na hladnoći jer stanica nema krov.",
    "Нови мост преко реке коначно је отворен прошле недеље, па деца сада могу пешке да иду у школу.",
    "Разговарали смо са комшијама о води: цеви у старом крају су зарђале и лети вода долази само ујутру.",
    "Škola je zamolila roditelje da sledeće nedelje donesu vodu za piće, jer će se rezervoari čistiti, a časovi će se završiti sat ranije.",
    "Школа је замолила родитеље да следеће недеље донесу воду за пиће, јер ће се резервоари чистити, а часови ће се завршити сат раније.",
  ],
  sq: [
    "Autobusi vonohet përsëri sot",
    "Kur do të vijë uji në fshat?",
    "Takimi u shty për të enjten",
    "Ura eshte e mbyllur deri te hene",
    "A e di dikush orarin e autobusit?",
    "Nuk ka drita në pallat që nga dreka",
    "Ku takohemi nesër?",
    "Faleminderit të gjithëve që erdhët",
    "Nuk ka drita ne pallat",
    "Buka u shtrenjtua përsëri këtë javë",
    "Poliklinika nuk punon të dielën",
    "Ra shi gjithë natën, rruga është baltë",
    "Vajza ime fillon shkollën në shtator",
    "Femijet luajne ne oborr deri ne darke",
    "Ura e re mbi lumë u hap javën e kaluar, dhe tani fëmijët mund të shkojnë në shkollë në këmbë.",
    "Folëm me fqinjët për ujin: tubat në lagjen e vjetër janë ndryshkur dhe verës uji vjen vetëm në mëngjes.",
    "Shkolla u kërkoi prindërve të sjellin ujë të pijshëm javën e ardhshme, sepse depozitat do të pastrohen dhe mësimi do të mbarojë një orë më herët.",
  ],
  ar: [
    "الحافلة متأخرة مرة أخرى",
    "متى سيعود الماء؟",
    "تم تأجيل الاجتماع إلى الخميس",
    "هل يعرف أحد مواعيد الحافلة؟",
    "لا توجد كهرباء في المبنى منذ الظهر",
    "أين نلتقي غدا بعد الظهر؟",
    "ارتفع سعر الخبز مرة أخرى هذا الأسبوع",
    "العيادة مغلقة يوم الأحد",
    "أمطرت طوال الليل والطريق موحل",
    "افتتح الجسر الجديد فوق النهر الأسبوع الماضي، وأصبح الأطفال يستطيعون الذهاب إلى المدرسة سيرا على الأقدام.",
    "تحدثنا مع الجيران عن المياه: الأنابيب في الحي القديم صدئة، وفي الصيف لا تصل المياه إلا في الصباح.",
    "طلبت المدرسة من الأهالي إحضار مياه الشرب الأسبوع المقبل لأن الخزانات ستنظف، وستنتهي الحصص قبل ساعة.",
  ],
  fr: [
    "Le bus est encore en retard",
    "L'eau revient quand à l'école ?",
    "Réunion déplacée à jeudi",
    "Le pont reste fermé demain",
    "Quelqu'un connaît les horaires du bus ?",
    "Pas d'électricité dans l'immeuble depuis midi",
    "On se retrouve où demain ?",
    "Merci à tous d'être venus",
    "Le pain a encore augmenté cette semaine",
    "La clinique est fermée le dimanche",
    "Il a plu toute la nuit, la route est boueuse",
    "Ma fille entre à l'école en septembre",
    "Les enfants jouent dans la cour jusqu'au soir",
    "Le nouveau pont sur la rivière a ouvert la semaine dernière, et les enfants peuvent enfin aller à l'école à pied.",
    "Nous avons parlé de l'eau avec les voisins : les tuyaux du vieux quartier sont rouillés et l'été, l'eau ne coule que le matin.",
    "L'école a demandé aux parents d'apporter de l'eau potable la semaine prochaine, car les réservoirs seront nettoyés et les cours finiront une heure plus tôt.",
  ],

};

const length = (text: string) => [...text].length;
const isShort = (text: string) => length(text) >= 15 && length(text) <= 40;
const isLong = (text: string) => length(text) > 40;

describe('detectLanguage', () => {
  it('has at least 3 short and 2 long samples for every language, and for Serbian in each script', () => {
    for (const lang of MODERATION_LANGUAGES) {
      expect(SAMPLES[lang].filter(isShort).length, lang).toBeGreaterThanOrEqual(3);
      expect(SAMPLES[lang].filter(isLong).length, lang).toBeGreaterThanOrEqual(2);
      for (const text of SAMPLES[lang]) expect(isShort(text) || isLong(text), text).toBe(true);
    }
    for (const script of [/[a-z]/i, /[а-я]/i]) {
      const serbian = SAMPLES.sr.filter((text) => script.test(text));
      expect(serbian.filter(isShort).length).toBeGreaterThanOrEqual(3);
      expect(serbian.filter(isLong).length).toBeGreaterThanOrEqual(2);
    }
  });

  for (const lang of MODERATION_LANGUAGES) {
    it.each(SAMPLES[lang].map((text) => [isShort(text) ? 'short' : 'long', text]))(`${lang}: %s %s`, (_kind, text) => {
      expect(detectLanguage(text)).toBe(lang);
    });
  }

  it('decides scripts that only one of the languages uses, however short', () => {
    expect(detectLanguage('გამარჯობა')).toBe('ka');
    expect(detectLanguage('Բարեւ')).toBe('hy');
    expect(detectLanguage('مرحبا')).toBe('ar');
  });

  it('reads the letters only one language has, even in a word or two', () => {
    expect(detectLanguage('Дякую')).toBe('uk');
    expect(detectLanguage('Ћао свима')).toBe('sr');
    expect(detectLanguage('Мы здесь')).toBe('ru');
    expect(detectLanguage('Mulțumesc')).toBe('ro');
    expect(detectLanguage('Təşəkkürlər')).toBe('az');
    expect(detectLanguage('Hvala, vidimo se sutra')).toBe('sr');
    expect(detectLanguage('Faleminderit për sot')).toBe('sq');
  });

  it('falls back to Russian for Cyrillic it cannot tell apart, to English only on English words', () => {
    expect(detectLanguage('Привет')).toBe('ru');
    expect(detectLanguage('Thanks!')).toBe('en');
    expect(detectLanguage('ok')).toBeNull();
    expect(detectLanguage('lol')).toBeNull();
  });

  it('is undecided without letters of these languages', () => {
    for (const text of ['', '   ', '12345', '10:30 / 2024-05-01', '😀👍🏽🎉', '!!! ???', 'Καλημέρα σε όλους', 'おはようございます']) {
      expect(detectLanguage(text), text).toBeNull();
    }
  });

  it('ignores links and Matrix IDs', () => {
    expect(detectLanguage('https://example.org/ru/novosti @ana:example.org')).toBeNull();
    expect(detectLanguage('@ana:example.org the bus is late again')).toBe('en');
  });

  it('never throws and answers one of the moderation languages or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const lang = detectLanguage(text);
        expect(lang === null || (MODERATION_LANGUAGES as readonly string[]).includes(lang)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });
});
