import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Locale, translate } from '@app/core';

/** One place a reporter can turn to when they disagree with the outcome, as the page shows it. */
export interface AppealRoute {
  code: 'ombudsperson' | 'court' | 'legal_aid';
  name: string;
  /** What it does for the reporter, in plain words. */
  text: string;
  url: string;
}

/**
 * The "if you disagree" routes of a decided case, from the configured list (`APPEAL_*_URL`).
 * A stand-in until the store of public contacts reaches this lib: the follow-up page asks this
 * provider only, so switching its source changes nothing else.
 */
@Injectable()
export class AppealRoutesProvider {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  routes(locale: Locale): AppealRoute[] {
    const { ombudspersonUrl, courtUrl, legalAidUrl } = this.config.appeals;
    const route = (code: AppealRoute['code'], url: string): AppealRoute => ({
      code,
      name: translate(locale, `appeal.${code}.name`),
      text: translate(locale, `appeal.${code}.text`),
      url,
    });
    return [
      route('ombudsperson', ombudspersonUrl),
      route('court', courtUrl),
      route('legal_aid', legalAidUrl),
    ];
  }
}
