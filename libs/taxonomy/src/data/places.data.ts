import type { TaxonomySeedItem } from './taxonomy.data';

/** Places and bodies: the municipalities of Kosovo and the institutions a case is referred to. */

/** Municipality: en and rom labels are the Albanian name. */
function municipality(code: string, sq: string, sr: string): TaxonomySeedItem {
  return { code, labels: { sq, sr, en: sq, rom: sq } };
}

/** The 38 municipalities of Kosovo, ordered by Albanian alphabet (g < gj, l < ll, s < sh). */
export const MUNICIPALITY: readonly TaxonomySeedItem[] = [
  municipality('decan', 'Deçan', 'Dečane'),
  municipality('dragash', 'Dragash', 'Dragaš'),
  municipality('drenas', 'Drenas', 'Glogovac'),
  municipality('ferizaj', 'Ferizaj', 'Uroševac'),
  municipality('fushe_kosove', 'Fushë Kosovë', 'Kosovo Polje'),
  municipality('gracanice', 'Graçanicë', 'Gračanica'),
  municipality('gjakove', 'Gjakovë', 'Đakovica'),
  municipality('gjilan', 'Gjilan', 'Gnjilane'),
  municipality('hani_i_elezit', 'Hani i Elezit', 'Elez Han'),
  municipality('istog', 'Istog', 'Istok'),
  municipality('junik', 'Junik', 'Junik'),
  municipality('kacanik', 'Kaçanik', 'Kačanik'),
  municipality('kamenice', 'Kamenicë', 'Kamenica'),
  municipality('kline', 'Klinë', 'Klina'),
  municipality('kllokot', 'Kllokot', 'Klokot'),
  municipality('leposaviq', 'Leposaviq', 'Leposavić'),
  municipality('lipjan', 'Lipjan', 'Lipljan'),
  municipality('malisheve', 'Malishevë', 'Mališevo'),
  municipality('mamushe', 'Mamushë', 'Mamuša'),
  municipality('mitrovice_e_jugut', 'Mitrovicë e Jugut', 'Južna Mitrovica'),
  municipality('mitrovice_e_veriut', 'Mitrovicë e Veriut', 'Severna Mitrovica'),
  municipality('novoberde', 'Novobërdë', 'Novo Brdo'),
  municipality('obiliq', 'Obiliq', 'Obilić'),
  municipality('partesh', 'Partesh', 'Parteš'),
  municipality('peje', 'Pejë', 'Peć'),
  municipality('podujeve', 'Podujevë', 'Podujevo'),
  municipality('prishtine', 'Prishtinë', 'Priština'),
  municipality('prizren', 'Prizren', 'Prizren'),
  municipality('rahovec', 'Rahovec', 'Orahovac'),
  municipality('ranillug', 'Ranillug', 'Ranilug'),
  municipality('skenderaj', 'Skenderaj', 'Srbica'),
  municipality('suhareke', 'Suharekë', 'Suva Reka'),
  municipality('shterpce', 'Shtërpcë', 'Štrpce'),
  municipality('shtime', 'Shtime', 'Štimlje'),
  municipality('viti', 'Viti', 'Vitina'),
  municipality('vushtrri', 'Vushtrri', 'Vučitrn'),
  municipality('zubin_potok', 'Zubin Potok', 'Zubin Potok'),
  municipality('zvecan', 'Zveçan', 'Zvečan'),
];

/** Institutions a case can be referred to. */
export const INSTITUTION: readonly TaxonomySeedItem[] = [
  {
    code: 'ombudsperson',
    labels: {
      sq: 'Institucioni i Avokatit të Popullit',
      sr: 'Institucija Ombudsmana',
      en: 'Ombudsperson Institution',
      rom: 'Institucija e Ombudspersonesko',
    },
  },
  {
    code: 'kosovo_police',
    labels: {
      sq: 'Policia e Kosovës',
      sr: 'Policija Kosova',
      en: 'Kosovo Police',
      rom: 'Policija e Kosovosko',
    },
  },
  {
    code: 'state_prosecutor',
    labels: {
      sq: 'Prokuroria e Shtetit',
      sr: 'Državno tužilaštvo',
      en: 'State Prosecutor',
      rom: 'Državno prokurorija',
    },
  },
  { code: 'courts', labels: { sq: 'Gjykatat', sr: 'Sudovi', en: 'Courts', rom: 'Sudura' } },
  {
    code: 'ministry_education',
    labels: {
      sq: 'Ministria e Arsimit, Shkencës, Teknologjisë dhe Inovacionit',
      sr: 'Ministarstvo obrazovanja, nauke, tehnologije i inovacija',
      en: 'Ministry of Education, Science, Technology and Innovation',
      rom: 'Ministrija e Edukacijako, Naukako, Tehnologijako thaj Inovacijako',
    },
  },
  {
    code: 'ministry_health',
    labels: {
      sq: 'Ministria e Shëndetësisë',
      sr: 'Ministarstvo zdravlja',
      en: 'Ministry of Health',
      rom: 'Ministrija e Sastipasko',
    },
  },
  {
    code: 'ministry_finance_labour_transfers',
    labels: {
      sq: 'Ministria e Financave, Punës dhe Transfereve',
      sr: 'Ministarstvo finansija, rada i transfera',
      en: 'Ministry of Finance, Labour and Transfers',
      rom: 'Ministrija e Financijengi, e Butjaki thaj e Transferengi',
    },
  },
  {
    code: 'ministry_environment_spatial_planning',
    labels: {
      sq: 'Ministria e Mjedisit, Planifikimit Hapësinor dhe Infrastrukturës',
      sr: 'Ministarstvo životne sredine, prostornog planiranja i infrastrukture',
      en: 'Ministry of Environment, Spatial Planning and Infrastructure',
      rom: 'Ministrija e Sredinaki, e Prostorno Planiripasko thaj e Infrastrukturaki',
    },
  },
  {
    code: 'employment_agency',
    labels: {
      sq: 'Agjencia e Punësimit e Republikës së Kosovës',
      sr: 'Agencija za zapošljavanje Republike Kosovo',
      en: 'Employment Agency of the Republic of Kosovo',
      rom: 'Agencija baši Buti e Republikaki e Kosovoski',
    },
  },
  {
    code: 'labour_inspectorate',
    labels: {
      sq: 'Inspektorati i Punës',
      sr: 'Inspektorat rada',
      en: 'Labour Inspectorate',
      rom: 'Inspektorati e Butjako',
    },
  },
  {
    code: 'free_legal_aid_agency',
    labels: {
      sq: 'Agjencia për Ndihmë Juridike Falas',
      sr: 'Agencija za besplatnu pravnu pomoć',
      en: 'Free Legal Aid Agency',
      rom: 'Agencija baši Bipoćindo Pravno Žutipe',
    },
  },
  {
    code: 'agency_gender_equality',
    labels: {
      sq: 'Agjencia për Barazi Gjinore',
      sr: 'Agencija za ravnopravnost polova',
      en: 'Agency for Gender Equality',
      rom: 'Agencija baši Jekhipe e Rodengo',
    },
  },
  {
    code: 'independent_media_commission',
    labels: {
      sq: 'Komisioni i Pavarur i Mediave',
      sr: 'Nezavisna komisija za medije',
      en: 'Independent Media Commission',
      rom: 'Nezavisno Komisija e Medijengi',
    },
  },
  /** A municipality; which one is recorded separately (kind `municipality`). */
  {
    code: 'municipality',
    labels: { sq: 'Komuna', sr: 'Opština', en: 'Municipality', rom: 'Komuna' },
  },
  { code: 'other', labels: { sq: 'Tjetër', sr: 'Drugo', en: 'Other', rom: 'Aver' } },
];
