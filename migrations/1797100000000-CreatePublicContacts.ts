import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'help_organisation', 'community_mediator', 'emergency_number', 'appeal_route', 'privacy_authority', 'office'`;

/**
 * The contact points the public pages show (help organisations, community mediators, emergency
 * numbers, the routes of "if you disagree", the privacy authority, the Office), edited by
 * administrators. Names are written in the four languages; a contact no longer offered is made
 * inactive, never deleted, so the audit log keeps naming it. The seed holds only contact data
 * known to be right: where a phone or an address was not certain it is left empty for the
 * administrators to fill in, rather than sending a frightened person to a wrong number.
 */
export class CreatePublicContacts1797100000000 implements MigrationInterface {
  name = 'CreatePublicContacts1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE public_contacts (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        names jsonb NOT NULL CHECK (
          jsonb_typeof(names) = 'object' AND names ? 'sq' AND names ? 'sr' AND names ? 'en' AND names ? 'rom'
        ),
        phone text CHECK (char_length(phone) BETWEEN 1 AND 40),
        email text CHECK (char_length(email) BETWEEN 3 AND 320),
        address text CHECK (char_length(address) BETWEEN 1 AND 300),
        website text CHECK (website ~ '^https?://' AND char_length(website) <= 300),
        sort_order integer NOT NULL CHECK (sort_order BETWEEN 0 AND 9999),
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL
      )
    `);
    await queryRunner.query(`
      INSERT INTO public_contacts (id, kind, names, phone, email, address, website, sort_order, updated_at) VALUES
      ('6f1c2a10-5b7e-4c1d-9a01-000000000001', 'emergency_number', '{"sq":"Numri i emergjencës (policia, ambulanca, zjarrfikësit)","sr":"Broj za hitne slučajeve (policija, hitna pomoć, vatrogasci)","en":"Emergency number (police, ambulance, fire)","rom":"Numri vaš emergencija (policija, ambulanta, vatrogasci)"}', '112', NULL, NULL, NULL, 1, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000002', 'emergency_number', '{"sq":"Policia e Kosovës","sr":"Kosovska policija","en":"Kosovo Police","rom":"Kosovakiri policija"}', '192', NULL, NULL, NULL, 2, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000011', 'help_organisation', '{"sq":"Qendra për Dokumentim e Romëve dhe Ashkalive (RADC)","sr":"Centar za dokumentaciju Roma i Aškalija (RADC)","en":"Roma and Ashkali Documentation Centre (RADC)","rom":"Centro vaš dokumentacija e Romengi thaj e Aškalijengi (RADC)"}', NULL, NULL, NULL, NULL, 1, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000012', 'help_organisation', '{"sq":"Zëri i Romëve, Ashkalinjve dhe Egjiptianëve (VoRAE)","sr":"Glas Roma, Aškalija i Egipćana (VoRAE)","en":"Voice of Roma, Ashkali and Egyptians (VoRAE)","rom":"Glaso e Romengo, e Aškalijengo thaj e Egipćanengo (VoRAE)"}', NULL, NULL, NULL, NULL, 2, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000013', 'help_organisation', '{"sq":"Balkan Sunflowers Kosova","sr":"Balkan Sunflowers Kosova","en":"Balkan Sunflowers Kosova","rom":"Balkan Sunflowers Kosova"}', NULL, NULL, NULL, NULL, 3, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000021', 'appeal_route', '{"sq":"Institucioni i Avokatit të Popullit","sr":"Institucija Ombudsmana","en":"Ombudsperson Institution of Kosovo","rom":"Institucija e Ombudspersoneski"}', NULL, NULL, NULL, 'https://oik-rks.org/', 1, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000022', 'appeal_route', '{"sq":"Gjykatat Themelore","sr":"Osnovni sudovi","en":"Basic Courts","rom":"Bazikane sudura"}', NULL, NULL, NULL, 'https://www.gjyqesori-rks.org/', 2, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000023', 'appeal_route', '{"sq":"Agjencia për Ndihmë Juridike Falas","sr":"Agencija za besplatnu pravnu pomoć","en":"Free Legal Aid Agency","rom":"Agencija vaš bipoćindo pravno ažutipe"}', NULL, NULL, NULL, NULL, 3, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000031', 'privacy_authority', '{"sq":"Agjencia për Informim dhe Privatësi","sr":"Agencija za informisanje i privatnost","en":"Information and Privacy Agency","rom":"Agencija vaš informacija thaj privatnost"}', NULL, NULL, NULL, 'https://aip.rks-gov.net/', 1, now()),
      ('6f1c2a10-5b7e-4c1d-9a01-000000000041', 'office', '{"sq":"Zyra për Qeverisje të Mirë, Zyra e Kryeministrit","sr":"Kancelarija za dobro upravljanje, Kancelarija premijera","en":"Office for Good Governance, Office of the Prime Minister","rom":"Biro vaš Lačho Upravljanje, Biro e Premijeresko"}', NULL, NULL, 'Ndërtesa e Qeverisë, Prishtinë', 'https://kryeministri.rks-gov.net/', 1, now())
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE public_contacts`);
  }
}
