/**
 * The window's query cache, made before anything renders, with the reads its
 * first screen waits for already on their way: the notebook's summary and
 * the first page of the sources list in the view the list opens on.
 * main.tsx imports this module before the translator, so these requests
 * travel while the interface's words load and React renders the frame; the
 * list then paints as soon as its first page is in. The components ask for
 * the same queries and find them cached or in flight (never asked twice).
 */
import { apiQuery, createQueryClient } from '../api/queries';
import { INITIAL_SOURCE_VIEW, sourcePageInput } from '../sources/useSourceRows';

export const queryClient = createQueryClient();

// A failure stays in the cache, as it would had the component asked: the component shows it.
void queryClient.prefetchQuery(apiQuery('getNotebook', {}));
void queryClient.prefetchQuery(apiQuery('listSourcePage', sourcePageInput(INITIAL_SOURCE_VIEW, 0)));
