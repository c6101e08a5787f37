import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PERSONAL_DATA_KINDS,
  findPersonalData,
  isValidCnp,
  isValidIdnp,
  isValidJmbg,
  isValidTckn,
  type PersonalDataKind
} from './personal-data.ts';

/** "kind:text" for every hit, in order. */
function found(text: string): string[] {
  return findPersonalData(text).map((h) => `${h.kind}:${h.text}`);
}
function kinds(text: string): PersonalDataKind[] {
  return findPersonalData(text).map((h) => h.kind);
}
/** The draft contains exactly this one hit of this kind (and nothing else). */
function expectOnly(kind: PersonalDataKind, text: string, matched: string): void {
  expect(found(text), text).toEqual([`${kind}:${matched}`]);
}

describe('phone numbers', () => {
  const international: [string, string][] = [
    ['Armenia', '+374 91 123456'],
    ['Armenia, landline', '+374 10 123456'],
    ['Azerbaijan', '+994 50 123 45 67'],
    ['Georgia', '+995 599 12 34 56'],
    ['Moldova', '+373 69 123 456'],
    ['Transnistria landline (+373 5…)', '+373 533 12345'],
    ['Transnistria mobile (+373 7…)', '+373 775 12345'],
    ['Romania, dashed', '+40-721-123-456'],
    ['Ukraine', '+380 44 123 45 67'],
    ['Russia', '+7 (495) 123-45-67'],
    ['Russia, mobile', '+7 912 345-67-89'],
    ['Turkey', '+90 (532) 123 45 67'],
    ['Serbia', '+381 11 123 4567'],
    ['Bosnia and Herzegovina', '+387 33 123 456'],
    ['Croatia', '+385 1 234 5678'],
    ['Albania', '+355 69 123 4567'],
    ['Kosovo', '+383 49 123 456'],
    ['France', '+33 6 12 34 56 78'],
    ['Lebanon', '+961 71 123 456'],
    ['United Arab Emirates', '+971 50 123 4567'],
    ['Egypt', '+20 100 123 4567'],
    ['Saudi Arabia', '+966 50 123 4567'],
    ['Morocco', '+212 6 12 34 56 78']
  ];
  it.each(international)('finds an international number from %s', (_country, number) => {
    expectOnly('phone', `Call me on ${number} after six.`, number);
  });

  const national: [string, string][] = [
    ['Romania', '0721 123 456'],
    ['Russia (8 prefix)', '8 912 345-67-89'],
    ['Russia (brackets)', '8 (912) 345-67-89'],
    ['Turkey', '0532 123 45 67'],
    ['Turkey, brackets', '0 (532) 123 45 67'],
    ['France', '06 12 34 56 78'],
    ['Ukraine', '067 123 4567'],
    ['Armenia', '(010) 12-34-56'],
    ['Armenia, mobile', '091 123456'],
    ['Azerbaijan, dashed', '050-123-45-67'],
    ['Georgia, without prefix', '599 12 34 56'],
    ['Moldova', '069 123 456'],
    ['Transnistria (Tiraspol landline)', '0533 12345'],
    ['Serbia', '064 1234567'],
    ['Bosnia and Herzegovina', '061 123 456'],
    ['Croatia', '091 123 4567'],
    ['Albania', '069 123 4567'],
    ['Kosovo', '044 123 456'],
    ['Romania, unformatted', '0721123456'],
    ['Russia, unformatted', '89123456789']
  ];
  it.each(national)('finds a national-format number from %s', (_country, number) => {
    expectOnly('phone', `мой номер ${number}, пиши`, number);
    expectOnly('phone', `${number}`, number);
  });

  it('finds international numbers written with 00 or without the plus', () => {
    expectOnly('phone', 'from abroad: 00374 91 123456', '00374 91 123456');
    expectOnly('phone', 'WhatsApp: 00 33 6 12 34 56 78', '00 33 6 12 34 56 78');
    expectOnly('phone', 'из России: 8 10 374 91 123456', '8 10 374 91 123456');
    expectOnly('phone', 'звони 79123456789', '79123456789');
    expectOnly('phone', 'viber 380671234567', '380671234567');
  });

  it('finds numbers written in Arabic-Indic digits', () => {
    expectOnly('phone', 'مرحبا، رقمي ٠٥٠١٢٣٤٥٦٧', '٠٥٠١٢٣٤٥٦٧');
  });

  it('finds several numbers in one message, in order', () => {
    expect(found('+7 (495) 123-45-67, +7 (495) 765-43-21')).toEqual([
      'phone:+7 (495) 123-45-67',
      'phone:+7 (495) 765-43-21'
    ]);
    expect(found('+373 69 123 456 / +373 77 912 345')).toEqual(['phone:+373 69 123 456', 'phone:+373 77 912 345']);
    // Separated by nothing but spaces: split into windows of digit groups.
    expect(found('+7 (495) 123-45-67 +7 (495) 765-43-21')).toEqual([
      'phone:+7 (495) 123-45-67',
      'phone:+7 (495) 765-43-21'
    ]);
    expect(found('+373 69 123 456 0721 123 456')).toEqual(['phone:+373 69 123 456', 'phone:0721 123 456']);
    expect(found('0721 123 456 0722 654 321')).toEqual(['phone:0721 123 456', 'phone:0722 654 321']);
    expect(found('00374 91 123456 00373 69 123 456')).toEqual(['phone:00374 91 123456', 'phone:00373 69 123 456']);
    expect(found('+373 69 123 456 2023')).toEqual(['phone:+373 69 123 456']);
  });

  it('finds the number in WhatsApp and Telegram links', () => {
    expectOnly('phone', 'https://wa.me/37491123456', '37491123456');
    expectOnly('phone', 'wa.me/37491123456', '37491123456');
    expectOnly('phone', 'https://api.whatsapp.com/send?phone=37369123456&text=hi', '37369123456');
    expectOnly('phone', 'tel:+37369123456', '+37369123456');
  });

  it('reads ex-USSR dash groups as a phone number, not a date', () => {
    expectOnly('phone', 'тел 0 (533) 9-12-34', '0 (533) 9-12-34');
    expectOnly('phone', 'звоните +373 (533) 9-12-34', '+373 (533) 9-12-34');
    expectOnly('phone', 'её мобильный 0777 12345', '0777 12345');
  });

  it('accepts a short local number only right after a phone word', () => {
    expectOnly('phone', 'тел. 12-34-56', '12-34-56');
    expect(found('счёт 12-34-56')).toEqual([]);
  });

  it('copes with invisible bidi marks that phone apps add when copying', () => {
    const text = 'номер \u202A+373 69 123 456\u202C';
    expectOnly('phone', text, '+373 69 123 456');
  });

  const ordinaryNumbers = [
    'in 2023 and 2024',
    'между 2019 и 2024 годами',
    'the 2019-2024 programme',
    '1 500 000 lei',
    '12 500 000 лей',
    '1.500.000 lei',
    '25.000 ₺',
    'price 25 000 ₽',
    '150 000 000 manat',
    'Между 1990 и 2000 гг. 120 000 человек',
    'тираж 25 000 экземпляров',
    'Population 3 500 000',
    'Budget 1.500.000 EUR',
    'see you at 12:30',
    '14:30-16:00',
    'on 12.05.2024',
    'on 12.05.2024 14:30',
    '12/05/2024',
    '2024-05-12',
    'we were 250 people',
    'order 12345678',
    'version 10.0.19045.2965',
    'v2.10.3',
    'up 12.5% and 3,5 %',
    'a bridge 350 m long',
    'score 3:1',
    'ISBN 978-3-16-148410-0',
    'Room 101 102 103 104',
    'IP 192.168.100.200',
    'card 4111 1111 1111 1111',
    'between 2500 3000 and 1500-2000',
    'prices 12.50, 13.75 and 14.25'
  ];
  it.each(ordinaryNumbers)('leaves ordinary numbers alone: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['Please email me at ivan.petrenko@gmail.com', 'ivan.petrenko@gmail.com'],
    ['ivan_petrov+tag@sub.mail.ru', 'ivan_petrov+tag@sub.mail.ru'],
    ['Email: test.user@example.org.', 'test.user@example.org'],
    ['пиши на иван@почта.рф', 'иван@почта.рф'],
    ['anna@укрнет.укр', 'anna@укрнет.укр'],
    ['ani@մամուլ.հայ', 'ani@մամուլ.հայ'],
    ['full-width ivan＠mail.ru', 'ivan＠mail.ru']
  ])('finds a plain address: %s', (text, address) => {
    expectOnly('email', text, address);
  });

  it.each([
    ['name [at] domain [dot] com', 'name [at] domain [dot] com'],
    ['write name(at)domain.com', 'name(at)domain.com'],
    ['name(at)domain(dot)md', 'name(at)domain(dot)md'],
    ['ivan{at}gmail{dot}com', 'ivan{at}gmail{dot}com'],
    ['contact: olga[@]ukr.net', 'olga[@]ukr.net'],
    ['name at domain dot com', 'name at domain dot com'],
    ['Write to anna dot k at gmail dot com', 'anna dot k at gmail dot com'],
    ['ivan собака mail точка ru', 'ivan собака mail точка ru'],
    ['ivan собака mail.ru', 'ivan собака mail.ru'],
    ['marie arobase orange point fr', 'marie arobase orange point fr'],
    ['mail: test @ example.com', 'test @ example.com']
  ])('finds an obfuscated address: %s', (text, address) => {
    expectOnly('email', text, address);
  });

  it.each([
    'we met at google.com yesterday',
    'visit us at parley.org',
    'email me at the office',
    '@alice:matrix.org said hello',
    'thanks @bob.smith!',
    'olga at ukr.net'
  ])('does not take ordinary text or Matrix IDs for an address: %s', (text) => {
    expect(kinds(text)).not.toContain('email');
  });
});

describe('street addresses', () => {
  it.each([
    ['Russian, abbreviated', 'я живу на ул. Ленина 12 в Тирасполе', 'ул. Ленина 12'],
    ['Russian, full word and д.', 'улица Шевченко, д. 5', 'улица Шевченко, д. 5'],
    ['Russian, with apartment', 'ул. Ленина 12, кв. 5', 'ул. Ленина 12, кв. 5'],
    ['Russian, пр-т', 'пр-т Мира 10', 'пр-т Мира 10'],
    ['Russian, пер.', 'пер. Садовый 3', 'пер. Садовый 3'],
    ['Russian, name first', 'Ленинский проспект 5', 'Ленинский проспект 5'],
    ['Russian, number in the name', 'ул. 8 Марта 12', 'ул. 8 Марта 12'],
    ['Ukrainian, вул.', 'вул. Хрещатик 22', 'вул. Хрещатик 22'],
    ['Ukrainian, вулиця', 'вулиця Франка 5', 'вулиця Франка 5'],
    ['Romanian, str.', 'str. Mihai Eminescu 3', 'str. Mihai Eminescu 3'],
    ['Romanian, strada', 'strada Ștefan cel Mare 12', 'strada Ștefan cel Mare 12'],
    ['Moldovan, bd.', 'bd. Ștefan cel Mare și Sfînt 134', 'bd. Ștefan cel Mare și Sfînt 134'],
    ['Moldovan, date-named street', 'str. 31 August 1989 nr. 5', 'str. 31 August 1989 nr. 5'],
    ['Albanian, Rruga … nr.', 'Rruga Ismail Qemali nr. 5', 'Rruga Ismail Qemali nr. 5'],
    ['Albanian, Rr.', 'Rr. Dëshmorët e Kombit 12', 'Rr. Dëshmorët e Kombit 12'],
    ['Serbian/Croatian, ulica', 'ulica Kralja Petra 12', 'ulica Kralja Petra 12'],
    ['Serbian Cyrillic, улица', 'улица Краља Петра 12', 'улица Краља Петра 12'],
    ['Serbian, bulevar', 'Bulevar kralja Aleksandra 73', 'Bulevar kralja Aleksandra 73'],
    ['Turkish, sokak No:', 'Gül Sokak No: 5', 'Gül Sokak No: 5'],
    ['Turkish, Cad. No: daire', 'Atatürk Cad. No:12 Daire 3', 'Atatürk Cad. No:12 Daire 3'],
    ['Turkish, caddesi', 'Bağdat Caddesi No:5 Daire 3', 'Bağdat Caddesi No:5 Daire 3'],
    ['Turkish, mahalle and numbered sokak', 'Cumhuriyet Mah. 123. Sk. No:4', 'Cumhuriyet Mah. 123. Sk. No:4'],
    ['French, rue … 12', 'rue Victor Hugo 12', 'rue Victor Hugo 12'],
    ['French, 12 rue …', "j'habite 12 rue de la Paix, Paris", '12 rue de la Paix'],
    ['French, 12 bis, avenue', '12 bis, avenue Foch', '12 bis, avenue Foch'],
    ['English', '221B Baker Street', '221B Baker Street'],
    ['Georgian, ქუჩა', 'რუსთაველის ქუჩა 12', 'რუსთაველის ქუჩა 12'],
    ['Georgian, გამზ.', 'ჭავჭავაძის გამზ. 37', 'ჭავჭავაძის გამზ. 37'],
    ['Armenian, փողոց', 'Աբովյան փողոց 12', 'Աբովյան փողոց 12'],
    ['Armenian, պող.', 'Մաշտոցի պող. 5', 'Մաշտոցի պող. 5'],
    ['Azerbaijani, küçəsi', 'Nizami küçəsi 25', 'Nizami küçəsi 25'],
    ['Azerbaijani, ev and mənzil', 'Bakıxanov küç., ev 5, mənzil 12', 'Bakıxanov küç., ev 5, mənzil 12'],
    ['Arabic, شارع', 'شارع الحمراء، بناية 12', 'شارع الحمراء، بناية 12']
  ])('finds a street address (%s)', (_style, text, address) => {
    expectOnly('address', text, address);
  });

  it.each([
    ['её адрес: г. Тирасполь, ул. 25 Октября, д. 10, кв. 3', 'ул. 25 Октября, д. 10, кв. 3'],
    ['Adresa: mun. Chișinău, str. Alba Iulia 75, ap. 12', 'str. Alba Iulia 75, ap. 12'],
    ['adresa ei: Calea Ieșilor 10, bloc 3, sc. 2, ap. 45', 'Calea Ieșilor 10, bloc 3, sc. 2, ap. 45'],
    ['Адреса: м. Київ, вул. Володимирська, буд. 12, кв. 7', 'вул. Володимирська, буд. 12, кв. 7'],
    ['ул.Пушкина,д.5,кв.12', 'ул.Пушкина,д.5,кв.12'],
    ['ул Ленина 5', 'ул Ленина 5'],
    ['str.Pușkin 22', 'str.Pușkin 22'],
    ['живу на улице ленина 12', 'улице ленина 12'],
    ['Ул. Гагарина, 3а', 'Ул. Гагарина, 3а'],
    ['Adresi: Kadıköy, Moda Cad. 15/3', 'Moda Cad. 15/3'],
    ['Ev adresi: Bahçelievler Mah. 5. Sokak No: 12 D: 3', 'Bahçelievler Mah. 5. Sokak No: 12 D: 3'],
    ['Mis Hanım, Atatürk Bulvarı 125/7 Çankaya', 'Atatürk Bulvarı 125/7'],
    ['Rruga e Kavajës, Pallati 5, Shkalla 2, Ap. 10', 'Rruga e Kavajës, Pallati 5, Shkalla 2, Ap. 10'],
    ['Trg bana Jelačića 5, Zagreb', 'Trg bana Jelačića 5'],
    ['Ереван, ул. Абовяна 5, кв 10', 'ул. Абовяна 5, кв 10'],
    ['თბილისი, ვაჟა-ფშაველას გამზირი 45, ბინა 12', 'ვაჟა-ფშაველას გამზირი 45, ბინა 12'],
    ['Երևան, Մաշտոցի պողոտա 5, բն. 10', 'Մաշտոցի պողոտա 5, բն. 10'],
    ['بيروت، الحمرا، شارع المكحول، بناية 5، الطابق 3', 'شارع المكحول، بناية 5، الطابق 3']
  ])('finds an address as people write it: %s', (text, address) => {
    expectOnly('address', text, address);
  });

  it.each([
    ['кв. 14', 'кв. 14'],
    ['квартира 7', 'квартира 7'],
    ['д. 5', 'д. 5'],
    ['ap. 3', 'ap. 3'],
    ['daire 5', 'daire 5'],
    ['mənzil 12', 'mənzil 12'],
    ['ბინა 8', 'ბინა 8'],
    ['բն. 5', 'բն. 5'],
    ['شقة 4', 'شقة 4']
  ])('finds an apartment or house marker with a number: %s', (text, address) => {
    expectOnly('address', `она в ${text}`, address);
  });

  it.each([
    'ул. Ленина',
    'на ул. Ленина был митинг',
    'улица',
    'the street was empty',
    'Rruga',
    'sokak',
    'rue de la Paix',
    'strada principală'
  ])('does not flag a street word without a number: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each([
    'на улице было 5 человек',
    'Мы стояли на улице 3 часа',
    'на улице -5 градусов',
    'ул. Ленина в 2023 году',
    'Sokakta 5 kişi vardı',
    'strada are 3 benzi',
    'и т. д. 5 раз',
    'площадь 50 кв. м',
    'quarter 2 кв. 2024',
    '5 cours de français',
    'In 2023 The Street Art festival',
    'Улица длинная, дома 5 этажей',
    'Встреча на площади Победы в 12:30',
    'Сбор 12.05 в 9.30 у памятника, потом ул. Ленина будет перекрыта до 14.00.',
    'Ми вийшли на вулицю о 5 ранку.',
    'strada e lungă de 5 km',
    'Bu sokakta 5 yıl yaşadım.',
    'rue barrée sur 3 km',
    'Rruga ishte e mbyllur për 3 orë.',
    'ქუჩაზე 5 ადამიანი იყო.',
    'Мы живём на 5 этаже, в доме 12 квартир.'
  ])('does not take counts, times or years near a street word for a house number: %s', (text) => {
    expect(kinds(text)).not.toContain('address');
  });
});

describe('ID and passport numbers', () => {
  it.each([
    ['Russian passport, series and number', 'паспорт 45 12 345678', '45 12 345678'],
    ['Russian passport, серии … №', 'паспорт серии 45 12 № 345678', '45 12 № 345678'],
    ['Armenian passport', 'passport AN1234567', 'AN1234567'],
    ['Armenian, in Armenian', 'անձնագիր AN1234567', 'AN1234567'],
    ['Romanian/Moldovan passport', 'pașaport nr. AB1234567', 'AB1234567'],
    ['Moldovan ID card', 'buletin seria MD 1234567', 'MD 1234567'],
    ['IDNP', 'IDNP: 2002001234567', '2002001234567'],
    ['ИНН', 'ИНН 7707083893', '7707083893'],
    ['ИНН, 12 digits', 'ИНН: 500100732259', '500100732259'],
    ['СНИЛС', 'СНИЛС 112-233-445 95', '112-233-445 95'],
    ['TCKN', 'T.C. Kimlik No: 10000000146', '10000000146'],
    ['JMBG', 'JMBG 0101990710006', '0101990710006'],
    ['ЈМБГ (Cyrillic)', 'ЈМБГ 0101006500006', '0101006500006'],
    ['Georgian personal number', 'პირადი ნომერი 01001011234', '01001011234'],
    ['Georgian personal number, English', 'Georgian personal number: 01001011234', '01001011234'],
    ['Albanian/Kosovo personal number', 'Numri personal: J12345678A', 'J12345678A'],
    ['Azerbaijani FIN', 'FIN 5ZQ8R4T', '5ZQ8R4T'],
    ['Croatian OIB', 'OIB: 12345678903', '12345678903'],
    ['generic ID', 'ID 12345678', '12345678']
  ])('finds a number after a keyword (%s)', (_what, text, id) => {
    expectOnly('idNumber', text, id);
  });

  it('validates the checksums with published examples', () => {
    expect(isValidTckn('10000000146')).toBe(true);
    expect(isValidTckn('10000000147')).toBe(false);
    expect(isValidJmbg('0101006500006')).toBe(true);
    expect(isValidJmbg('0101006500007')).toBe(false);
    expect(isValidCnp('1630615123457')).toBe(true); // python-stdnum's example
    expect(isValidCnp('1630615123458')).toBe(false);
    expect(isValidIdnp('2002001234563')).toBe(true);
    expect(isValidIdnp('2002001234564')).toBe(false);
    expect(isValidIdnp('1002001234563')).toBe(false); // must start 09 or 20
  });

  it.each([
    ['TCKN', '10000000146'],
    ['JMBG', '0101006500006'],
    ['Romanian CNP', '1630615123457'],
    ['Moldovan IDNP', '2002001234563']
  ])('finds a standalone %s by its checksum', (_what, id) => {
    expectOnly('idNumber', `the number is ${id} ok`, id);
  });

  it('does not flag a random 11-digit number without keyword or checksum', () => {
    expect(isValidTckn('12345678901')).toBe(false);
    expect(found('ref 12345678901')).toEqual([]);
    expect(found('12345678901')).toEqual([]);
  });

  it.each(['Passport expires 2025', 'ID cards for 150000 people', 'паспорт выдан 12.05.2015', 'the room ID is !abc:example.org'])(
    'does not take dates, years or counts after a keyword for an ID: %s',
    (text) => {
      expect(kinds(text)).not.toContain('idNumber');
    }
  );
});

describe('coordinates and map links', () => {
  it.each([
    ['decimal', 'we are at 46.8403, 29.6433 now', '46.8403, 29.6433'],
    ['decimal without space', 'pin 46.8403,29.6433', '46.8403,29.6433'],
    ['decimal, southern hemisphere', '-33.8688, 151.2093', '-33.8688, 151.2093'],
    ['comma decimals', '46,8403; 29,6433', '46,8403; 29,6433'],
    ['N/E letters after', '46.8403 N, 29.6433 E', '46.8403 N, 29.6433 E'],
    ['N/E letters glued', '46.8403N 29.6433E', '46.8403N 29.6433E'],
    ['N/E letters before', 'N 46.8403 E 29.6433', 'N 46.8403 E 29.6433'],
    ['degrees with letters', '46.84°N, 29.64°E', '46.84°N, 29.64°E'],
    ['Russian с. ш./в. д.', '46.8403° с. ш., 29.6433° в. д.', '46.8403° с. ш., 29.6433° в. д.'],
    ['lat/lon words', 'lat: 46.8403, lon: 29.6433', 'lat: 46.8403, lon: 29.6433'],
    ['DMS with primes', '46°50′25″N 29°38′36″E', '46°50′25″N 29°38′36″E'],
    ['DMS with ASCII quotes', '46°50\'25.3"N 29°38\'36.1"E', '46°50\'25.3"N 29°38\'36.1"E'],
    ['Google Maps query', 'https://maps.google.com/?q=46.8403,29.6433', 'https://maps.google.com/?q=46.8403,29.6433'],
    ['Google Maps place', 'see https://www.google.com/maps/place/Tiraspol/@46.84,29.63,13z.', 'https://www.google.com/maps/place/Tiraspol/@46.84,29.63,13z'],
    ['Google Maps short link', 'https://maps.app.goo.gl/AbCdEf123', 'https://maps.app.goo.gl/AbCdEf123'],
    ['goo.gl/maps', 'https://goo.gl/maps/AbCdEf123', 'https://goo.gl/maps/AbCdEf123'],
    [
      'OpenStreetMap',
      'https://www.openstreetmap.org/?mlat=46.84&mlon=29.64#map=17/46.84/29.64',
      'https://www.openstreetmap.org/?mlat=46.84&mlon=29.64#map=17/46.84/29.64'
    ],
    ['OSM short link', 'osm.org/go/xyz', 'osm.org/go/xyz'],
    ['Yandex Maps', 'https://yandex.ru/maps/?ll=29.64%2C46.84&z=17', 'https://yandex.ru/maps/?ll=29.64%2C46.84&z=17'],
    ['any link with coordinates', 'https://example.org/where?ll=46.8403,29.6433', 'https://example.org/where?ll=46.8403,29.6433'],
    ['geo: URI', 'geo:46.8403,29.6433', 'geo:46.8403,29.6433'],
    ['what3words', '///filled.count.soap', '///filled.count.soap']
  ])('finds coordinates (%s)', (_format, text, coordinates) => {
    expectOnly('coordinates', text, coordinates);
  });

  it.each([
    'it was 25°, 30° yesterday',
    'temperature 25.5°, 30.2°',
    'rates 1.2345, 1.3456',
    'Rating 4.5678, 4.8912',
    'prices 12.50, 13.75',
    'read https://example.org/news/2024/05/12',
    'see maps.google.com'
  ])('leaves temperatures, prices and other links alone: %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('findPersonalData', () => {
  it('exports the five kinds', () => {
    expect(PERSONAL_DATA_KINDS).toEqual(['phone', 'email', 'address', 'idNumber', 'coordinates']);
  });

  it('returns nothing for ordinary dialogue in the region’s languages', () => {
    for (const text of [
      '',
      'Мы встретились в 12:30 у моста, было около 250 человек. В 2023 и 2024 годах цены выросли на 15%.',
      'Ne-am întâlnit pe strada principală, am plătit 1 500 000 lei pentru reparații în 2022.',
      "Toplantı 12.05.2024 tarihinde saat 14:00'te yapıldı, 25.000 ₺ bütçe ve 40 katılımcı ile.",
      'Ми зібрали 12 500 грн на ремонт школи, зустріч о 18:00, 3 години розмови.',
      'შეხვედრა 15:00 საათზე, 30 მონაწილე. Հանդիպումը տեղի ունեցավ 2023 թվականին, 120 մասնակից։',
      'Bakıda 2021-ci ildə 300 nəfər toplaşdı. اجتمعنا في ٢٠٢٣ مع ٥٠ امرأة من المنطقة.',
      'Sastanak je bio u 10 sati, 45 učesnika, budžet 3.500 KM. Takimi ishte në orën 11:00.',
      'La réunion a eu lieu le 12/05/2024 à 14h30 avec 35 participantes.',
      'В 1992 году на Днестре погибли около 1000 человек, 130 000 беженцев.',
      'Бюджет проекта — 2 350 000 леев, из них 450 000 на обучение.',
      'Встреча 15-16 мая 2024 г. в 10:00, зал 305, 3 этаж.',
      'Protocolul nr. 12 din 05.03.2024, art. 5 alin. (2). Legea nr. 123/2023, articolul 45.',
      'Resolution 1325 (2000) on Women, Peace and Security; UNSCR 2250.',
      'Kararname No. 5 ile 2023 yılında 3 bin kişi tahliye edildi.',
      'Rezolucija 1244 Vijeća sigurnosti iz 1999. godine. Ligji nr. 04/L-054, neni 12.',
      '2020-ci ilin 27 sentyabr-10 noyabr tarixlərində 44 günlük müharibə.',
      '2008 წლის 7-12 აგვისტოს ომი, 192 000 დევნილი.',
      'تم تهجير ١٢٠٠٠ شخص في عام ٢٠٢٣، و٣٠٪ منهم نساء.',
      'Le 24 février 2022, plus de 8 millions de personnes ont fui; 6,5 millions de déplacés.',
      'Her son is 12 and her daughter is 8; they live 350 km away.',
      'The ceasefire line is 400 km long; 12 crossing points; 1 500 violations reported.',
      'матч закончился 2:1, на стадионе 45 000 зрителей; итого: 1 234 567 руб.',
      'Read the report at https://www.osce.org/files/f/documents/1/2/512345.pdf'
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('finds every kind in one draft, in order and without overlaps', () => {
    const text =
      'Call +373 69 123 456 or write ivan.petrov@mail.ru; I live at ул. Ленина 12, кв. 5 (46.8403, 29.6433), паспорт 45 12 345678.';
    expect(found(text)).toEqual([
      'phone:+373 69 123 456',
      'email:ivan.petrov@mail.ru',
      'address:ул. Ленина 12, кв. 5',
      'coordinates:46.8403, 29.6433',
      'idNumber:45 12 345678'
    ]);
  });

  it('reports positions into the original text', () => {
    const text = 'İstanbul: Atatürk Cad. No:12, tel 0532 123 45 67';
    for (const hit of findPersonalData(text)) expect(text.slice(hit.start, hit.end)).toBe(hit.text);
    expect(kinds(text)).toEqual(['address', 'phone']);
  });

  it('stays fast on long and adversarial input', () => {
    const inputs = [
      'a'.repeat(50_000) + '@' + 'b'.repeat(50_000),
      '1 '.repeat(20_000),
      '12-'.repeat(10_000),
      'ул. '.repeat(10_000) + '5',
      'x at '.repeat(10_000) + 'y dot com',
      'Lenina '.repeat(10_000),
      '°'.repeat(10_000) + '46.8403 '.repeat(5_000)
    ];
    for (const input of inputs) {
      const t = performance.now();
      findPersonalData(input);
      expect(performance.now() - t, input.slice(0, 20)).toBeLessThan(2_000);
    }
  });

  it('takes well under a millisecond for a 200-character message', () => {
    const text =
      'Встреча в 12:30 у моста, 250 человек. Call me +373 69 123 456 or ivan@mail.ru, ул. Ленина 12, кв. 5. ' +
      'Ne-am întâlnit pe strada principală, am plătit 1 500 000 lei în 2022.';
    for (let i = 0; i < 200; i++) findPersonalData(text);
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      findPersonalData(text);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[times.length >> 1]).toBeLessThan(1);
  });
});

describe('properties', () => {
  const fragments = [
    ' ', ', ', '. ', '\n', '+', '(', ')', '-', '/', ':', '@', '[at]', ' at ', ' dot ', '.', '°', '′', '″', 'N', 'E',
    '0', '1', '12', '123', '0721', '374', '+373', '00', '2024', '46.8403', '29.6433', '٠٥٠', '１２',
    'ул.', 'улица', 'str.', 'Sokak', 'No:', 'кв.', 'д.', 'rue', 'Street', 'ქუჩა', 'փողոց', 'شارع', 'İ', 'ß',
    'паспорт', 'ID', 'FIN', 'TCKN', 'tel', 'https://', 'maps.google.com/?q=', 'geo:', '///', 'mail', 'ru', 'com',
    'Ленина', 'Mihai', '\u202A', '\u200B', '\uD83D\uDE00', '\uD800', 'é', 'e\u0301'
  ];
  const draft = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ maxLength: 300 }),
    fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join(''))
  );

  it('never throws, and every hit is a valid, ordered, non-overlapping slice of the input', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const hits = findPersonalData(text);
        let previousEnd = 0;
        for (const hit of hits) {
          expect(PERSONAL_DATA_KINDS).toContain(hit.kind);
          expect(Number.isInteger(hit.start) && Number.isInteger(hit.end)).toBe(true);
          expect(hit.start).toBeGreaterThanOrEqual(previousEnd);
          expect(hit.end).toBeGreaterThan(hit.start);
          expect(hit.end).toBeLessThanOrEqual(text.length);
          expect(hit.text).toBe(text.slice(hit.start, hit.end));
          previousEnd = hit.end;
        }
      }),
      { numRuns: 1500 }
    );
  });

  it('finds a phone number wherever it is embedded in ordinary text', () => {
    const word = fc.constantFrom('привет', 'salut', 'merhaba', 'hello', 'բարև', 'გამარჯობა', 'مرحبا', 'zdravo');
    const number = fc.constantFrom('+373 69 123 456', '+7 912 345-67-89', '0721 123 456', '+995 599 12 34 56', '0532 123 45 67');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), number, fc.array(word, { maxLength: 5 }), (before, phone, after) => {
        const text = [...before, phone, ...after].join(' ');
        expect(found(text)).toEqual([`phone:${phone}`]);
      })
    );
  });
});
