/**
 * A shared notebook whose last merge kept a conflict: the toolbar offers Sync
 * and "1 conflict", and the Conflicts panel shows mine and theirs side by side.
 * `seedFiles` for the app fixture (team.spec.ts, accessibility.spec.ts).
 */
const CONFLICT = {
  id: 'cf_anna_name',
  file: 'notebook.json',
  path: ['actors', { id: 'act_anna' }, 'name'],
  label: 'notebook.json › actors › Anna L. › name',
  base: 'Anna Lind',
  ours: 'Anna L.',
  theirs: 'Anna Lindqvist',
  oursBy: 'Bob <bob@example.org>',
  theirsBy: 'Alice <alice@example.org>',
};

const manifest = {
  schemaVersion: 1,
  id: 'nb_team_e2e',
  title: 'Bridge',
  createdAt: '2026-01-01T00:00:00.000Z',
  actors: [{ id: 'act_anna', name: 'Anna L.', kind: 'person', aliases: [], memberOf: [] }],
  conflicts: [CONFLICT],
};

export const SHARED_NOTEBOOK_WITH_CONFLICT: Record<string, string> = {
  'notebook.json': `${JSON.stringify(manifest, null, 1)}\n`,
  // A git repository (what `dossier share` made): the toolbar offers Sync.
  '.git/HEAD': 'ref: refs/heads/main\n',
};
