// Builds the widget: type-checks, bundles the entries with esbuild, writes gzip and brotli siblings of every file,
// and checks the size budgets. Usage: node build.mjs [--outdir <dir>] (default dist/). On success it prints one size
// line per file and nothing else, because the C# build shows whatever it prints.
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const budgets = { entry: 2048, press: 25 * 1024 };
const entryPoints = [
  { in: 'src/domain-call.ts', out: 'domain-call' },
  { in: 'src/desk/desk.ts', out: 'desk' },
  { in: 'src/page.css', out: 'page' },
  // The push worker imports nothing, so it stays one self-contained script that a classic service worker can run.
  { in: 'src/push-worker.ts', out: 'push-worker' },
];

function fail(message) {
  process.stderr.write(`build.mjs: error: ${message}\n`);
  process.exit(1);
}

function outdirFromArguments(args) {
  const index = args.findIndex((arg) => arg === '--outdir' || arg.startsWith('--outdir='));
  if (index < 0) return resolve(root, 'dist');
  const value = args[index].includes('=') ? args[index].slice('--outdir='.length) : args[index + 1];
  if (!value) fail('--outdir needs a folder, as in: node build.mjs --outdir dist');
  return resolve(process.cwd(), value);
}

function typeCheck() {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(root, 'tsconfig.json')],
    { cwd: root, stdio: 'inherit' });
  if (result.error) fail(`could not run tsc (${result.error.message}); run npm ci in ${root} first.`);
  if (result.status !== 0) fail('type errors, listed above.');
}

// Only the files this script writes are removed, so an --outdir shared with other output keeps that output.
async function clean(outdir) {
  await rm(join(outdir, 'chunks'), { recursive: true, force: true });
  for (const entry of entryPoints) {
    const file = entry.out + (entry.in.endsWith('.css') ? '.css' : '.js');
    for (const suffix of ['', '.gz', '.br']) await rm(join(outdir, file + suffix), { force: true });
  }
}

async function bundle(outdir) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    minify: true,
    target: 'es2022',
    charset: 'utf8',
    // SignalR reaches for Node's require only when it runs in Node; in a browser bundle esbuild would otherwise
    // add a require shim chunk that every entry loads.
    define: { require: 'undefined' },
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  for (const warning of result.warnings) process.stderr.write(`build.mjs: warning: ${warning.text}\n`);
  return result.metafile;
}

async function compress(outdir, files) {
  const sizes = new Map();
  for (const file of files) {
    const content = await readFile(join(outdir, file));
    const gzip = gzipSync(content, { level: 9 });
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    await writeFile(join(outdir, `${file}.gz`), gzip);
    await writeFile(join(outdir, `${file}.br`), brotli);
    sizes.set(file, { raw: content.length, gzip: gzip.length, brotli: brotli.length });
  }
  return sizes;
}

// The files a browser loads for `start`: itself and, transitively, what it imports statically.
function staticClosure(outputs, start) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(start);
  return seen;
}

function budgetGroups(outputs, entry) {
  const entryFiles = staticClosure(outputs, entry);
  const pressed = new Set();
  for (const file of entryFiles) {
    for (const imported of outputs[file].imports) {
      if (imported.kind !== 'dynamic-import') continue;
      for (const chunk of staticClosure(outputs, imported.path)) if (!entryFiles.has(chunk)) pressed.add(chunk);
    }
  }
  return { entryFiles, pressed };
}

// Metafile paths are relative to the working directory; the budgets speak of paths inside the output folder.
function outputsByFile(metafile, outdir) {
  const file = (path) => relative(outdir, resolve(root, path)).split('\\').join('/');
  const outputs = {};
  for (const [path, output] of Object.entries(metafile.outputs)) {
    outputs[file(path)] = { imports: output.imports.map((imported) => ({ ...imported, path: file(imported.path) })) };
  }
  return outputs;
}

function number(value) {
  return value.toLocaleString('en-US');
}

async function main() {
  const outdir = outdirFromArguments(process.argv.slice(2));
  typeCheck();
  await mkdir(outdir, { recursive: true });
  await clean(outdir);

  let metafile;
  try {
    metafile = await bundle(outdir);
  } catch (error) {
    for (const message of error.errors ?? []) {
      const where = message.location ? `${message.location.file}:${message.location.line}: ` : '';
      process.stderr.write(`build.mjs: error: ${where}${message.text}\n`);
    }
    fail('esbuild could not bundle the widget.');
  }

  const outputs = outputsByFile(metafile, outdir);
  const files = Object.keys(outputs).sort();
  const sizes = await compress(outdir, files);

  const { entryFiles, pressed } = budgetGroups(outputs, 'domain-call.js');
  const total = (group) => [...group].reduce((sum, file) => sum + sizes.get(file).gzip, 0);
  const entryTotal = total(entryFiles);
  const pressTotal = total(pressed);

  const width = Math.max(...files.map((file) => file.length));
  for (const file of files) {
    const { raw, gzip, brotli } = sizes.get(file);
    let note = '';
    if (file === 'domain-call.js') note = `  entry: ${number(entryTotal)} of ${number(budgets.entry)} B gzip`;
    else if (entryFiles.has(file)) note = '  loaded with the entry';
    else if (pressed.has(file)) note = `  press: ${number(pressTotal)} of ${number(budgets.press)} B gzip in all`;
    const [r, g, b] = [raw, gzip, brotli].map((size) => number(size).padStart(7));
    process.stdout.write(`widget ${file.padEnd(width)} ${r} B  ${g} B gzip  ${b} B br${note}\n`);
  }

  if (entryTotal > budgets.entry) {
    fail(`domain-call.js and what it imports are ${number(entryTotal)} bytes gzip, over the entry budget of ` +
      `${number(budgets.entry)} bytes: the first script a page loads must only draw the button.`);
  }
  if (pressTotal > budgets.press) {
    fail(`the call screen (${[...pressed].join(', ')}) is ${number(pressTotal)} bytes gzip, over the budget of ` +
      `${number(budgets.press)} bytes for what loads when the button is pressed.`);
  }
}

await main();
