/**
 * What the commands for people and scripts share: each file named on the command line is read and
 * turned into lines of JSON on stdout, in argument order; a file that cannot be read or is not a
 * post gets a one-line reason on stderr, the others are still printed, and the exit code is then
 * 1 (2 without any file).
 */
import { readFile } from 'node:fs/promises';

export async function linesOfEachFile(files: string[], usage: string, linesOf: (text: string, path: string) => unknown[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write(`usage: ${usage}\n`);
    return 2;
  }
  let failed = false;
  for (const path of files) {
    try {
      for (const line of linesOf(await readFile(path, 'utf8'), path)) process.stdout.write(`${JSON.stringify(line)}\n`);
    } catch (error) {
      failed = true;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${path}: ${reason.split('\n')[0]}\n`);
    }
  }
  return failed ? 1 : 0;
}
