import { runChild } from './child.mjs';

// Stays up from the start.
runChild('steady');
