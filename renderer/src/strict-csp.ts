/**
 * Imported first by main.tsx. The renderer runs under a CSP without
 * 'unsafe-eval'; zod 4 would otherwise probe `new Function` (its JIT), which
 * the browser reports as a CSP violation even though zod catches it.
 */
import { config } from 'zod';

config({ jitless: true });
