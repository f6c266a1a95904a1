// Writes Tests/ConformCoreTests/Fixtures/regex-v8.tsv: random patterns of the subset Conform's regex
// engine supports, random short inputs, and whether V8 (an ECMA-262 engine) finds a match — the oracle
// RegexDifferentialTests compares Conform's engine with, without needing node at test time.
//
//   node scripts/regex-oracle.js > Tests/ConformCoreTests/Fixtures/regex-v8.tsv
//
// Inputs stay in the BMP: V8 without the `u` flag matches UTF-16 code units, Conform matches scalars.
let state = 11n;
function next(bound) {
  // SplitMix64, so the file regenerates identically.
  state = (state + 0x9E3779B97F4A7C15n) & 0xFFFFFFFFFFFFFFFFn;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & 0xFFFFFFFFFFFFFFFFn;
  z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & 0xFFFFFFFFFFFFFFFFn;
  return Number((z ^ (z >> 31n)) % BigInt(bound));
}
const atoms = ['a', 'b', 'c', '.', '[ab]', '[^a]', '[a-c]', '[\\w-]', '[^\\s]', '\\-', '-', ' ', '\\w', '\\W', '\\d', '\\D', '\\s', '\\S', 'é', '\\u00e9', '[à-ë]'];
const quantifiers = ['', '', '', '*', '+', '?', '{2}', '{1,2}', '{0,}', '{0,1}', '*?', '+?', '??', '{1,3}?'];
function pattern(depth) {
  const alternatives = [];
  const count = next(3) === 0 ? 2 : 1;
  for (let k = 0; k < count; k++) {
    let terms = '';
    const n = 1 + next(3);
    for (let t = 0; t < n; t++) {
      const atom = depth < 2 && next(4) === 0 ? '(' + (next(2) === 0 ? '?:' : '') + pattern(depth + 1) + ')' : atoms[next(atoms.length)];
      terms += atom + quantifiers[next(quantifiers.length)];
    }
    const edge = next(8);
    if (edge === 0) terms = '\\b' + terms;
    if (edge === 1) terms = '\\B' + terms;
    alternatives.push(terms);
  }
  let p = alternatives.join('|');
  if (depth === 0) {
    if (next(3) === 0) p = '^(?:' + p + ')';
    if (next(3) === 0) p = '(?:' + p + ')$';
  }
  return p;
}
const alphabet = ['a', 'b', 'c', '-', ' ', '1', 'é', '\n'];
const rows = [];
for (let i = 0; i < 300; i++) {
  const p = pattern(0);
  const re = new RegExp(p);
  for (let j = 0; j < 8; j++) {
    let input = '';
    const len = next(8);
    for (let k = 0; k < len; k++) input += alphabet[next(alphabet.length)];
    rows.push([p, JSON.stringify(input), re.test(input)].join('\t'));
  }
}
process.stdout.write('# pattern\tinput (JSON)\tV8 matches — written by scripts/regex-oracle.js\n' + rows.join('\n') + '\n');
