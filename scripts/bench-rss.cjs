// Loaded by the bench with `node --require`: prints the process's peak memory as it exits, so
// that the bench measures the app's own, on any machine (no /usr/bin/time needed).
process.on('exit', () => process.stderr.write(`\nbench-max-rss-kib ${process.resourceUsage().maxRSS}\n`));
