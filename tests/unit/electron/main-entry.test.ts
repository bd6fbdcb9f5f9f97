/**
 * The Electron entry's TypeScript sources (main/electron/index.ts, through
 * tsx) in plain Node against the stand-in electron: start-up, IPC guards, the
 * File menu with its dialogs, second launch, activate, quitting. The built
 * bundle runs the same scenarios in built-main.test.ts.
 */
import { describeMainEntry } from './fixtures/main-entry-scenarios';

describeMainEntry('source');
