import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data of DESIGN §5 (communities, areas, grounds, reporter roles, perpetrator kinds,
 * genders, age groups, the 38 municipalities, referral institutions, closure reasons) with
 * labels in sq, sr (Latin script), en and, where written, rom. The values are literal SQL so
 * the migration keeps meaning the same thing when the seed file later changes; a test compares
 * this content with TAXONOMY_SEED.
 */
export class CreateTaxonomyItems1795410000000 implements MigrationInterface {
  name = 'CreateTaxonomyItems1795410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE taxonomy_items (
        kind text NOT NULL CHECK (kind IN ('community', 'area', 'ground', 'reporter_role', 'perpetrator_kind', 'gender', 'age_group', 'municipality', 'institution', 'closure_reason')),
        code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,64}$'),
        labels jsonb NOT NULL CHECK (
          jsonb_typeof(labels) = 'object' AND labels ? 'sq' AND labels ? 'sr' AND labels ? 'en'
        ),
        description jsonb CHECK (
          description IS NULL OR (jsonb_typeof(description) = 'object' AND description ? 'sq' AND description ? 'sr' AND description ? 'en')
        ),
        sort_order integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (kind, code)
      )
    `);
    await queryRunner.query(`
      INSERT INTO taxonomy_items (kind, code, labels, description, sort_order) VALUES
      ('community', 'roma', '{"sq":"Rom","sr":"Romi","en":"Roma","rom":"Rom"}', NULL, 1),
      ('community', 'ashkali', '{"sq":"Ashkali","sr":"Aškalije","en":"Ashkali"}', NULL, 2),
      ('community', 'egyptian', '{"sq":"Egjiptian","sr":"Egipćani","en":"Egyptian"}', NULL, 3),
      ('community', 'other', '{"sq":"Tjetër","sr":"Drugo","en":"Other","rom":"Aver"}', NULL, 4),
      ('area', 'education', '{"sq":"Arsimi","sr":"Obrazovanje","en":"Education","rom":"Sikljovipe"}', NULL, 1),
      ('area', 'employment', '{"sq":"Punësimi","sr":"Zapošljavanje","en":"Employment"}', NULL, 2),
      ('area', 'social_welfare', '{"sq":"Mirëqenia sociale","sr":"Socijalna zaštita","en":"Social welfare"}', NULL, 3),
      ('area', 'health', '{"sq":"Shëndetësia","sr":"Zdravstvo","en":"Health","rom":"Sastipe"}', NULL, 4),
      ('area', 'housing', '{"sq":"Strehimi","sr":"Stanovanje","en":"Housing"}', NULL, 5),
      ('area', 'civil_registration', '{"sq":"Regjistrimi civil dhe dokumentet","sr":"Civilna registracija i dokumenta","en":"Civil registration and documents"}', NULL, 6),
      ('area', 'public_services', '{"sq":"Shërbimet publike","sr":"Javne usluge","en":"Public services"}', NULL, 7),
      ('area', 'justice_and_police', '{"sq":"Drejtësia dhe policia","sr":"Pravosuđe i policija","en":"Justice and police"}', NULL, 8),
      ('area', 'media_and_online', '{"sq":"Media dhe interneti","sr":"Mediji i internet","en":"Media and online"}', NULL, 9),
      ('area', 'goods_and_services', '{"sq":"Mallrat dhe shërbimet","sr":"Roba i usluge","en":"Goods and services"}', NULL, 10),
      ('area', 'other', '{"sq":"Tjetër","sr":"Drugo","en":"Other","rom":"Aver"}', NULL, 11),
      ('ground', 'discrimination', '{"sq":"Diskriminim","sr":"Diskriminacija","en":"Discrimination"}', '{"sq":"Kur ju trajtojnë më keq se njerëzit e tjerë për shkak të asaj që jeni, për shembull sepse jeni pjesë e komunitetit rom, ashkali ose egjiptian.","sr":"Kada se prema vama ponašaju lošije nego prema drugim ljudima zbog toga ko ste, na primer zato što ste deo romske, aškalijske ili egipćanske zajednice.","en":"Being treated worse than other people because of who you are, for example because you are Roma, Ashkali or Egyptian."}', 1),
      ('ground', 'racism', '{"sq":"Racizëm","sr":"Rasizam","en":"Racism"}', '{"sq":"Kur ju trajtojnë keq ose ju përbuzin për shkak të ngjyrës së lëkurës, prejardhjes ose popullit tuaj.","sr":"Kada se prema vama loše ponašaju ili vas omalovažavaju zbog boje kože, porekla ili naroda kome pripadate.","en":"Being treated badly or looked down on because of your skin colour, your origin or your people."}', 2),
      ('ground', 'harassment', '{"sq":"Ngacmim","sr":"Uznemiravanje","en":"Harassment"}', '{"sq":"Kur dikush thotë ose bën gjëra që ju lëndojnë, ju frikësojnë ose ju turpërojnë për shkak të asaj që jeni.","sr":"Kada vam neko govori ili radi stvari koje vas povređuju, plaše ili sramote zbog toga ko ste.","en":"Someone says or does things that hurt, scare or shame you because of who you are."}', 3),
      ('ground', 'hate_speech', '{"sq":"Gjuhë e urrejtjes","sr":"Govor mržnje","en":"Hate speech"}', '{"sq":"Fjalë, fotografi ose postime që fyejnë një grup të tërë njerëzish ose nxisin urrejtje kundër tyre, për shembull në internet.","sr":"Reči, slike ili objave koje vređaju celu grupu ljudi ili podstiču mržnju prema njima, na primer na internetu.","en":"Words, pictures or posts that insult a whole group of people or stir up hate against them, for example on the internet."}', 4),
      ('ground', 'hate_crime', '{"sq":"Krim i urrejtjes","sr":"Zločin iz mržnje","en":"Hate crime"}', '{"sq":"Një krim, si sulm, kërcënim ose dëmtim i shtëpisë a i sendeve tuaja, që ju bëhet për shkak të asaj që jeni.","sr":"Krivično delo, kao napad, pretnja ili oštećenje vaše kuće ili stvari, koje vam neko učini zbog toga ko ste.","en":"A crime, such as an attack, a threat or damage to your home or things, done to you because of who you are."}', 5),
      ('ground', 'bullying', '{"sq":"Bullizëm","sr":"Maltretiranje (buling)","en":"Bullying"}', '{"sq":"Kur ju lëndojnë, ju tallin ose ju lënë jashtë vazhdimisht, për shembull në shkollë, në punë ose në internet.","sr":"Kada vas stalno povređuju, ismevaju ili izostavljaju, na primer u školi, na poslu ili na internetu.","en":"Being hurt, teased or left out again and again, for example at school, at work or online."}', 6),
      ('ground', 'segregation', '{"sq":"Segregim","sr":"Segregacija","en":"Segregation"}', '{"sq":"Kur ju mbajnë të ndarë nga të tjerët, për shembull në një klasë ose shkollë të veçantë, për shkak të asaj që jeni.","sr":"Kada vas drže odvojeno od drugih, na primer u posebnom odeljenju ili školi, zbog toga ko ste.","en":"Being kept apart from others, for example in a separate class or school, because of who you are."}', 7),
      ('ground', 'other', '{"sq":"Tjetër","sr":"Drugo","en":"Other","rom":"Aver"}', '{"sq":"Diçka tjetër që ishte e padrejtë ose ju lëndoi për shkak të asaj që jeni.","sr":"Nešto drugo što je bilo nepravedno ili vas je povredilo zbog toga ko ste.","en":"Something else that was unfair or hurt you because of who you are."}', 8),
      ('reporter_role', 'victim', '{"sq":"Viktimë","sr":"Žrtva","en":"Victim"}', NULL, 1),
      ('reporter_role', 'witness', '{"sq":"Dëshmitar","sr":"Svedok","en":"Witness"}', NULL, 2),
      ('reporter_role', 'on_behalf_of_victim', '{"sq":"Në emër të viktimës","sr":"U ime žrtve","en":"On behalf of the victim"}', NULL, 3),
      ('reporter_role', 'organisation', '{"sq":"Organizatë","sr":"Organizacija","en":"Organisation"}', NULL, 4),
      ('perpetrator_kind', 'public_institution', '{"sq":"Institucion publik","sr":"Javna institucija","en":"Public institution"}', NULL, 1),
      ('perpetrator_kind', 'municipality', '{"sq":"Komunë","sr":"Opština","en":"Municipality"}', NULL, 2),
      ('perpetrator_kind', 'school', '{"sq":"Shkollë","sr":"Škola","en":"School"}', NULL, 3),
      ('perpetrator_kind', 'health_facility', '{"sq":"Institucion shëndetësor","sr":"Zdravstvena ustanova","en":"Health facility"}', NULL, 4),
      ('perpetrator_kind', 'police', '{"sq":"Policia","sr":"Policija","en":"Police"}', NULL, 5),
      ('perpetrator_kind', 'employer', '{"sq":"Punëdhënës","sr":"Poslodavac","en":"Employer"}', NULL, 6),
      ('perpetrator_kind', 'private_person', '{"sq":"Person privat","sr":"Privatno lice","en":"Private person"}', NULL, 7),
      ('perpetrator_kind', 'business', '{"sq":"Biznes","sr":"Preduzeće ili radnja","en":"Business"}', NULL, 8),
      ('perpetrator_kind', 'media_or_online', '{"sq":"Media ose internet","sr":"Mediji ili internet","en":"Media or online"}', NULL, 9),
      ('perpetrator_kind', 'other', '{"sq":"Tjetër","sr":"Drugo","en":"Other","rom":"Aver"}', NULL, 10),
      ('gender', 'female', '{"sq":"Femër","sr":"Ženski","en":"Female"}', NULL, 1),
      ('gender', 'male', '{"sq":"Mashkull","sr":"Muški","en":"Male"}', NULL, 2),
      ('gender', 'other', '{"sq":"Tjetër","sr":"Drugo","en":"Other","rom":"Aver"}', NULL, 3),
      ('gender', 'prefer_not_to_say', '{"sq":"Nuk dëshiroj ta them","sr":"Ne želim da kažem","en":"Prefer not to say"}', NULL, 4),
      ('age_group', 'under_18', '{"sq":"Nën 18 vjeç","sr":"Mlađi od 18 godina","en":"Under 18"}', NULL, 1),
      ('age_group', '18_29', '{"sq":"18–29 vjeç","sr":"18–29 godina","en":"18–29"}', NULL, 2),
      ('age_group', '30_44', '{"sq":"30–44 vjeç","sr":"30–44 godina","en":"30–44"}', NULL, 3),
      ('age_group', '45_64', '{"sq":"45–64 vjeç","sr":"45–64 godina","en":"45–64"}', NULL, 4),
      ('age_group', '65_plus', '{"sq":"65 vjeç e më shumë","sr":"65 godina i više","en":"65 and over"}', NULL, 5),
      ('age_group', 'prefer_not_to_say', '{"sq":"Nuk dëshiroj ta them","sr":"Ne želim da kažem","en":"Prefer not to say"}', NULL, 6),
      ('municipality', 'decan', '{"sq":"Deçan","sr":"Dečane","en":"Deçan","rom":"Deçan"}', NULL, 1),
      ('municipality', 'dragash', '{"sq":"Dragash","sr":"Dragaš","en":"Dragash","rom":"Dragash"}', NULL, 2),
      ('municipality', 'drenas', '{"sq":"Drenas","sr":"Glogovac","en":"Drenas","rom":"Drenas"}', NULL, 3),
      ('municipality', 'ferizaj', '{"sq":"Ferizaj","sr":"Uroševac","en":"Ferizaj","rom":"Ferizaj"}', NULL, 4),
      ('municipality', 'fushe_kosove', '{"sq":"Fushë Kosovë","sr":"Kosovo Polje","en":"Fushë Kosovë","rom":"Fushë Kosovë"}', NULL, 5),
      ('municipality', 'gracanice', '{"sq":"Graçanicë","sr":"Gračanica","en":"Graçanicë","rom":"Graçanicë"}', NULL, 6),
      ('municipality', 'gjakove', '{"sq":"Gjakovë","sr":"Đakovica","en":"Gjakovë","rom":"Gjakovë"}', NULL, 7),
      ('municipality', 'gjilan', '{"sq":"Gjilan","sr":"Gnjilane","en":"Gjilan","rom":"Gjilan"}', NULL, 8),
      ('municipality', 'hani_i_elezit', '{"sq":"Hani i Elezit","sr":"Elez Han","en":"Hani i Elezit","rom":"Hani i Elezit"}', NULL, 9),
      ('municipality', 'istog', '{"sq":"Istog","sr":"Istok","en":"Istog","rom":"Istog"}', NULL, 10),
      ('municipality', 'junik', '{"sq":"Junik","sr":"Junik","en":"Junik","rom":"Junik"}', NULL, 11),
      ('municipality', 'kacanik', '{"sq":"Kaçanik","sr":"Kačanik","en":"Kaçanik","rom":"Kaçanik"}', NULL, 12),
      ('municipality', 'kamenice', '{"sq":"Kamenicë","sr":"Kamenica","en":"Kamenicë","rom":"Kamenicë"}', NULL, 13),
      ('municipality', 'kline', '{"sq":"Klinë","sr":"Klina","en":"Klinë","rom":"Klinë"}', NULL, 14),
      ('municipality', 'kllokot', '{"sq":"Kllokot","sr":"Klokot","en":"Kllokot","rom":"Kllokot"}', NULL, 15),
      ('municipality', 'leposaviq', '{"sq":"Leposaviq","sr":"Leposavić","en":"Leposaviq","rom":"Leposaviq"}', NULL, 16),
      ('municipality', 'lipjan', '{"sq":"Lipjan","sr":"Lipljan","en":"Lipjan","rom":"Lipjan"}', NULL, 17),
      ('municipality', 'malisheve', '{"sq":"Malishevë","sr":"Mališevo","en":"Malishevë","rom":"Malishevë"}', NULL, 18),
      ('municipality', 'mamushe', '{"sq":"Mamushë","sr":"Mamuša","en":"Mamushë","rom":"Mamushë"}', NULL, 19),
      ('municipality', 'mitrovice_e_jugut', '{"sq":"Mitrovicë e Jugut","sr":"Južna Mitrovica","en":"Mitrovicë e Jugut","rom":"Mitrovicë e Jugut"}', NULL, 20),
      ('municipality', 'mitrovice_e_veriut', '{"sq":"Mitrovicë e Veriut","sr":"Severna Mitrovica","en":"Mitrovicë e Veriut","rom":"Mitrovicë e Veriut"}', NULL, 21),
      ('municipality', 'novoberde', '{"sq":"Novobërdë","sr":"Novo Brdo","en":"Novobërdë","rom":"Novobërdë"}', NULL, 22),
      ('municipality', 'obiliq', '{"sq":"Obiliq","sr":"Obilić","en":"Obiliq","rom":"Obiliq"}', NULL, 23),
      ('municipality', 'partesh', '{"sq":"Partesh","sr":"Parteš","en":"Partesh","rom":"Partesh"}', NULL, 24),
      ('municipality', 'peje', '{"sq":"Pejë","sr":"Peć","en":"Pejë","rom":"Pejë"}', NULL, 25),
      ('municipality', 'podujeve', '{"sq":"Podujevë","sr":"Podujevo","en":"Podujevë","rom":"Podujevë"}', NULL, 26),
      ('municipality', 'prishtine', '{"sq":"Prishtinë","sr":"Priština","en":"Prishtinë","rom":"Prishtinë"}', NULL, 27),
      ('municipality', 'prizren', '{"sq":"Prizren","sr":"Prizren","en":"Prizren","rom":"Prizren"}', NULL, 28),
      ('municipality', 'rahovec', '{"sq":"Rahovec","sr":"Orahovac","en":"Rahovec","rom":"Rahovec"}', NULL, 29),
      ('municipality', 'ranillug', '{"sq":"Ranillug","sr":"Ranilug","en":"Ranillug","rom":"Ranillug"}', NULL, 30),
      ('municipality', 'skenderaj', '{"sq":"Skenderaj","sr":"Srbica","en":"Skenderaj","rom":"Skenderaj"}', NULL, 31),
      ('municipality', 'suhareke', '{"sq":"Suharekë","sr":"Suva Reka","en":"Suharekë","rom":"Suharekë"}', NULL, 32),
      ('municipality', 'shterpce', '{"sq":"Shtërpcë","sr":"Štrpce","en":"Shtërpcë","rom":"Shtërpcë"}', NULL, 33),
      ('municipality', 'shtime', '{"sq":"Shtime","sr":"Štimlje","en":"Shtime","rom":"Shtime"}', NULL, 34),
      ('municipality', 'viti', '{"sq":"Viti","sr":"Vitina","en":"Viti","rom":"Viti"}', NULL, 35),
      ('municipality', 'vushtrri', '{"sq":"Vushtrri","sr":"Vučitrn","en":"Vushtrri","rom":"Vushtrri"}', NULL, 36),
      ('municipality', 'zubin_potok', '{"sq":"Zubin Potok","sr":"Zubin Potok","en":"Zubin Potok","rom":"Zubin Potok"}', NULL, 37),
      ('municipality', 'zvecan', '{"sq":"Zveçan","sr":"Zvečan","en":"Zveçan","rom":"Zveçan"}', NULL, 38),
      ('institution', 'ombudsperson', '{"sq":"Institucioni i Avokatit të Popullit","sr":"Institucija Ombudsmana","en":"Ombudsperson Institution"}', NULL, 1),
      ('institution', 'kosovo_police', '{"sq":"Policia e Kosovës","sr":"Policija Kosova","en":"Kosovo Police"}', NULL, 2),
      ('institution', 'state_prosecutor', '{"sq":"Prokuroria e Shtetit","sr":"Državno tužilaštvo","en":"State Prosecutor"}', NULL, 3),
      ('institution', 'courts', '{"sq":"Gjykatat","sr":"Sudovi","en":"Courts"}', NULL, 4),
      ('institution', 'ministry_education', '{"sq":"Ministria e Arsimit, Shkencës, Teknologjisë dhe Inovacionit","sr":"Ministarstvo obrazovanja, nauke, tehnologije i inovacija","en":"Ministry of Education, Science, Technology and Innovation"}', NULL, 5),
      ('institution', 'ministry_health', '{"sq":"Ministria e Shëndetësisë","sr":"Ministarstvo zdravlja","en":"Ministry of Health"}', NULL, 6),
      ('institution', 'ministry_finance_labour_transfers', '{"sq":"Ministria e Financave, Punës dhe Transfereve","sr":"Ministarstvo finansija, rada i transfera","en":"Ministry of Finance, Labour and Transfers"}', NULL, 7),
      ('institution', 'ministry_environment_spatial_planning', '{"sq":"Ministria e Mjedisit, Planifikimit Hapësinor dhe Infrastrukturës","sr":"Ministarstvo životne sredine, prostornog planiranja i infrastrukture","en":"Ministry of Environment, Spatial Planning and Infrastructure"}', NULL, 8),
      ('institution', 'employment_agency', '{"sq":"Agjencia e Punësimit e Republikës së Kosovës","sr":"Agencija za zapošljavanje Republike Kosovo","en":"Employment Agency of the Republic of Kosovo"}', NULL, 9),
      ('institution', 'labour_inspectorate', '{"sq":"Inspektorati i Punës","sr":"Inspektorat rada","en":"Labour Inspectorate"}', NULL, 10),
      ('institution', 'free_legal_aid_agency', '{"sq":"Agjencia për Ndihmë Juridike Falas","sr":"Agencija za besplatnu pravnu pomoć","en":"Free Legal Aid Agency"}', NULL, 11),
      ('institution', 'agency_gender_equality', '{"sq":"Agjencia për Barazi Gjinore","sr":"Agencija za ravnopravnost polova","en":"Agency for Gender Equality"}', NULL, 12),
      ('institution', 'independent_media_commission', '{"sq":"Komisioni i Pavarur i Mediave","sr":"Nezavisna komisija za medije","en":"Independent Media Commission"}', NULL, 13),
      ('institution', 'municipality', '{"sq":"Komuna","sr":"Opština","en":"Municipality"}', NULL, 14),
      ('institution', 'other', '{"sq":"Tjetër","sr":"Drugo","en":"Other","rom":"Aver"}', NULL, 15),
      ('closure_reason', 'withdrawn', '{"sq":"Raporti u tërhoq","sr":"Prijava je povučena","en":"Report withdrawn"}', NULL, 1),
      ('closure_reason', 'duplicate', '{"sq":"Raport i dyfishtë","sr":"Dvostruka prijava","en":"Duplicate report"}', NULL, 2),
      ('closure_reason', 'outside_mandate', '{"sq":"Jashtë mandatit","sr":"Van mandata","en":"Outside mandate"}', NULL, 3),
      ('closure_reason', 'insufficient_information', '{"sq":"Informacion i pamjaftueshëm","sr":"Nedovoljno informacija","en":"Insufficient information"}', NULL, 4)
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE taxonomy_items`);
  }
}
