/** An unexpected error on one line, for a one-sentence failure: the first line of its message, and its code when the message does not carry it. */
export function oneLine(err: unknown): string {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  const line = String(message ?? err).split('\n')[0]!.trim();
  return typeof code === 'string' && !line.includes(code) ? `${line} (${code})` : line;
}
