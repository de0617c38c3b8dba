import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Which files Ansible reads from an inventory, by its own rules.
 *
 * Sources: a directory given as `-i` is a collection of inventory sources, read in name order,
 * its sub-directories too (ansible/inventory/manager.py, `parse_source`), skipping hidden
 * entries, `group_vars`, `host_vars`, `vars_plugins` and the extensions of
 * `inventory_ignore_extensions`. v0.6.0's own ansible.cfg sets that list, and deploy.yaml runs
 * with it (docs: "Using multiple inventory sources", "Passing multiple inventory sources").
 */
export const IGNORED_EXTENSIONS = ['~', '.orig', '.bak', '.ini', '.cfg', '.retry', '.pyc', '.pyo', '.creds'];
const IGNORED_NAMES = /^\.|^host_vars$|^group_vars$|^vars_plugins$/;

/**
 * Variable files: `group_vars/<name>` and `host_vars/<name>` beside the inventory (the directory
 * given, or the hosts file's directory), as a file with no extension, `.yml`, `.yaml` or `.json`
 * (the first of these that exists, in that order), or a directory whose files with those
 * extensions or none are read in name order, sub-directories included, hidden and `~` files
 * skipped (ansible/parsing/dataloader.py, `find_vars_files` and `_get_dir_vars_files`; docs:
 * "Organizing host and group variables").
 */
export const VARS_EXTENSIONS = ['.yml', '.yaml', '.json'];

/** Ansible sorts names as bytes (Python's `sorted` of `os.listdir`), not by the locale. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

const isDirectory = (p: string) => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** A folder reached again through a symbolic link: read once, so that a link to a parent cannot loop. */
function firstVisit(dir: string, visited: Set<string>): boolean {
  const real = fs.realpathSync(dir);
  if (visited.has(real)) return false;
  visited.add(real);
  return true;
}

/** The inventory source files under a location given as `--inventory` (itself, when it is a file). */
export function inventorySources(location: string, visited = new Set<string>()): string[] {
  if (!isDirectory(location)) return [location];
  if (!firstVisit(location, visited)) return [];
  const found: string[] = [];
  for (const name of fs.readdirSync(location).sort(byBytes)) {
    if (IGNORED_NAMES.test(name) || IGNORED_EXTENSIONS.some((ext) => name.endsWith(ext))) continue;
    found.push(...inventorySources(path.join(location, name), visited));
  }
  return found;
}

/** The directory whose group_vars/ and host_vars/ apply: the inventory directory, or the hosts file's. */
export const varsBase = (location: string) => (isDirectory(location) ? location : path.dirname(location));

function dirVarsFiles(dir: string, visited = new Set<string>()): string[] {
  if (!firstVisit(dir, visited)) return [];
  const found: string[] = [];
  for (const name of fs.readdirSync(dir).sort(byBytes)) {
    if (name.startsWith('.') || name.endsWith('~')) continue;
    const full = path.join(dir, name);
    const ext = path.extname(name);
    if (isDirectory(full)) {
      if (!ext) found.push(...dirVarsFiles(full, visited));
    } else if (!ext || VARS_EXTENSIONS.includes(ext)) found.push(full);
  }
  return found;
}

/**
 * The variable files of one group or host, in the order Ansible reads them. `present` is the
 * listing of the folder (read once for all the hosts), so that 50,000 hosts cost no stat each.
 */
export function varsFilesOf(folder: string, name: string, present: ReadonlySet<string>): string[] {
  for (const ext of ['', ...VARS_EXTENSIONS]) {
    if (!present.has(name + ext)) continue;
    const full = path.join(folder, name + ext);
    return isDirectory(full) ? dirVarsFiles(full) : [full];
  }
  return [];
}

/** The names in a vars folder (group_vars or host_vars), or none when it does not exist. */
export function listing(folder: string): Set<string> {
  return isDirectory(folder) ? new Set(fs.readdirSync(folder)) : new Set();
}

/**
 * Whether Ansible would run a file as an inventory script: its script plugin takes a file that
 * is executable or starts with `#!` (plugins/inventory/script.py, `verify_file`), and one it
 * cannot run (no `#!`, or not executable) falls through to the YAML plugin. Never run here.
 */
export function isScript(file: string): boolean {
  let head = '';
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const bytes = Buffer.alloc(2);
      fs.readSync(fd, bytes, 0, 2, 0);
      head = bytes.toString('latin1');
    } finally {
      fs.closeSync(fd);
    }
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    return false;
  }
  return head === '#!';
}

/**
 * Documentation beside an inventory (a README.md): Ansible's own default ignore list has these
 * (REJECT_EXTS); v0.6.0's ansible.cfg replaces that list, and Ansible then fails to parse such a
 * file as INI and skips it with a warning. Skipped with a note here too.
 */
export const isDocumentation = (file: string) => ['.md', '.txt', '.rst'].includes(path.extname(file));

/** The extensions Ansible's YAML inventory plugin takes (`yaml_extensions`), and files with none. */
export const isYamlSource = (file: string) => ['', ...VARS_EXTENSIONS].includes(path.extname(file));
