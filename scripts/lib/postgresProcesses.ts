import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `postgres -D <dataDir> …` exactly (not, say, `runuser -u postgres … <dataDir>`). */
function isPostmasterFor(cmdline: string, dataDir: string): boolean {
  const argv = cmdline.split('\0');
  const i = argv.indexOf('-D');
  return path.basename(argv[0] ?? '') === 'postgres' && i > 0 && argv[i + 1] === dataDir;
}

/**
 * Pids of the postmaster serving this data directory (its command line names the directory) and of all its
 * children (checkpointer, walwriter, backends…, whose command lines do not). Linux (/proc) only.
 */
export function postgresPidsFor(dataDir: string): number[] {
  const procs: { pid: number; ppid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // exited, not yet reaped
      procs.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8'),
      });
    } catch {
      // the process ended while we looked
    }
  }
  const postmasters = new Set(procs.filter((p) => isPostmasterFor(p.cmdline, dataDir)).map((p) => p.pid));
  return procs.filter((p) => postmasters.has(p.pid) || postmasters.has(p.ppid)).map((p) => p.pid);
}
