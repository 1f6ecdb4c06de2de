// Name pools for the generated demo attendees: many scripts, many diacritics,
// so search, badges and PDFs meet real-world names from the first run.
// Plain data, no logic; runs anywhere.

export interface NamePool {
  given: string[];
  family: string[];
}

export const POOLS: Record<string, NamePool> = {
  de: {
    given: ['Jürgen', 'Käthe', 'Lukas', 'Sophie', 'Matthias', 'Anna-Lena', 'Günther', 'Maximilian', 'Marlene', 'Florian'],
    family: ['Müller', 'Schröder', 'Weiß', 'Huber', 'Gruber', 'Bäcker', 'Schneider', 'Köhler', 'Wagner', 'Fuchs'],
  },
  fr: {
    given: ['François', 'Hélène', 'Élodie', 'Jérôme', 'Noël', 'Chloé', 'Benoît', 'Anaïs', 'Gaëlle', 'Théo'],
    family: ['Lefèvre', 'Dupont', 'Moreau', 'Girard', 'Bérard', 'Rousseau', 'Mercier', 'Lacroix', 'Fontaine', 'Garçon'],
  },
  pl: {
    given: ['Łukasz', 'Małgorzata', 'Wojciech', 'Agnieszka', 'Paweł', 'Zofia', 'Jędrzej', 'Katarzyna'],
    family: ['Wiśniewski', 'Kowalczyk', 'Żółkiewska', 'Nowak', 'Wójcik', 'Kamińska', 'Lewandowski', 'Dąbrowska'],
  },
  cs: {
    given: ['Jiří', 'Tereza', 'Ondřej', 'Kateřina', 'Lukáš', 'Zuzana', 'Michal', 'Veronika'],
    family: ['Dvořák', 'Černá', 'Novotný', 'Procházková', 'Kučera', 'Horáková', 'Šimek', 'Růžičková'],
  },
  ru: {
    given: ['Дмитрий', 'Анна', 'Сергей', 'Екатерина', 'Алексей', 'Ольга', 'Николай', 'Мария'],
    family: ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Козлов', 'Новикова'],
  },
  uk: {
    given: ['Олена', 'Тарас', 'Ірина', 'Богдан', 'Оксана', 'Андрій', 'Юлія', 'Василь'],
    family: ['Ковальчук', 'Шевченко', 'Бондаренко', 'Ткаченко', 'Мельник', 'Кравченко', 'Олійник', 'Лисенко'],
  },
  el: {
    given: ['Ελένη', 'Γιώργος', 'Μαρία', 'Νίκος', 'Κατερίνα', 'Δημήτρης', 'Σοφία', 'Κώστας'],
    family: ['Παπαδόπουλος', 'Οικονόμου', 'Γεωργίου', 'Νικολάου', 'Αντωνίου', 'Βασιλείου', 'Κωνσταντίνου', 'Ιωάννου'],
  },
  ar: {
    given: ['محمد', 'فاطمة', 'أحمد', 'ليلى', 'يوسف', 'مريم', 'خالد', 'سارة'],
    family: ['الحسيني', 'بن علي', 'العمري', 'حداد', 'منصور', 'الشريف', 'عبد الله', 'التونسي'],
  },
  he: {
    given: ['נועה', 'דוד', 'תמר', 'יוסף', 'מיכל', 'אריאל'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם'],
  },
  ja: {
    given: ['花子', '太郎', '美咲', '健太', '陽子', '翔'],
    family: ['佐藤', '鈴木', '高橋', '田中', '渡辺', '伊藤'],
  },
  ko: {
    given: ['민준', '서연', '지훈', '하은', '도윤', '수빈'],
    family: ['김', '이', '박', '최', '정', '강'],
  },
  th: {
    given: ['สมชาย', 'สุดา', 'ประเสริฐ', 'มาลี', 'วิชัย', 'นภา'],
    family: ['ศรีสุข', 'ใจดี', 'บุญมา', 'สุขสวัสดิ์', 'ทองดี', 'แก้วมณี'],
  },
  mn: {
    given: ['Бат-Эрдэнэ', 'Сарангэрэл', 'Ганбаатар', 'Оюунчимэг'],
    family: ['Батбаяр', 'Должинсүрэн', 'Энхболд', 'Цэцэгмаа'],
  },
  ka: {
    given: ['გიორგი', 'ნინო', 'დავით', 'თამარ'],
    family: ['ბერიძე', 'კაპანაძე', 'გელაშვილი', 'მაისურაძე'],
  },
  hy: {
    given: ['Արամ', 'Անի', 'Տիգրան', 'Լուսինե'],
    family: ['Սարգսյան', 'Հարությունյան', 'Պետրոսյան', 'Գրիգորյան'],
  },
  tr: {
    given: ['Ayşe', 'Mehmet', 'Şule', 'Emre', 'Gökhan', 'Özlem', 'İsmail', 'Çağla'],
    family: ['Şahin', 'Çelik', 'Öztürk', 'Yılmaz', 'Doğan', 'Aydın', 'Güneş', 'Kılıç'],
  },
  hu: {
    given: ['Erzsébet', 'László', 'Zsófia', 'Gábor', 'Ágnes', 'Péter'],
    family: ['Nagy', 'Szőke', 'Kovács', 'Tóth', 'Szabó', 'Horváth'],
  },
  ro: {
    given: ['Ștefan', 'Ioana', 'Mihai', 'Andreea', 'Răzvan', 'Ileana'],
    family: ['Popescu', 'Ionescu', 'Țurcanu', 'Munteanu', 'Stănescu', 'Dumitrașcu'],
  },
  nordic: {
    given: ['Åsa', 'Søren', 'Björn', 'Sigríður', 'Aino', 'Mikkel', 'Liisa', 'Ingrid'],
    family: ['Sørensen', 'Lindqvist', 'Jónsdóttir', 'Virtanen', 'Håkansson', 'Ødegård', 'Mäkinen', 'Bergström'],
  },
  baltic: {
    given: ['Jānis', 'Rūta', 'Mart', 'Kristīne', 'Tomas', 'Eglė'],
    family: ['Bērziņš', 'Kazlauskas', 'Kask', 'Ozoliņa', 'Jankauskaitė', 'Tamm'],
  },
  es: {
    given: ['José', 'María José', 'Íñigo', 'Lucía', 'João', 'Inês', 'Núria', 'Jordi'],
    family: ['Núñez', 'García', 'Gonçalves', 'Ibáñez', 'Fernández', 'Simões', 'Puigdemont', 'Martín'],
  },
  it: {
    given: ['Giulia', 'Niccolò', 'Francesca', 'Lorenzo', 'Chiara', 'Matteo'],
    family: ['Ricci', 'De Luca', 'Esposito', 'Romano', 'Bianchi', 'Galli'],
  },
  southslav_cyr: {
    given: ['Марко', 'Јелена', 'Никола', 'Ана', 'Стефан', 'Милица'],
    family: ['Петровић', 'Стојановски', 'Јовановић', 'Димитров', 'Николовска', 'Иванова'],
  },
  southslav_lat: {
    given: ['Ivana', 'Luka', 'Maja', 'Dževad', 'Nikolina', 'Arben', 'Erëza', 'Tomaž'],
    family: ['Horvat', 'Kovačević', 'Hodžić', 'Hoxha', 'Novak', 'Babić', 'Krasniqi', 'Đurić'],
  },
  turkic_lat: {
    given: ['Əli', 'Aynur', 'Dilnoza', 'Nurlan', 'Gulnara', 'Rustam'],
    family: ['Əliyev', 'Məmmədova', 'Karimov', 'Nurpeisova', 'Saparov', 'Toktogulov'],
  },
  en: {
    given: ['Siobhan', 'James', 'Emily', 'Oluwaseun', 'Priya', 'Connor', 'Grace', 'Michael', 'Aroha', 'Zoë'],
    family: ["O'Brien", 'Smith', 'Johnson', 'McAllister', 'Nguyen', 'Patel', 'Williams', 'Brown', 'Okafor', 'Taylor'],
  },
  nl: {
    given: ['Sanne', 'Joost', 'Femke', 'Bram', 'Marieke', 'Thijs'],
    family: ['de Vries', 'van den Berg', 'Jansen', 'Bakker', 'Visser', "van 't Hof"],
  },
};

/** [ISO code, name, name pool, participating State | Partner for Co-operation]. */
export const STATES: [string, string, keyof typeof POOLS][] = [
  ['AL', 'Albania', 'southslav_lat'], ['AD', 'Andorra', 'es'], ['AM', 'Armenia', 'hy'], ['AT', 'Austria', 'de'],
  ['AZ', 'Azerbaijan', 'turkic_lat'], ['BY', 'Belarus', 'ru'], ['BE', 'Belgium', 'fr'], ['BA', 'Bosnia and Herzegovina', 'southslav_lat'],
  ['BG', 'Bulgaria', 'southslav_cyr'], ['CA', 'Canada', 'en'], ['HR', 'Croatia', 'southslav_lat'], ['CY', 'Cyprus', 'el'],
  ['CZ', 'Czechia', 'cs'], ['DK', 'Denmark', 'nordic'], ['EE', 'Estonia', 'baltic'], ['FI', 'Finland', 'nordic'],
  ['FR', 'France', 'fr'], ['GE', 'Georgia', 'ka'], ['DE', 'Germany', 'de'], ['GR', 'Greece', 'el'],
  ['VA', 'Holy See', 'it'], ['HU', 'Hungary', 'hu'], ['IS', 'Iceland', 'nordic'], ['IE', 'Ireland', 'en'],
  ['IT', 'Italy', 'it'], ['KZ', 'Kazakhstan', 'ru'], ['KG', 'Kyrgyzstan', 'turkic_lat'], ['LV', 'Latvia', 'baltic'],
  ['LI', 'Liechtenstein', 'de'], ['LT', 'Lithuania', 'baltic'], ['LU', 'Luxembourg', 'fr'], ['MT', 'Malta', 'en'],
  ['MD', 'Moldova', 'ro'], ['MC', 'Monaco', 'fr'], ['MN', 'Mongolia', 'mn'], ['ME', 'Montenegro', 'southslav_lat'],
  ['NL', 'Netherlands', 'nl'], ['MK', 'North Macedonia', 'southslav_cyr'], ['NO', 'Norway', 'nordic'], ['PL', 'Poland', 'pl'],
  ['PT', 'Portugal', 'es'], ['RO', 'Romania', 'ro'], ['RU', 'Russian Federation', 'ru'], ['SM', 'San Marino', 'it'],
  ['RS', 'Serbia', 'southslav_cyr'], ['SK', 'Slovakia', 'cs'], ['SI', 'Slovenia', 'southslav_lat'], ['ES', 'Spain', 'es'],
  ['SE', 'Sweden', 'nordic'], ['CH', 'Switzerland', 'de'], ['TJ', 'Tajikistan', 'ru'], ['TR', 'Türkiye', 'tr'],
  ['TM', 'Turkmenistan', 'turkic_lat'], ['UA', 'Ukraine', 'uk'], ['GB', 'United Kingdom', 'en'], ['US', 'United States of America', 'en'],
  ['UZ', 'Uzbekistan', 'turkic_lat'],
];

export const PARTNERS: [string, string, keyof typeof POOLS][] = [
  ['DZ', 'Algeria', 'ar'], ['EG', 'Egypt', 'ar'], ['IL', 'Israel', 'he'], ['JO', 'Jordan', 'ar'], ['MA', 'Morocco', 'ar'],
  ['TN', 'Tunisia', 'ar'], ['AF', 'Afghanistan', 'ar'], ['AU', 'Australia', 'en'], ['JP', 'Japan', 'ja'],
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
