import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Case } from '@app/cases';

/**
 * An institution an imported case had been referred to on the earlier platform. Those referrals
 * have no dates or answers to keep, so they count only in the "referral institution" breakdown.
 */
@Entity({ name: 'stat_imported_referrals' })
export class StatImportedReferral {
  @PrimaryColumn('uuid', { name: 'case_id' })
  @ForeignKey(() => Case, { name: 'stat_imported_referrals_case_id_fkey', onDelete: 'CASCADE' })
  caseId!: string;

  @PrimaryColumn('text', { name: 'institution_code' })
  institutionCode!: string;
}
