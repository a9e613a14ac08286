import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CountryProfile } from '@app/core';
import { InstitutionDirectoryService, SeedContactPoint } from './institution-directory.service';

/**
 * At start-up, an empty institution directory takes the contact points of the country
 * profile's institutions (if it gives any). Once the directory holds a contact point,
 * administrators keep it and the profile is not read for it again.
 */
@Injectable()
export class DirectorySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DirectorySeeder.name);

  constructor(
    private readonly profile: CountryProfile,
    private readonly directory: InstitutionDirectoryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const points: SeedContactPoint[] = this.profile.institutions.flatMap((institution) =>
      (institution.contactPoints ?? []).map((p) => ({
        institutionCode: institution.code,
        municipalityCode: p.municipality ?? null,
        unit: p.unit ?? null,
        email: p.email,
        phone: p.phone ?? null,
      })),
    );
    if (points.length === 0) return;
    const created = await this.directory.seedIfEmpty(points, 'country_profile');
    // Counts only: the addresses are not logged.
    if (created > 0)
      this.logger.log(
        `Institution directory seeded from the country profile: ${created} contact points`,
      );
  }
}
