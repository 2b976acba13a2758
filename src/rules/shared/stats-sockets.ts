import type { ConfigFile, Line, Word } from '../../parser/ast.js';
import { addressReach, type Reach } from './exposure.js';

/** A global `stats socket` line read: its address, where it can be reached from, and its parameters. */
export interface StatsSocket {
  line: Line;
  address: Word;
  /** UNIX or abstract socket (`unix`), or TCP/UDP (`inet`) */
  family: 'unix' | 'abstract' | 'inet';
  reach: Reach;
  /** the `level` parameter; HAProxy's default is `operator` */
  level: string;
  mode?: Word;
  param(name: string): Word | undefined;
}

export function statsSockets(file: ConfigFile): StatsSocket[] {
  const sockets: StatsSocket[] = [];
  for (const section of file.sections) {
    if (section.kind !== 'global') continue;
    for (const line of section.lines) {
      if (line.keyword !== 'stats socket' || line.modifier) continue;
      const address = line.args[0];
      if (!address || address.envRefs.length > 0) continue;
      const value = address.value;
      const family = /^abns[z]?@/.test(value) ? 'abstract' : /^(?:unix@|\/|\.)/.test(value) || !/[:@]/.test(value) ? 'unix' : /^(?:fd|sockpair)@/.test(value) ? 'unix' : 'inet';
      const params = line.args.slice(1);
      const param = (name: string) => {
        const index = params.findIndex((w) => w.value === name);
        return index >= 0 ? params[index + 1] : undefined;
      };
      sockets.push({
        line, address, family,
        reach: family === 'inet' ? addressReach(value) : 'local',
        level: param('level')?.value ?? 'operator',
        mode: param('mode'),
        param,
      });
    }
  }
  return sockets;
}
