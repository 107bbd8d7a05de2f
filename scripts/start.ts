/**
 * `npm start`: builds the web app when the bundle is missing or older than its sources, then
 * starts the server. One command on a fresh clone, after `npm install`.
 */
import { buildWebIfStale } from './build-web-if-stale';
import { main } from '#server/main.ts';

await buildWebIfStale((message) => process.stdout.write(`${message}\n`));
await main();
