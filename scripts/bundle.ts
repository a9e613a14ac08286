/**
 * The production bundle (`npm run build` runs it after `nest build`): the compiled server, the
 * worker and the PDF thread, each one file in `dist/bundle/` with the packages it loads. A
 * process then reads and compiles one file instead of a few thousand (the server loads about
 * 2,800 modules, most of its start-up).
 *
 * It bundles the JavaScript `nest build` wrote, not the TypeScript sources: Nest's injection
 * needs the decorator metadata only the TypeScript compiler emits.
 *
 * A package stays outside (loaded from `node_modules` as before) when it is a native addon,
 * when it reads its own files from next to its code, or when it is an optional package that is
 * not installed (the require fails at run time, as it did unbundled). Every bundled package
 * that names its own location (`__dirname`, `__filename`, `require.resolve`) or requires
 * something the bundler cannot follow must be reviewed below, or the build fails: a new
 * dependency that would break bundled is caught here, not in production.
 */
import { tokTypes, tokenizer } from 'acorn';
import { build, type Message, type Metafile, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const OUT_DIR = join(ROOT, 'dist/bundle');

/** The compiled entries (`nest build server`, `nest build worker`) and their bundle names. */
const ENTRIES = {
  server: 'dist/apps/server/apps/server/src/main.js',
  worker: 'dist/apps/worker/apps/worker/src/main.js',
  // Started by PdfRenderer as `pdf-worker.js` next to the file that starts it.
  'pdf-worker': 'dist/apps/server/libs/core/src/pdf/pdf-worker.js',
};

/** Packages loaded from node_modules, not bundled, and why. */
const EXTERNAL: Record<string, string> = {
  argon2: 'native addon',
  msgpackr:
    'loads its native extractor (msgpackr-extract, installed inside its own folder) from beside itself',
  pdfkit: 'reads its font metrics (data/*.afm) from beside its code',
  'swagger-ui-dist': 'its page assets are served from its own folder',
  ioredis: 'reads its own package.json for the version it tells Redis (CLIENT SETINFO)',
  'dejavu-fonts-ttf': 'font files only: the PDF writer finds them with require.resolve',
  'ts-node': 'named only when the app runs from its TypeScript sources (the PDF thread)',
  // Loaded on first use, not at start: outside, the server holds their code only once it
  // needs them (2 of the 11 MB a bundle would hold).
  exceljs: 'loaded on first use (spreadsheet exports and imports)',
  nodemailer: 'loaded on first use (the first e-mail sent)',
  qrcode: 'loaded on first use (the QR code of a staff member’s sign-in app)',
};

/**
 * Bundled packages whose code names its own location or requires what the bundler cannot
 * follow, reviewed: the use does not run on the platform's paths, or resolves the same from
 * `dist/bundle/` (packages installed at the top of node_modules).
 */
const REVIEWED: Record<string, string> = {
  '@nestjs/common':
    "require.resolve('file-type') in FileTypeValidator only, which the platform does not use",
  'app-root-path':
    'works out a folder when loaded, reading nothing; read only by TypeORM’s options file reader ' +
    'and file logger, which the platform does not use',
  bullmq: 'the file of a sandboxed processor; the platform’s processors are functions',
  nunjucks:
    'NodeResolveLoader (templates from packages) only; the platform’s loader has its own paths',
  pino: 'the worker file of log transports; the platform logs to a stream, with no transport',
  'thread-stream': 'pino’s transports only (see pino)',
};

function packageOf(file: string): string | undefined {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match?.[1];
}

/**
 * Optional packages that are not installed (Nest's microservices and websockets, TypeORM's
 * other drivers, pg-native, ...) stay a require at run time, which fails and is handled there
 * as it was before bundling.
 */
const optionalPackages: Plugin = {
  name: 'not-installed-stays-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind !== 'require-call' && args.kind !== 'import-statement') return undefined;
      if (args.path.startsWith('node:')) return undefined;
      try {
        require.resolve(args.path, { paths: [args.resolveDir] });
        return undefined;
      } catch {
        return { path: args.path, external: true };
      }
    });
  },
};

const NOT_ASCII = /[\u0080-\uffff]/;

/** A regular expression's source with each character that is not ASCII as its `\u` escape. */
function escapeRegExp(text: string): string {
  return text.replace(/(\\*)([\u0080-\uffff])/g, (_match, slashes: string, char: string) => {
    const escape = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    // An identity escape of the character (`\é`, outside `u` mode) means the character itself.
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape;
  });
}

/**
 * V8 keeps a script's source as long as its functions live: one byte a character when every
 * character is Latin-1, two otherwise. esbuild writes strings, templates and names in ASCII but
 * leaves regular expressions as they are (validator.js's alphabets, the platform's own
 * patterns), and one Cyrillic letter would make the server keep its 11 MB bundle as 22 MB. In a
 * regular expression `\uXXXX` means the character itself (in `u` mode a pair of them is one
 * code point), so each file's regular expressions are escaped as it is loaded; the build then
 * checks that the bundle is all ASCII.
 */
const asciiRegExps: Plugin = {
  name: 'ascii-regular-expressions',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      if (!NOT_ASCII.test(code)) return undefined;
      const parts: string[] = [];
      let at = 0;
      try {
        const tokens = tokenizer(code, {
          ecmaVersion: 'latest',
          sourceType: args.path.endsWith('.mjs') ? 'module' : 'script',
          allowHashBang: true,
          allowReturnOutsideFunction: true,
          allowAwaitOutsideFunction: true,
        });
        for (const token of tokens) {
          if (token.type !== tokTypes.regexp) continue;
          const text = code.slice(token.start, token.end);
          if (!NOT_ASCII.test(text)) continue;
          parts.push(code.slice(at, token.start), escapeRegExp(text));
          at = token.end;
        }
      } catch {
        return undefined; // not tokenized (ES module syntax, say): the check of the output tells
      }
      if (at === 0) return undefined;
      parts.push(code.slice(at));
      return { contents: parts.join(''), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

/** Bundled files from node_modules that name their location, by package. */
function locationUses(metafile: Metafile): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const input of Object.keys(metafile.inputs)) {
    const name = packageOf(input);
    if (!name || !/\.[cm]?js$/.test(input)) continue;
    const source = readFileSync(join(ROOT, input), 'utf8');
    if (/\b__dirname\b|\b__filename\b|\brequire\.resolve\s*\(/.test(source)) {
      uses.set(name, [...(uses.get(name) ?? []), input]);
    }
  }
  return uses;
}

async function main(): Promise<void> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      Object.entries(ENTRIES).map(([name, file]) => [name, join(ROOT, file)]),
    ),
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Nest names loggers and errors after classes, TypeORM entities too: keep every name.
    keepNames: true,
    // Without comments and indentation the file is a third smaller, and V8 keeps less of it.
    // Names stay; a stack trace's positions are read with the map beside the file
    // (`node --enable-source-maps`). Licence comments go to `<name>.js.LEGAL.txt`.
    minifyWhitespace: true,
    legalComments: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    // Written only once the review below passes: a refused build leaves no bundle to run.
    write: false,
    logLevel: 'silent',
    external: Object.keys(EXTERNAL).flatMap((name) => [name, `${name}/*`]),
    plugins: [optionalPackages, asciiRegExps],
  });

  const problems: string[] = [];
  const reviewedSeen = new Set<string>();
  const unfollowed = (message: Message) => {
    const file = message.location?.file ?? '';
    const name = packageOf(file);
    if (name && REVIEWED[name]) {
      reviewedSeen.add(name);
      return;
    }
    problems.push(
      `${file}:${message.location?.line ?? 0}: ${message.text}${name ? ` (package ${name})` : ''}`,
    );
  };
  result.warnings.forEach(unfollowed);
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const left = NOT_ASCII.exec(file.text);
    if (left) {
      problems.push(
        `${relative(ROOT, file.path)}: a character that is not ASCII, not in a regular expression: ` +
          JSON.stringify(file.text.slice(Math.max(0, left.index - 60), left.index + 20)),
      );
    }
  }
  for (const [name, files] of locationUses(result.metafile)) {
    if (REVIEWED[name]) {
      reviewedSeen.add(name);
      continue;
    }
    problems.push(
      `package ${name} names its own location (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', ...' : ''}): ` +
        'review it (REVIEWED) or keep it external (EXTERNAL) in scripts/bundle.ts',
    );
  }
  for (const name of Object.keys(REVIEWED)) {
    if (!reviewedSeen.has(name)) {
      problems.push(`package ${name} is reviewed but no longer needs it: remove it from REVIEWED`);
    }
  }
  if (problems.length) {
    process.stderr.write(
      `bundle: ${problems.length} thing(s) to review:\n  ${problems.join('\n  ')}\n`,
    );
    process.exit(1);
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const file of result.outputFiles) writeFileSync(file.path, file.contents);
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (!output.endsWith('.js')) continue;
    const bundled = Object.keys(meta.inputs).length;
    process.stdout.write(
      `bundle: ${relative(ROOT, output)} (${(meta.bytes / 1e6).toFixed(1)} MB, ${bundled} modules)\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
