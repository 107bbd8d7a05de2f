import { checkinRows } from './checkins.rows';
import { coreRows } from './core.rows';
import type { Row } from './world';

/** Every row of the matrix: the core's, then one file per feature (`<feature>.rows.ts`). */
export const MATRIX: Row[] = [...coreRows, ...checkinRows];
