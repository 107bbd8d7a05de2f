/** The real server, started by the benchmark in its own process (configured through its environment). */
import { main } from '../../src/server/main';

await main();
