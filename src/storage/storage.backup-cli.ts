// The backup, restore and check commands of the CLI: argument checks and what they print.
import type { AppConfig } from '../platform/platform.config.js';
import {
  BackupError,
  backupSqlite,
  checkDatabase,
  restoreSqlite,
  sqliteFileOf,
} from './storage.backup.js';
import { migrationNames } from './storage.database.js';

const say = (text: string) => process.stdout.write(`${text}\n`);

export async function backupCommand(
  command: 'backup' | 'restore' | 'check',
  argument: string | undefined,
  config: AppConfig,
  usage: string,
): Promise<number> {
  try {
    if (command === 'check') {
      const { integrity, pending } = await checkDatabase(config);
      say(`integrity: ${integrity}`);
      say(
        pending.length === 0 ? 'migrations: current' : `migrations pending: ${pending.join(', ')}`,
      );
      return integrity === 'ok' && pending.length === 0 ? 0 : 1;
    }
    if (argument === undefined) {
      process.stderr.write(usage);
      return 64;
    }
    const file = sqliteFileOf(config);
    if (command === 'backup') {
      const manifest = await backupSqlite(file, config.mediaDir, argument);
      say(
        `Backup written to ${argument}: database ${(manifest.databaseBytes / 1024).toFixed(0)} KiB (integrity ok), ${manifest.mediaFiles} media files.`,
      );
      return 0;
    }
    const { manifest, keptAs } = await restoreSqlite(
      argument,
      file,
      config.mediaDir,
      migrationNames('sqlite'),
    );
    say(`Restored the backup of ${manifest.createdAt} into ${file}.`);
    if (keptAs) say(`The database it replaced is kept as ${keptAs}.`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`${command} failed: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
