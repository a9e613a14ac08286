import { Injectable } from '@nestjs/common';
import { authenticator } from 'otplib';
import { Clock, countryName } from '@app/core';
import { TOTP_STEP_SECONDS, TOTP_WINDOW_STEPS, totpStepAt } from '../domain/totp-step';

/** Name shown in the authenticator app beside the account (Kosovo: "PMD Kosovo"). */
export function totpIssuer(): string {
  return `PMD ${countryName('en')}`;
}

export interface TotpEnrolment {
  /** Base32 secret grouped by four characters, for typing it by hand. */
  secretForTyping: string;
  /** An SVG QR code as a data: URL (the CSP allows data: images). */
  qrDataUrl: string;
}

/** TOTP (RFC 6238) codes of authenticator apps, checked against the injected clock. */
@Injectable()
export class TotpService {
  constructor(private readonly clock: Clock) {}

  /** 160 random bits, as RFC 4226 recommends. */
  newSecret(): string {
    return authenticator.generateSecret(20);
  }

  /** The time step the code belongs to (within one step of now), or null when it is wrong. */
  matchStep(secret: string, code: string): number | null {
    const now = this.clock.now();
    const checker = authenticator.clone({
      epoch: now.getTime(),
      step: TOTP_STEP_SECONDS,
      window: TOTP_WINDOW_STEPS,
    });
    let delta: number | null;
    try {
      delta = checker.checkDelta(code, secret);
    } catch {
      return null;
    }
    return delta === null ? null : totpStepAt(now) + delta;
  }

  async enrolment(secret: string, accountName: string): Promise<TotpEnrolment> {
    const uri = authenticator.keyuri(accountName, totpIssuer(), secret);
    // qrcode is loaded on the first enrolment, not at start-up.
    const { default: QRCode } = await import('qrcode');
    const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      secretForTyping: secret.match(/.{1,4}/g)?.join(' ') ?? secret,
      qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
    };
  }
}
