import type { Tx } from '../db/open.ts';
import type { DemoIds } from './demo.ts';
import type { Parameters } from '../config/parameters.ts';
import { seedOffers } from './offers.ts';
import { seedProfiles } from './profiles.ts';
import { seedConsents } from './consents.ts';
import { seedPledges } from './pledges.ts';
import { seedReceiptIssuer } from './receipts.ts';

/**
 * Demo data of each area (profiles, offers, pledges, consents), added after
 * the institutions and people exist. Each function must be idempotent.
 */
export type AreaSeed = (tx: Tx, ids: DemoIds, at: string, parameters: Parameters) => Promise<void>;

export const areaSeeds: AreaSeed[] = [];
areaSeeds.push(seedProfiles);
areaSeeds.push(seedConsents);
areaSeeds.push(seedPledges);
areaSeeds.push(seedReceiptIssuer);
areaSeeds.push(seedOffers);
