import type { Rule } from '../../engine/types.js';

export const rule: Rule = {
  id: 'userlist-insecure-password',
  description: 'A userlist password is stored in clear text (`insecure-password`)',
  severity: 'warning',
  fixable: 'none',
  group: 'security',
  securitySeverity: 5.5,
  docs: {
    what: 'Reports `user <name> insecure-password <password>` in `userlist` sections.',
    why: 'The password is readable by everyone who can read the configuration: its backups, the repository it is versioned in, CI logs, support bundles. A hashed `password` (SHA-512 crypt, `mkpasswd -m sha-512`) keeps the secret out of all of them; the configuration then reveals nothing usable. References: HAProxy configuration manual §3.4 "Userlists"; OWASP Password Storage Cheat Sheet.',
    bad: 'userlist admins\n    user alice insecure-password s3cret\n',
    good: 'userlist admins\n    user alice password $6$k6y3o.eP$JlKBx9za9667qe4xHSwRv/6/YVZ2lUoq5qzRiZmaoUvlHsG4I3HD8TuO.aHMJnS2vOBcLz2rUi9gpYYA1yzhQ0\n',
    fixSafety: 'No automatic fix: the hash must be made with a salt you keep (`mkpasswd -m sha-512`).',
  },
  check({ file, report }) {
    for (const section of file.sections) {
      if (section.kind !== 'userlist') continue;
      for (const line of section.lines) {
        if (line.keyword !== 'user' || line.modifier) continue;
        const index = line.args.findIndex((w) => w.value === 'insecure-password');
        if (index < 0) continue;
        const word = line.args[index]!;
        report({
          message: `user ${line.args[0]?.value ?? ''} has a clear-text password: anyone who reads this file can log in; store a hash with \`password\` (mkpasswd -m sha-512)`,
          start: word.start, end: line.args[index + 1]?.end ?? word.end,
        });
      }
    }
  },
};
