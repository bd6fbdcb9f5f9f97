export type { NotebookManifest as Manifest, SourceFile as SourceFileData } from '../../../shared/model';
