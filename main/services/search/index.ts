/**
 * Search and corroboration services. Wiring (store events → index
 * updates, API methods, CLI) lives elsewhere; everything here is plain Node.
 */
export { SearchIndex, MemoryTexts, type SourceTexts, type IndexData, type CorroborateOptions } from './search-index';
export {
  computeGroups,
  findDiscrepancies,
  outletKey,
  type GroupInput,
  type Groups,
  type GroupMember,
  type DiscrepancyOptions,
} from './relations';
export { analyze, queryVariants, isStopWord } from './analyzer';
