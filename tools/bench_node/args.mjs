// Command-line options of the bench scripts: `--name value` pairs and bare `--flag`s.
// `defaults` lists every known option; null marks a required one, false a flag.
export function parseArgs(argv, defaults) {
  const values = { ...defaults, _: [] };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      values._.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!(name in defaults)) fail(`unknown option ${arg}`);
    if (defaults[name] === false) {
      values[name] = true;
    } else {
      if (i + 1 >= argv.length) fail(`option ${arg} needs a value`);
      values[name] = argv[++i];
    }
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === null) fail(`option --${name} is required`);
  }
  return values;
}

export function fail(message) {
  const script = process.argv[1] ? process.argv[1].split('/').pop() : 'bench';
  console.error(`${script}: ${message}`);
  process.exit(2);
}
