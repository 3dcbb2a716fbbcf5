// Copies non-TypeScript assets the compiled code reads at run time (dictionaries, fonts, fixtures) into dist/.
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const patterns = [/\.txt$/, /\.ttf$/, /\.otf$/, /\.dict$/];
let n = 0;
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (patterns.some((p) => p.test(entry.name))) {
      const target = path.join(root, 'dist', path.relative(root, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
      n++;
    }
  }
}
for (const base of ['libs', 'apps/api/src', 'apps/worker/src']) if (fs.existsSync(path.join(root, base))) walk(path.join(root, base));
console.log(`copied ${n} asset file(s) into dist/`);
