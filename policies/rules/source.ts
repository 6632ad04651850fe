import * as fs from 'node:fs';
import * as path from 'node:path';

let index: Map<string, string> | undefined;

/**
 * The file that declares a rule, as `policies/rules/<domain>/<slug>.ts`: found by the id written in
 * the rule (`id: 'BW-DP-006'`), in the sources or in the built package. Undefined when not found.
 */
export function ruleSourceFile(id: string): string | undefined {
  if (!index) {
    index = new Map();
    for (const domain of fs.readdirSync(__dirname, { withFileTypes: true })) {
      if (!domain.isDirectory()) continue;
      const dir = path.join(__dirname, domain.name);
      for (const f of fs.readdirSync(dir)) {
        const m = /^(.+?)\.(?:ts|js)$/.exec(f);
        if (!m || f.endsWith('.d.ts') || f.includes('.cases.') || m[1] === 'index') continue;
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        for (const hit of text.matchAll(/\bid: '(BW-[A-Z]{2,3}-\d{3})'/g)) {
          index.set(hit[1]!, `policies/rules/${domain.name}/${m[1]}.ts`);
        }
      }
    }
  }
  return index.get(id);
}
