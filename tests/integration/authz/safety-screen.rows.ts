import { loadSafetyScreen } from '#server/features/safety-screen/questions.ts';
import type { Row } from './world';

/** Anyone signed in: each caller reads and takes only their own screen. Therapists may too. */
const SIGNED_IN = { anonymous: 401, stranger: 200, former: 200, partner: 200, self: 200 } as const;

const answers = Object.fromEntries(
  loadSafetyScreen().definition.questions.map((q) => [q.id, 'unsaid']),
);

export const safetyScreenRows: Row[] = [
  {
    route: 'GET /api/safety-screen',
    world: 'couple',
    call: (c) => c.get('/api/safety-screen'),
    expect: SIGNED_IN,
  },
  {
    route: 'POST /api/safety-screen',
    world: 'couple',
    call: (c) => c.post('/api/safety-screen', { answers }),
    expect: SIGNED_IN,
  },
];
