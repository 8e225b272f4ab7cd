/**
 * Why a database file could not be opened, in the operator's words: the
 * server's boot and the CLI say it in one sentence instead of a stack.
 */
import { statSync } from 'node:fs';
import { staffMessage, type StaffMessage } from '@passerelle/schema/messages/staff';

/** Errors of the folder's creation (openDatabase makes it) that mean "cannot be created here". */
const folderErrors = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EEXIST']);

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The sentence for an error thrown while opening or migrating the database at `path`, or undefined when it is not about the file. */
export function databaseFailure(err: unknown, path: string): StaffMessage | undefined {
  const { code, syscall } = (err ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_CANTOPEN' && isDirectory(path)) return staffMessage('database.directory', { path });
  if (code === 'SQLITE_CANTOPEN' || (syscall === 'mkdir' && folderErrors.has(code))) return staffMessage('database.unwritable', { path, reason: code });
  if (code === 'SQLITE_NOTADB') return staffMessage('database.notDatabase', { path });
  if (code.startsWith('SQLITE_READONLY')) return staffMessage('database.readOnly', { path });
  return undefined;
}
