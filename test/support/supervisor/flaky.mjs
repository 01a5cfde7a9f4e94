import { runChild } from './child.mjs';

// Crashes on its first two starts, then stays up.
runChild('flaky', { crashFirst: 2 });
