import { coreRows } from './core.rows';
import { guideRows } from './guide.rows';
import type { Row } from './world';

/** Every row of the matrix: the core's, then one file per feature (`<feature>.rows.ts`). */
export const MATRIX: Row[] = [...coreRows, ...guideRows];
