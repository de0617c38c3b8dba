/** haproxy.cfg as sections (`global`, `defaults`, `listen mqtt`, ...) of trimmed lines, for assertions by name. */
export function sections(cfg: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of cfg.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (/^\s/.test(line)) current?.push(line.trim());
    else {
      current = [];
      out.set(line.trim(), current);
    }
  }
  return out;
}

/** The lines of one section; fails when the section does not exist. */
export function section(cfg: string, name: string): string[] {
  const s = sections(cfg).get(name);
  if (!s) throw new Error(`no section '${name}' in haproxy.cfg`);
  return s;
}

/** The value of a keyword in a section (`maxconn 1000` → '1000'). */
export function value(lines: string[], keyword: string): string | undefined {
  return lines.find((l) => l.startsWith(`${keyword} `))?.slice(keyword.length + 1);
}
