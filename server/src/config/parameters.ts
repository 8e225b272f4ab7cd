import type { InternshipParameters, PledgeConfig } from '@passerelle/schema';
import { DEFAULT_INTERNSHIP_CONFIG, loadInternshipParameters } from './internship.ts';
import { DEFAULT_PLEDGES_CONFIG, loadPledgeConfig } from './pledges.ts';

/**
 * The yearly legal parameters, read and checked at boot with the rest of the
 * configuration (a bad file stops the process) and handed to the app through
 * `createApp`'s config, so that a test can give its own.
 */
export interface Parameters {
  /** Minimum hourly stipend by year and the internship limits (`server/config/internship.json`). */
  readonly internship: InternshipParameters;
  /** Tax-reduction rules, SOLTéA calendar, suggested amounts, funds, payment pages (`server/config/pledges.json`). */
  readonly pledges: PledgeConfig;
}

/** The files `PASSERELLE_INTERNSHIP_CONFIG` and `PASSERELLE_PLEDGES_CONFIG` name, or the committed ones. */
export function loadParameters(env: Record<string, string | undefined>): Parameters {
  return {
    internship: loadInternshipParameters(env.PASSERELLE_INTERNSHIP_CONFIG || DEFAULT_INTERNSHIP_CONFIG),
    pledges: loadPledgeConfig(env.PASSERELLE_PLEDGES_CONFIG || DEFAULT_PLEDGES_CONFIG),
  };
}
