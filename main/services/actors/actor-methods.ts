/** API methods for the actor registry. */
import type { ServiceContext, ServiceMethods } from '../service-context';

export function actorMethods(ctx: ServiceContext): ServiceMethods<'listActors'> {
  return {
    async listActors() {
      return ctx.store.manifest.actors;
    },
  };
}
