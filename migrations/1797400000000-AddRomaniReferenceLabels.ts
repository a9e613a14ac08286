import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Romani labels (and ground descriptions) for every reference entry that had none, so that a
 * Romani page never shows an Albanian label. They are drafts awaiting a native speaker's review
 * (i18n/review/rom.json); the values are literal so that this migration keeps meaning the same
 * thing when TAXONOMY_SEED later changes. Municipalities already carry their official name.
 */
export class AddRomaniReferenceLabels1797400000000 implements MigrationInterface {
  name = 'AddRomaniReferenceLabels1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE taxonomy_items AS t SET
        labels = CASE WHEN v.label IS NULL THEN t.labels
          ELSE t.labels || jsonb_build_object('rom', v.label) END,
        description = CASE WHEN v.description IS NULL THEN t.description
          ELSE t.description || jsonb_build_object('rom', v.description) END
      FROM (VALUES
      ('community', 'ashkali', 'Aškali', NULL::text),
      ('community', 'egyptian', 'Egipćani', NULL::text),
      ('area', 'employment', 'Buti', NULL::text),
      ('area', 'social_welfare', 'Socijalno arakhipe', NULL::text),
      ('area', 'housing', 'Beše thaj kher', NULL::text),
      ('area', 'civil_registration', 'Civilno registracija thaj dokumentura', NULL::text),
      ('area', 'public_services', 'Javna servisura', NULL::text),
      ('area', 'justice_and_police', 'Pravosudstvo thaj policija', NULL::text),
      ('area', 'media_and_online', 'Medije thaj interneti', NULL::text),
      ('area', 'goods_and_services', 'Stvarura thaj servisura', NULL::text),
      ('ground', 'discrimination', 'Diskriminacija', 'Kana keren tuće maj bilačhe sar avere manušenđe adalese ko san, sar primero adalese kaj san katar o romano, aškalijengo vaj egipćanengo komuniteti.'),
      ('ground', 'racism', 'Rasizmo', 'Kana keren tuće bilačhe vaj dikhen tut tele adalese so si tiri morkhi, tiro poreklo vaj tiro narodo.'),
      ('ground', 'harassment', 'Dukhavipe thaj zorisaripe', 'Kana varekon phenel vaj kerel buća kaj dukhaven tut, daravaven tut vaj ladžaven tut adalese ko san.'),
      ('ground', 'hate_speech', 'Vakeripe e mrzostjako', 'Lava, fotografije vaj objave kaj prasan sasti grupa manušengi vaj vazden mrzost mamuj lende, sar primero ko interneti.'),
      ('ground', 'hate_crime', 'Krivično delo e mrzostjako', 'Jekh krivično delo, sar maripe, daravipe vaj phagavipe tire khereso vaj tire stvarengo, kaj kerdol tuće adalese ko san.'),
      ('ground', 'bullying', 'Maltretiripe (buling)', 'Kana sa o vakti dukhaven tut, asan tutar vaj mukhen tut avri, sar primero ki škola, ki buti vaj ko interneti.'),
      ('ground', 'segregation', 'Segregacija', 'Kana ićeren tut korkoro, dur avrendar, sar primero ande avri klasa vaj škola, adalese ko san.'),
      ('ground', 'other', NULL::text, 'Vareso aver kaj na sasa čačo vaj dukhavda tut adalese ko san.'),
      ('reporter_role', 'victim', 'Žrtva', NULL::text),
      ('reporter_role', 'witness', 'Svedoko', NULL::text),
      ('reporter_role', 'on_behalf_of_victim', 'Ko anav e žrtvako', NULL::text),
      ('reporter_role', 'organisation', 'Organizacija', NULL::text),
      ('perpetrator_kind', 'public_institution', 'Javno institucija', NULL::text),
      ('perpetrator_kind', 'municipality', 'Komuna', NULL::text),
      ('perpetrator_kind', 'school', 'Škola', NULL::text),
      ('perpetrator_kind', 'health_facility', 'Institucija e sastipasko', NULL::text),
      ('perpetrator_kind', 'police', 'Policija', NULL::text),
      ('perpetrator_kind', 'employer', 'Gazda ki buti', NULL::text),
      ('perpetrator_kind', 'private_person', 'Privatno manuš', NULL::text),
      ('perpetrator_kind', 'business', 'Biznisi', NULL::text),
      ('perpetrator_kind', 'media_or_online', 'Medije vaj interneti', NULL::text),
      ('gender', 'female', 'Džuvli', NULL::text),
      ('gender', 'male', 'Murš', NULL::text),
      ('gender', 'prefer_not_to_say', 'Na kamav te phenav', NULL::text),
      ('age_group', 'under_18', 'Tele 18 berša', NULL::text),
      ('age_group', '18_29', '18–29 berša', NULL::text),
      ('age_group', '30_44', '30–44 berša', NULL::text),
      ('age_group', '45_64', '45–64 berša', NULL::text),
      ('age_group', '65_plus', '65 berša thaj maj but', NULL::text),
      ('age_group', 'prefer_not_to_say', 'Na kamav te phenav', NULL::text),
      ('institution', 'ombudsperson', 'Institucija e Ombudspersonesko', NULL::text),
      ('institution', 'kosovo_police', 'Policija e Kosovosko', NULL::text),
      ('institution', 'state_prosecutor', 'Državno prokurorija', NULL::text),
      ('institution', 'courts', 'Sudura', NULL::text),
      ('institution', 'ministry_education', 'Ministrija e Edukacijako, Naukako, Tehnologijako thaj Inovacijako', NULL::text),
      ('institution', 'ministry_health', 'Ministrija e Sastipasko', NULL::text),
      ('institution', 'ministry_finance_labour_transfers', 'Ministrija e Financijengi, e Butjaki thaj e Transferengi', NULL::text),
      ('institution', 'ministry_environment_spatial_planning', 'Ministrija e Sredinaki, e Prostorno Planiripasko thaj e Infrastrukturaki', NULL::text),
      ('institution', 'employment_agency', 'Agencija baši Buti e Republikaki e Kosovoski', NULL::text),
      ('institution', 'labour_inspectorate', 'Inspektorati e Butjako', NULL::text),
      ('institution', 'free_legal_aid_agency', 'Agencija baši Bipoćindo Pravno Žutipe', NULL::text),
      ('institution', 'agency_gender_equality', 'Agencija baši Jekhipe e Rodengo', NULL::text),
      ('institution', 'independent_media_commission', 'Nezavisno Komisija e Medijengi', NULL::text),
      ('institution', 'municipality', 'Komuna', NULL::text),
      ('closure_reason', 'withdrawn', 'O raporti lilo palpale', NULL::text),
      ('closure_reason', 'duplicate', 'O raporti sasa duj drom', NULL::text),
      ('closure_reason', 'outside_mandate', 'Avri katar o mandati', NULL::text),
      ('closure_reason', 'insufficient_information', 'Nane dosta informacije', NULL::text)
      ) AS v(kind, code, label, description)
      WHERE t.kind = v.kind AND t.code = v.code
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // No description had Romani before; the labels written before (roma, other, education,
    // health) are not in this list and stay.
    await queryRunner.query(
      `UPDATE taxonomy_items SET description = description - 'rom' WHERE description IS NOT NULL`,
    );
    await queryRunner.query(`
      UPDATE taxonomy_items SET labels = labels - 'rom'
      WHERE (kind, code) IN (VALUES
        ('community', 'ashkali'),
        ('community', 'egyptian'),
        ('area', 'employment'),
        ('area', 'social_welfare'),
        ('area', 'housing'),
        ('area', 'civil_registration'),
        ('area', 'public_services'),
        ('area', 'justice_and_police'),
        ('area', 'media_and_online'),
        ('area', 'goods_and_services'),
        ('ground', 'discrimination'),
        ('ground', 'racism'),
        ('ground', 'harassment'),
        ('ground', 'hate_speech'),
        ('ground', 'hate_crime'),
        ('ground', 'bullying'),
        ('ground', 'segregation'),
        ('reporter_role', 'victim'),
        ('reporter_role', 'witness'),
        ('reporter_role', 'on_behalf_of_victim'),
        ('reporter_role', 'organisation'),
        ('perpetrator_kind', 'public_institution'),
        ('perpetrator_kind', 'municipality'),
        ('perpetrator_kind', 'school'),
        ('perpetrator_kind', 'health_facility'),
        ('perpetrator_kind', 'police'),
        ('perpetrator_kind', 'employer'),
        ('perpetrator_kind', 'private_person'),
        ('perpetrator_kind', 'business'),
        ('perpetrator_kind', 'media_or_online'),
        ('gender', 'female'),
        ('gender', 'male'),
        ('gender', 'prefer_not_to_say'),
        ('age_group', 'under_18'),
        ('age_group', '18_29'),
        ('age_group', '30_44'),
        ('age_group', '45_64'),
        ('age_group', '65_plus'),
        ('age_group', 'prefer_not_to_say'),
        ('institution', 'ombudsperson'),
        ('institution', 'kosovo_police'),
        ('institution', 'state_prosecutor'),
        ('institution', 'courts'),
        ('institution', 'ministry_education'),
        ('institution', 'ministry_health'),
        ('institution', 'ministry_finance_labour_transfers'),
        ('institution', 'ministry_environment_spatial_planning'),
        ('institution', 'employment_agency'),
        ('institution', 'labour_inspectorate'),
        ('institution', 'free_legal_aid_agency'),
        ('institution', 'agency_gender_equality'),
        ('institution', 'independent_media_commission'),
        ('institution', 'municipality'),
        ('closure_reason', 'withdrawn'),
        ('closure_reason', 'duplicate'),
        ('closure_reason', 'outside_mandate'),
        ('closure_reason', 'insufficient_information')
      )
    `);
  }
}
