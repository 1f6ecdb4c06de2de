// Name pools for the generated demo attendees: many scripts, many diacritics,
// so search, badges and PDFs meet real-world names from the first run.
// Plain data, no logic; runs anywhere.

export interface NamePool {
  female: string[];
  male: string[];
  /**
   * Family names. A pair is [a man's form, a woman's form] where the language changes the name
   * with the person (Иванов/Иванова, Kowalski/Kowalska, Dvořák/Dvořáková, Kazlauskas/Kazlauskaitė,
   * Bērziņš/Bērziņa, Παπαδόπουλος/Παπαδοπούλου, Jónsson/Jónsdóttir); a string stays as it is.
   */
  family: (string | [string, string])[];
}

/** One pool per country (or language shared by several countries), so each delegation sounds like itself. */
export const POOLS: Record<string, NamePool> = {
  de: {
    female: ['Käthe', 'Sophie', 'Anna-Lena', 'Marlene', 'Johanna'],
    male: ['Jürgen', 'Lukas', 'Matthias', 'Günther', 'Maximilian', 'Florian'],
    family: ['Müller', 'Schröder', 'Weiß', 'Huber', 'Gruber', 'Bäcker', 'Schneider', 'Köhler', 'Wagner', 'Fuchs'],
  },
  fr: {
    female: ['Hélène', 'Élodie', 'Chloé', 'Anaïs', 'Gaëlle'],
    male: ['François', 'Jérôme', 'Noël', 'Benoît', 'Théo'],
    family: ['Lefèvre', 'Dupont', 'Moreau', 'Girard', 'Bérard', 'Rousseau', 'Mercier', 'Lacroix', 'Fontaine', 'Garçon'],
  },
  nl: {
    female: ['Sanne', 'Femke', 'Marieke'],
    male: ['Joost', 'Bram', 'Thijs'],
    family: ['de Vries', 'van den Berg', 'Jansen', 'Bakker', 'Visser', "van 't Hof"],
  },
  en: {
    female: ['Siobhan', 'Emily', 'Priya', 'Grace', 'Aroha', 'Zoë'],
    male: ['James', 'Oluwaseun', 'Connor', 'Michael'],
    family: ["O'Brien", 'Smith', 'Johnson', 'McAllister', 'Nguyen', 'Patel', 'Williams', 'Brown', 'Okafor', 'Taylor'],
  },
  mt: {
    female: ['Maria', 'Rebecca', 'Charlene'],
    male: ['Joseph', 'Mark', 'Clive'],
    family: ['Borg', 'Camilleri', 'Vella', 'Farrugia', 'Zammit'],
  },
  es: {
    female: ['María José', 'Lucía', 'Carmen', 'Elena'],
    male: ['José', 'Íñigo', 'Javier', 'Alejandro'],
    family: ['Núñez', 'García', 'Ibáñez', 'Fernández', 'Martín', 'Sánchez'],
  },
  ca: {
    female: ['Núria', 'Montserrat', 'Laia'],
    male: ['Jordi', 'Pere', 'Joan'],
    family: ['Puig', 'Vila', 'Font', 'Serra', 'Pujol'],
  },
  pt: {
    female: ['Inês', 'Beatriz', 'Mariana'],
    male: ['João', 'Tiago', 'Rui'],
    family: ['Gonçalves', 'Simões', 'Ferreira', 'Rodrigues', 'Sousa'],
  },
  it: {
    female: ['Giulia', 'Francesca', 'Chiara'],
    male: ['Niccolò', 'Lorenzo', 'Matteo'],
    family: ['Ricci', 'De Luca', 'Esposito', 'Romano', 'Bianchi', 'Galli'],
  },
  pl: {
    female: ['Małgorzata', 'Agnieszka', 'Zofia', 'Katarzyna'],
    male: ['Łukasz', 'Wojciech', 'Paweł', 'Jędrzej'],
    family: [['Wiśniewski', 'Wiśniewska'], 'Kowalczyk', ['Żółkiewski', 'Żółkiewska'], 'Nowak', 'Wójcik', ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Dąbrowski', 'Dąbrowska']],
  },
  cs: {
    female: ['Tereza', 'Kateřina', 'Zuzana', 'Veronika'],
    male: ['Jiří', 'Ondřej', 'Lukáš', 'Michal'],
    family: [['Dvořák', 'Dvořáková'], ['Černý', 'Černá'], ['Novotný', 'Novotná'], ['Procházka', 'Procházková'], ['Kučera', 'Kučerová'], ['Horák', 'Horáková'], ['Šimek', 'Šimková'], ['Růžička', 'Růžičková']],
  },
  sk: {
    female: ['Lucia', 'Jana', 'Katarína'],
    male: ['Peter', 'Martin', 'Juraj'],
    family: [['Horváth', 'Horváthová'], ['Kováč', 'Kováčová'], ['Varga', 'Vargová'], ['Baláž', 'Balážová'], ['Hudák', 'Hudáková']],
  },
  hu: {
    female: ['Erzsébet', 'Zsófia', 'Ágnes'],
    male: ['László', 'Gábor', 'Péter'],
    family: ['Nagy', 'Szőke', 'Kovács', 'Tóth', 'Szabó', 'Horváth'],
  },
  ro: {
    female: ['Ioana', 'Andreea', 'Ileana'],
    male: ['Ștefan', 'Mihai', 'Răzvan'],
    family: ['Popescu', 'Ionescu', 'Țurcanu', 'Munteanu', 'Stănescu', 'Dumitrașcu'],
  },
  ru: {
    female: ['Анна', 'Екатерина', 'Ольга', 'Мария'],
    male: ['Дмитрий', 'Сергей', 'Алексей', 'Николай'],
    family: [['Иванов', 'Иванова'], ['Смирнов', 'Смирнова'], ['Кузнецов', 'Кузнецова'], ['Попов', 'Попова'], ['Соколов', 'Соколова'], ['Лебедев', 'Лебедева'], ['Козлов', 'Козлова'], ['Новиков', 'Новикова']],
  },
  by: {
    female: ['Алена', 'Татьяна', 'Ирина', 'Наталья'],
    male: ['Александр', 'Андрей', 'Виктор', 'Павел'],
    family: ['Кравченко', ['Ковалев', 'Ковалева'], 'Новик', 'Шевчук', 'Климович', ['Мельников', 'Мельникова']],
  },
  uk: {
    female: ['Олена', 'Ірина', 'Оксана', 'Юлія'],
    male: ['Тарас', 'Богдан', 'Андрій', 'Василь'],
    family: ['Ковальчук', 'Шевченко', 'Бондаренко', 'Ткаченко', 'Мельник', 'Кравченко', 'Олійник', 'Лисенко'],
  },
  bg: {
    female: ['Мария', 'Елена', 'Десислава', 'Гергана'],
    male: ['Георги', 'Иван', 'Димитър', 'Стоян'],
    family: [['Димитров', 'Димитрова'], ['Иванов', 'Иванова'], ['Петров', 'Петрова'], ['Георгиев', 'Георгиева'], ['Стоянов', 'Стоянова']],
  },
  mk: {
    female: ['Ана', 'Марија', 'Елена', 'Катерина'],
    male: ['Александар', 'Стефан', 'Горан', 'Дејан'],
    family: [['Стојановски', 'Стојановска'], ['Николовски', 'Николовска'], ['Трајковски', 'Трајковска'], ['Петровски', 'Петровска'], ['Ристов', 'Ристова']],
  },
  sr: {
    female: ['Јелена', 'Милица', 'Ана', 'Драгана'],
    male: ['Марко', 'Никола', 'Стефан', 'Милош'],
    family: ['Петровић', 'Јовановић', 'Николић', 'Марковић', 'Ђорђевић', 'Стојановић', 'Илић', 'Павловић'],
  },
  me: {
    female: ['Milena', 'Jovana', 'Tamara'],
    male: ['Vuk', 'Danilo', 'Milan'],
    family: ['Vujović', 'Radulović', 'Popović', 'Perović', 'Bulatović'],
  },
  hr: {
    female: ['Ivana', 'Maja', 'Nikolina', 'Petra'],
    male: ['Luka', 'Ivan', 'Tomislav', 'Josip'],
    family: ['Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Novak', 'Knežević'],
  },
  ba: {
    female: ['Amra', 'Lejla', 'Selma'],
    male: ['Dževad', 'Emir', 'Adnan'],
    family: ['Hodžić', 'Hadžić', 'Begović', 'Delić', 'Mujić'],
  },
  si: {
    female: ['Maja', 'Nina', 'Špela'],
    male: ['Tomaž', 'Matej', 'Rok'],
    family: ['Novak', 'Horvat', 'Kranjc', 'Zupančič', 'Potočnik'],
  },
  al: {
    female: ['Erëza', 'Elira', 'Arta'],
    male: ['Arben', 'Besnik', 'Dritan'],
    family: ['Hoxha', 'Krasniqi', 'Shehu', 'Gashi', 'Berisha'],
  },
  el: {
    female: ['Ελένη', 'Μαρία', 'Κατερίνα', 'Σοφία'],
    male: ['Γιώργος', 'Νίκος', 'Δημήτρης', 'Κώστας'],
    family: [['Παπαδόπουλος', 'Παπαδοπούλου'], 'Οικονόμου', 'Γεωργίου', 'Νικολάου', ['Παπαδάκης', 'Παπαδάκη'], 'Βασιλείου', ['Κωνσταντινίδης', 'Κωνσταντινίδου']],
  },
  tr: {
    female: ['Ayşe', 'Şule', 'Özlem', 'Çağla'],
    male: ['Mehmet', 'Emre', 'Gökhan', 'İsmail'],
    family: ['Şahin', 'Çelik', 'Öztürk', 'Yılmaz', 'Doğan', 'Aydın', 'Güneş', 'Kılıç'],
  },
  az: {
    female: ['Aynur', 'Günel', 'Leyla'],
    male: ['Əli', 'Elçin', 'Rauf'],
    family: [['Əliyev', 'Əliyeva'], ['Məmmədov', 'Məmmədova'], ['Hüseynov', 'Hüseynova'], ['Quliyev', 'Quliyeva']],
  },
  kz: {
    female: ['Айгерим', 'Гульнара', 'Динара'],
    male: ['Нурлан', 'Ерлан', 'Асхат'],
    family: [['Нурпеисов', 'Нурпеисова'], ['Ахметов', 'Ахметова'], ['Жумабаев', 'Жумабаева'], ['Касымов', 'Касымова']],
  },
  kg: {
    female: ['Айгуль', 'Жылдыз', 'Нурзат'],
    male: ['Азамат', 'Бакыт', 'Улан'],
    family: [['Токтогулов', 'Токтогулова'], ['Абдылдаев', 'Абдылдаева'], ['Осмонов', 'Осмонова']],
  },
  tj: {
    female: ['Зарина', 'Мадина', 'Нилуфар'],
    male: ['Рустам', 'Фаридун', 'Сино'],
    family: [['Рахмонов', 'Рахмонова'], ['Саидов', 'Саидова'], ['Назаров', 'Назарова'], 'Шарипзода'],
  },
  tm: {
    female: ['Ogulgerek', 'Aýna', 'Jeren'],
    male: ['Serdar', 'Merdan', 'Batyr'],
    family: [['Saparow', 'Saparowa'], ['Orazow', 'Orazowa'], ['Atayew', 'Atayewa']],
  },
  uz: {
    female: ['Dilnoza', 'Malika', 'Nodira'],
    male: ['Jasur', 'Sherzod', 'Rustam'],
    family: [['Karimov', 'Karimova'], ['Yusupov', 'Yusupova'], ['Tursunov', 'Tursunova']],
  },
  mn: {
    female: ['Сарангэрэл', 'Оюунчимэг', 'Энхтуяа'],
    male: ['Бат-Эрдэнэ', 'Ганбаатар', 'Төмөрбаатар'],
    // Mongolians go by their given name; the father's name (patronymic) does not change.
    family: ['Батбаяр', 'Должинсүрэн', 'Энхболд', 'Жаргал'],
  },
  ka: {
    female: ['ნინო', 'თამარ', 'მარიამ', 'ანა'],
    male: ['გიორგი', 'დავით', 'ლევან', 'ირაკლი'],
    family: ['ბერიძე', 'კაპანაძე', 'გელაშვილი', 'მაისურაძე', 'ლომიძე', 'ჯავახიშვილი'],
  },
  hy: {
    female: ['Անի', 'Լուսինե', 'Նարինե'],
    male: ['Արամ', 'Տիգրան', 'Դավիթ'],
    family: ['Սարգսյան', 'Հարությունյան', 'Պետրոսյան', 'Գրիգորյան'],
  },
  dk: {
    female: ['Mette', 'Sofie', 'Ida'],
    male: ['Søren', 'Mikkel', 'Rasmus'],
    family: ['Sørensen', 'Jensen', 'Nielsen', 'Kristensen', 'Møller'],
  },
  se: {
    female: ['Åsa', 'Ingrid', 'Elin'],
    male: ['Björn', 'Lars', 'Oskar'],
    family: ['Lindqvist', 'Håkansson', 'Bergström', 'Öberg', 'Sjöberg'],
  },
  no: {
    female: ['Kari', 'Solveig', 'Ingrid'],
    male: ['Ola', 'Håkon', 'Eirik'],
    family: ['Ødegård', 'Hansen', 'Bakken', 'Haugen', 'Solberg'],
  },
  fi: {
    female: ['Aino', 'Liisa', 'Päivi'],
    male: ['Mikko', 'Jukka', 'Eero'],
    family: ['Virtanen', 'Mäkinen', 'Korhonen', 'Nieminen', 'Hämäläinen'],
  },
  is: {
    female: ['Sigríður', 'Guðrún', 'Katrín'],
    male: ['Jón', 'Gunnar', 'Ólafur'],
    // Icelanders carry their father's name: Jónsson for a son, Jónsdóttir for a daughter.
    family: [['Jónsson', 'Jónsdóttir'], ['Einarsson', 'Einarsdóttir'], ['Magnússon', 'Magnúsdóttir'], ['Sigurðsson', 'Sigurðardóttir']],
  },
  ee: {
    female: ['Kadri', 'Triin', 'Maarja'],
    male: ['Mart', 'Tõnu', 'Jaan'],
    family: ['Tamm', 'Kask', 'Saar', 'Mägi', 'Sepp'],
  },
  lv: {
    female: ['Kristīne', 'Ilze', 'Līga'],
    male: ['Jānis', 'Andris', 'Māris'],
    family: [['Bērziņš', 'Bērziņa'], ['Ozoliņš', 'Ozoliņa'], ['Kalniņš', 'Kalniņa'], ['Liepiņš', 'Liepiņa'], ['Krūmiņš', 'Krūmiņa']],
  },
  lt: {
    female: ['Rūta', 'Eglė', 'Ieva'],
    male: ['Tomas', 'Mantas', 'Jonas'],
    family: [['Kazlauskas', 'Kazlauskaitė'], ['Jankauskas', 'Jankauskienė'], ['Petrauskas', 'Petrauskaitė'], ['Stankevičius', 'Stankevičiūtė'], ['Vasiliauskas', 'Vasiliauskienė']],
  },
  ar: {
    female: ['فاطمة', 'ليلى', 'مريم', 'سارة'],
    male: ['محمد', 'أحمد', 'يوسف', 'خالد'],
    family: ['الحسيني', 'بن علي', 'العمري', 'حداد', 'منصور', 'الشريف', 'عبد الله', 'التونسي'],
  },
  fa: {
    female: ['زهرا', 'مریم', 'فریبا'],
    male: ['فرید', 'نجیب', 'احمد'],
    family: ['احمدی', 'کریمی', 'رحیمی', 'نوری', 'حکیمی'],
  },
  he: {
    female: ['נועה', 'תמר', 'מיכל'],
    male: ['דוד', 'יוסף', 'אריאל'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם'],
  },
  ja: {
    female: ['花子', '美咲', '陽子'],
    male: ['太郎', '健太', '翔'],
    family: ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤'],
  },
  ko: {
    female: ['서연', '하은', '수빈'],
    male: ['민준', '지훈', '도윤'],
    family: ['김', '이', '박', '최', '정', '강'],
  },
  th: {
    female: ['สุดา', 'มาลี', 'นภา'],
    male: ['สมชาย', 'ประเสริฐ', 'วิชัย'],
    family: ['ศรีสุข', 'ใจดี', 'บุญมา', 'สุขสวัสดิ์', 'ทองดี', 'แก้วมณี'],
  },
};

/** A person's name from a pool: one draw for the given name (which says man or woman), one for the family name in the matching form. */
export function nameFrom(pool: NamePool, draw: () => number): { givenName: string; familyName: string } {
  const given = [...pool.female, ...pool.male];
  const i = Math.floor(draw() * given.length);
  const woman = i < pool.female.length;
  const family = pool.family[Math.floor(draw() * pool.family.length)]!;
  return { givenName: given[i]!, familyName: typeof family === 'string' ? family : family[woman ? 1 : 0] };
}

/** [ISO code, name, name pool, participating State | Partner for Co-operation]. */
export const STATES: [string, string, keyof typeof POOLS][] = [
  ['AL', 'Albania', 'al'], ['AD', 'Andorra', 'ca'], ['AM', 'Armenia', 'hy'], ['AT', 'Austria', 'de'],
  ['AZ', 'Azerbaijan', 'az'], ['BY', 'Belarus', 'by'], ['BE', 'Belgium', 'fr'], ['BA', 'Bosnia and Herzegovina', 'ba'],
  ['BG', 'Bulgaria', 'bg'], ['CA', 'Canada', 'en'], ['HR', 'Croatia', 'hr'], ['CY', 'Cyprus', 'el'],
  ['CZ', 'Czechia', 'cs'], ['DK', 'Denmark', 'dk'], ['EE', 'Estonia', 'ee'], ['FI', 'Finland', 'fi'],
  ['FR', 'France', 'fr'], ['GE', 'Georgia', 'ka'], ['DE', 'Germany', 'de'], ['GR', 'Greece', 'el'],
  ['VA', 'Holy See', 'it'], ['HU', 'Hungary', 'hu'], ['IS', 'Iceland', 'is'], ['IE', 'Ireland', 'en'],
  ['IT', 'Italy', 'it'], ['KZ', 'Kazakhstan', 'kz'], ['KG', 'Kyrgyzstan', 'kg'], ['LV', 'Latvia', 'lv'],
  ['LI', 'Liechtenstein', 'de'], ['LT', 'Lithuania', 'lt'], ['LU', 'Luxembourg', 'fr'], ['MT', 'Malta', 'mt'],
  ['MD', 'Moldova', 'ro'], ['MC', 'Monaco', 'fr'], ['MN', 'Mongolia', 'mn'], ['ME', 'Montenegro', 'me'],
  ['NL', 'Netherlands', 'nl'], ['MK', 'North Macedonia', 'mk'], ['NO', 'Norway', 'no'], ['PL', 'Poland', 'pl'],
  ['PT', 'Portugal', 'pt'], ['RO', 'Romania', 'ro'], ['RU', 'Russian Federation', 'ru'], ['SM', 'San Marino', 'it'],
  ['RS', 'Serbia', 'sr'], ['SK', 'Slovakia', 'sk'], ['SI', 'Slovenia', 'si'], ['ES', 'Spain', 'es'],
  ['SE', 'Sweden', 'se'], ['CH', 'Switzerland', 'de'], ['TJ', 'Tajikistan', 'tj'], ['TR', 'Türkiye', 'tr'],
  ['TM', 'Turkmenistan', 'tm'], ['UA', 'Ukraine', 'uk'], ['GB', 'United Kingdom', 'en'], ['US', 'United States of America', 'en'],
  ['UZ', 'Uzbekistan', 'uz'],
];

export const PARTNERS: [string, string, keyof typeof POOLS][] = [
  ['DZ', 'Algeria', 'ar'], ['EG', 'Egypt', 'ar'], ['IL', 'Israel', 'he'], ['JO', 'Jordan', 'ar'], ['MA', 'Morocco', 'ar'],
  ['TN', 'Tunisia', 'ar'], ['AF', 'Afghanistan', 'fa'], ['AU', 'Australia', 'en'], ['JP', 'Japan', 'ja'],
  ['KR', 'Republic of Korea', 'ko'], ['TH', 'Thailand', 'th'],
];

export const ORGANISATIONS = {
  io: [
    'OSCE Secretariat', 'OSCE/ODIHR', 'United Nations Office on Drugs and Crime', 'International Organization for Migration',
    'Council of Europe (GRETA)', 'International Labour Organization', 'UNHCR', 'UNICEF', 'European Union Agency for Fundamental Rights',
    'Europol', 'INTERPOL', 'OHCHR',
  ],
  ngo: [
    'La Strada International', 'Survivor Alliance', 'Anti-Slavery International', 'KOK e.V.', 'Polaris', 'ECPAT International',
    'Global Alliance Against Traffic in Women', 'Solwodi', 'ACT Alliance', 'Caritas Europa', 'Lefö-IBF', 'Survivors of Slavery Network',
    'Femmes en Résistance', 'Фонд «Надежда»', 'Żyj Bez Przemocy',
  ],
  private_sector: ['Tech Against Trafficking', 'Responsible Business Alliance', 'Airline Ambassadors', 'Hilton Worldwide', 'Microsoft', 'Adecco Group'],
  media: ['ORF', 'Der Standard', 'Reuters', 'Agence France-Presse', 'BBC World Service', 'Deutsche Welle', 'Al Jazeera', 'Радио Свобода', 'NHK'],
};
