// The .env file: read once at start, beneath the real environment (a variable set in the
// environment wins, as with Node's --env-file). Its lines are `NAME=value`, optionally preceded by
// `export `, with `#` comments; values may be quoted ("..." understands \n, '...' is literal).
// A line that is not of that form, or a name Ajil does not read, stops the start with the line
// number: a typo in .env must not be silently ignored.
import { readFileSync } from 'node:fs';

export class EnvFileError extends Error {
  override readonly name = 'EnvFileError';
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

function unquote(raw: string, where: string): string {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    let end = 1;
    while (end < raw.length && raw[end] !== quote)
      end += quote === '"' && raw[end] === '\\' ? 2 : 1;
    if (end >= raw.length) throw new EnvFileError(`${where}: the quote is not closed`);
    const rest = raw.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#')) {
      throw new EnvFileError(`${where}: unexpected text after the quoted value`);
    }
    const inner = raw.slice(1, end);
    if (quote === "'") return inner;
    return inner.replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char));
  }
  // An unquoted value ends at a " #" comment.
  const comment = raw.search(/\s#/);
  return (comment === -1 ? raw : raw.slice(0, comment)).trim();
}

/** Parses .env text; `known` is the set of names accepted. */
export function parseEnvFile(
  text: string,
  known: ReadonlySet<string>,
  file = '.env',
): Record<string, string> {
  const result: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    const where = `${file} line ${index + 1}`;
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const match = LINE.exec(line);
    if (!match?.[1]) throw new EnvFileError(`${where}: expected NAME=value`);
    const name = match[1];
    if (!known.has(name)) {
      throw new EnvFileError(`${where}: ${name} is not a setting Ajil reads`);
    }
    result[name] = unquote(match[2] ?? '', where);
  });
  return result;
}

/** The environment over the .env file (absent file: the environment alone). */
export function withEnvFile(
  env: Record<string, string | undefined>,
  known: ReadonlySet<string>,
  path = '.env',
): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new EnvFileError(`${path} cannot be read: ${(error as Error).message}`);
  }
  const fromFile = parseEnvFile(text, known, path);
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  return merged;
}
