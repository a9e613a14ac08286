import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from '@app/core';
import { revealsIdentity } from '../domain/identity-in-text';
import { Case } from '../entities/case.entity';

/**
 * Whether a text written about a case for others (an agenda summary, a referral summary) could
 * tell who reported it: their name, or any phone number or e-mail address. The contact details
 * are decrypted here, for this comparison only, so no other context reads them.
 */
@Injectable()
export class ReporterIdentityScreen {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  async reveals(caseId: string, text: string, manager?: EntityManager): Promise<boolean> {
    const row = await (manager ?? this.dataSource.manager).findOne(Case, {
      where: { id: caseId },
      select: {
        id: true,
        contactNameEnc: true,
        contactEmailEnc: true,
        contactPhoneEnc: true,
        personalDataErasedAt: true,
      },
    });
    if (!row) return false;
    const open = (value: string | null) =>
      value && !row.personalDataErasedAt ? this.cipher.decrypt(value, row.id) : null;
    return revealsIdentity(text, {
      name: open(row.contactNameEnc),
      email: open(row.contactEmailEnc),
      phone: open(row.contactPhoneEnc),
    });
  }
}
