/**
 * The input of every `lookup…` method (lookupActor, lookupTag, lookupSource,
 * lookupSuggestion): what a person typed to name something. Each method
 * returns the one record it names, or fails with `not-found` when nothing
 * matches and `invalid-input` — listing the candidates — when several do.
 * The matching rule is one for all kinds (docs/cli.md, "Names").
 */
import { z } from 'zod';

export const LookupInput = z.object({ query: z.string().trim().min(1).max(500) });
export type LookupInput = z.infer<typeof LookupInput>;
