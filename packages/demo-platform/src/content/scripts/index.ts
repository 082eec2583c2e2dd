import type { Category } from '@docket/contracts';
import type { Script } from '../script';
import { childSafety } from './child-safety';
import { grooming } from './grooming';
import { harassment } from './harassment';
import { hate } from './hate';
import { other } from './other';
import { scamFraud } from './scam-fraud';
import { selfHarm } from './self-harm';
import { sextortion } from './sextortion';
import { spam } from './spam';
import { violentThreat } from './violent-threat';

export const SCRIPTS: Record<Category, Script> = {
  child_safety: childSafety,
  grooming,
  sextortion,
  violent_threat: violentThreat,
  self_harm: selfHarm,
  harassment,
  hate,
  scam_fraud: scamFraud,
  spam,
  other,
};

export const CATEGORY_WEIGHTS = Object.fromEntries(
  Object.values(SCRIPTS).map((script) => [script.category, script.weight]),
) as Record<Category, number>;
