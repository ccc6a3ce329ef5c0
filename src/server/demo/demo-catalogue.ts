// Fixed material for the generated region: fictional organisations at plausible addresses in
// real places of the province of Utrecht, Dutch names, wards and shift notes. The generator
// (generate-region.ts) draws from these lists with a seeded random source.
import type { sectorEnum } from '../db/schema.js';

export type Sector = (typeof sectorEnum.enumValues)[number];
export type PackageCode = 'basic-care' | 'more-responsibility' | 'nursing' | 'monitoring-care' | 'support-tasks';

export type CatalogueLocation = { name: string; address: string; postcode: string };
export type CatalogueOrganisation = {
  key: string;
  name: string;
  sector: Sector;
  /** The first location is the main site: it gets the full demand, the others part of it. */
  locations: CatalogueLocation[];
};

export const DEMO_ORGANISATIONS: CatalogueOrganisation[] = [
  {
    key: 'umc-domstad',
    name: 'Domstad UMC',
    sector: 'hospital',
    locations: [
      { name: 'Domstad UMC Uithof', address: 'Universiteitsweg 12', postcode: '3584 CX' },
      { name: 'Domstad Kinderziekenhuis', address: 'Lundlaan 4', postcode: '3584 EA' },
      { name: 'Domstad UMC Revalidatiecentrum', address: 'Rembrandtkade 10', postcode: '3583 TM' },
    ],
  },
  {
    key: 'eemland-zh',
    name: 'Ziekenhuis Eemland',
    sector: 'hospital',
    locations: [
      { name: 'Eemland Amersfoort', address: 'Maatweg 3', postcode: '3813 TZ' },
      { name: 'Eemland Buitenpoli Baarn', address: 'Oranjeweg 21', postcode: '3741 AK' },
    ],
  },
  {
    key: 'lekstroom-zh',
    name: 'Lekstroom Ziekenhuis',
    sector: 'hospital',
    locations: [
      { name: 'Lekstroom Nieuwegein', address: 'Koekoekslaan 1', postcode: '3435 CM' },
      { name: 'Lekstroom Houten', address: 'Sportlaan 7', postcode: '3991 BE' },
      { name: 'Lekstroom Vianen', address: 'Hagestraat 2', postcode: '4131 LA' },
    ],
  },
  {
    key: 'kromme-rijn',
    name: 'Zorggroep Kromme Rijn',
    sector: 'vvt',
    locations: [
      { name: 'De Lingehof', address: 'Lingeweg 40', postcode: '3991 JK' },
      { name: 'Huize Rijnzicht', address: 'Dijkstraat 12', postcode: '3961 AB' },
      { name: 'De Odijkse Hof', address: 'Singel 3', postcode: '3984 NX' },
      { name: 'Bunnikse Weide', address: 'Stationsweg 55', postcode: '3981 AG' },
    ],
  },
  {
    key: 'eemhof',
    name: 'Woonzorg De Eemhof',
    sector: 'vvt',
    locations: [
      { name: 'De Eemhof', address: 'Kapelweg 8', postcode: '3818 BW' },
      { name: 'Het Lindenhuis', address: 'Hamersveldseweg 61', postcode: '3831 GJ' },
      { name: 'Soesterhof', address: 'Van Weedestraat 14', postcode: '3762 CH' },
    ],
  },
  {
    key: 'vechtzorg',
    name: 'Vechtzorg',
    sector: 'vvt',
    locations: [
      { name: 'Huis aan de Vecht', address: 'Straatweg 99', postcode: '3601 AL' },
      { name: 'De Breukelerhof', address: 'Kerkbrink 6', postcode: '3621 BW' },
      { name: 'Vreedenhoff', address: 'Rijksstraatweg 31', postcode: '3632 AA' },
    ],
  },
  {
    key: 'heuvelrug-wz',
    name: 'Heuvelrug Wonen en Zorg',
    sector: 'vvt',
    locations: [
      { name: 'Zonnehuis Zeist', address: 'Jagerlaan 19', postcode: '3701 XH' },
      { name: 'De Hoogstede', address: 'Hoofdstraat 150', postcode: '3971 KN' },
      { name: 'Huize Doornhof', address: 'Acacialaan 2', postcode: '3941 CS' },
    ],
  },
  {
    key: 'thuiszorg-domstad',
    name: 'Thuiszorg Domstad',
    sector: 'home_care',
    locations: [
      { name: 'Wijkteam Overvecht', address: 'Zamenhofdreef 70', postcode: '3562 JW' },
      { name: 'Wijkteam Kanaleneiland', address: 'Marco Pololaan 21', postcode: '3526 GA' },
      { name: 'Wijkteam Oost', address: 'Biltstraat 122', postcode: '3572 BL' },
      { name: 'Wijkteam Leidsche Rijn', address: 'Berlijnplein 5', postcode: '3541 CM' },
    ],
  },
  {
    key: 'wijkzorg-waarden',
    name: 'Wijkzorg Utrechtse Waarden',
    sector: 'home_care',
    locations: [
      { name: 'Wijkteam Woerden', address: 'Rijnstraat 14', postcode: '3441 BT' },
      { name: 'Wijkteam Montfoort-Oudewater', address: 'Hoogstraat 33', postcode: '3417 HC' },
      { name: 'Wijkteam IJsselstein-Lopik', address: 'Benschopperstraat 9', postcode: '3401 DB' },
    ],
  },
  {
    key: 'boogerd',
    name: 'Stichting De Boogerd',
    sector: 'disability_care',
    locations: [
      { name: 'Woonvorm De Boogerd', address: 'Birkstraat 80', postcode: '3763 CL' },
      { name: 'Dagbesteding Het Atelier', address: 'Kapelweg 120', postcode: '3817 BW' },
      { name: 'Woongroep De Linde', address: 'Soestdijkseweg 22', postcode: '3721 AE' },
    ],
  },
  {
    key: 'lichtpunt',
    name: 'Het Lichtpunt',
    sector: 'disability_care',
    locations: [
      { name: 'Het Lichtpunt Veenendaal', address: 'Dragonder 11', postcode: '3902 HA' },
      { name: 'Logeerhuis De Grebbe', address: 'Grebbeweg 4', postcode: '3911 AS' },
    ],
  },
  {
    key: 'ggz-domstreek',
    name: 'GGZ Domstreek',
    sector: 'mental_health',
    locations: [
      { name: 'Kliniek Den Dolder', address: 'Dolderseweg 164', postcode: '3734 BN' },
      { name: 'Centrum Utrecht-Noord', address: 'Nicolaas Beetsstraat 4', postcode: '3553 SV' },
      { name: 'Beschermd Wonen Zeist', address: 'Slotlaan 30', postcode: '3705 EM' },
    ],
  },
  {
    key: 'hap-midden',
    name: 'Huisartsenposten Midden-Utrecht',
    sector: 'gp_care',
    locations: [
      { name: 'Huisartsenpost Utrecht', address: 'Van Iddekingeweg 1', postcode: '3543 AZ' },
      { name: 'Huisartsenpost Zeist', address: 'Oude Arnhemseweg 2', postcode: '3707 AB' },
    ],
  },
];

/** Wards or teams named in shift notes, by sector and package. */
export const WARDS: Record<Sector, string[]> = {
  hospital: ['Interne geneeskunde', 'Chirurgie', 'Cardiologie', 'Longziekten', 'Neurologie', 'Orthopedie', 'Geriatrie'],
  vvt: ['Psychogeriatrie', 'Somatiek', 'Kleinschalig wonen', 'Geriatrische revalidatie', 'Verpleegafdeling'],
  home_care: ['de ochtendroute', 'de avondroute', 'het nachtteam', 'de wijkroute'],
  disability_care: ['Woongroep 1', 'Woongroep 2', 'de dagbesteding', 'het logeerhuis'],
  mental_health: ['Acute opname', 'Kliniek ouderenpsychiatrie', 'Beschermd wonen', 'Afdeling kortdurende behandeling'],
  gp_care: ['de triage', 'de balie', 'de visitedienst'],
  youth_care: ['de leefgroep', 'de crisisopvang'],
};
export const MONITORING_WARDS = ['Intensive care', 'Hartbewaking (CCU)', 'Spoedeisende hulp', 'Medium care'];

export const FIRST_NAMES = [
  'Anna', 'Sanne', 'Lotte', 'Fleur', 'Emma', 'Lisa', 'Iris', 'Eva', 'Noor', 'Julia', 'Sophie', 'Anouk', 'Marieke', 'Petra', 'Ingrid',
  'Annemarie', 'Esther', 'Linda', 'Monique', 'Yvonne', 'Wilma', 'Hanneke', 'Karin', 'Mirjam', 'Inge', 'Fatima', 'Samira', 'Nadia',
  'Yasmina', 'Ayşe', 'Elif', 'Zeynep', 'Priya', 'Shanti', 'Chantal', 'Joyce', 'Kim', 'Demi', 'Britt', 'Femke', 'Roos', 'Tessa',
  'Jan', 'Pieter', 'Kees', 'Bas', 'Thijs', 'Daan', 'Ruben', 'Sander', 'Jeroen', 'Mark', 'Wouter', 'Joost', 'Mohamed', 'Youssef',
  'Mehmet', 'Emre', 'Rajesh', 'Stefan', 'Koen', 'Lars', 'Tim', 'Niels', 'Bram', 'Jesse', 'Milan', 'Sem', 'Gerrit', 'Henk',
];
export const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos',
  'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer',
  'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn',
  'de Jong', 'van Dijk', 'Schouten', 'Willems', 'van Beek', 'Verhoeven', 'Hoekstra', 'Koster', 'Prins', 'Postma', 'Kuipers',
  'El Amrani', 'Bouzid', 'Yılmaz', 'Kaya', 'Doğan', 'Ramdin', 'Soekhai', 'Baldewsingh', 'Nguyen', 'Kowalski', 'Wouters',
];

/** Contact persons named in shift notes. */
export const CONTACTS = [
  'Ans de Wit', 'Marloes Verbeek', 'Hatice Demir', 'Ronald Kroon', 'Gerda Timmer', 'Said Ouali', 'Janneke Hofman', 'Erik van Dam',
  'Corine Steenbergen', 'Miriam Blom', 'Tamara Lok', 'Hans Zwart', 'Lieke Rutten', 'Naima Azzouz', 'Dirk Schipper', 'Maaike Veldman',
];

/** Shift notes; {ward}, {contact} and {buddy} are filled in by the generator. */
export const NOTE_TEMPLATES: Record<Sector, string[]> = {
  hospital: [
    'Melden bij de teamleider van {ward}, {contact}. Je buddy deze dienst is {buddy}.',
    'Overdracht op {ward} een kwartier voor aanvang. Vraag naar {buddy}, die je wegwijs maakt.',
    'Omkleden bij de kledingautomaat op niveau 0; pasje ophalen bij de beveiliging. Contact: {contact} ({ward}).',
  ],
  vvt: [
    'Melden bij {contact}, teamcoördinator {ward}. {buddy} werkt deze dienst met je samen.',
    'Je werkt op {ward}; {buddy} is je aanspreekpunt. Vragen vooraf? Bel {contact}.',
    'Sleutel en telefoon liggen bij de receptie. Buddy: {buddy}. Contactpersoon: {contact}.',
  ],
  home_care: [
    'Je rijdt {ward} samen met {buddy}; start op het wijkkantoor. Contact: {contact}.',
    'Auto en sleutelkastje bij het wijkkantoor. {buddy} belt je vooraf over de cliënten. Planner: {contact}.',
  ],
  disability_care: [
    'Je werkt op {ward} met {buddy}. Bewoners hebben een vaste dagstructuur; lees het overdrachtsboek. Contact: {contact}.',
    'Melden bij {contact}. {buddy} vertelt je over de bewoners van {ward}.',
  ],
  mental_health: [
    'Melden bij de verpleegpost van {ward}; veiligheidsinstructie door {buddy}. Contact: {contact}.',
    'Overdracht met {buddy} op {ward}. Alarmknop ophalen bij de receptie. Vragen: {contact}.',
  ],
  gp_care: [
    'Je werkt bij {ward} met {buddy} (ervaren triagist). Contact: {contact}.',
    'Inloggen met je eigen account; {buddy} is je achterwacht. Melden bij {contact}.',
  ],
  youth_care: ['Melden bij {contact} op {ward}. Buddy: {buddy}.'],
};
