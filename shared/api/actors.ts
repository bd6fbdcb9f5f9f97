/** API schemas for the actor registry. (Mention detection, merge and the actor page extend this.) */
import { z } from 'zod';
import { Actor } from '../model';

export const actorSchemas = {
  listActors: { input: z.object({}).default({}), output: z.array(Actor) },
} as const;
