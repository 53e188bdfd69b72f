// Bundle the compiled CLI (dist/cli/index.js) and its compile worker into one
// file each: a fresh `exchange` process then loads one module instead of some
// four hundred small ones, which cuts its start from about 200 ms to 75 ms.
// tsc stays the compiler and type checker; this only joins its output.
// Puppeteer, pdfjs, chokidar and docx stay outside: they are loaded lazily, only when
// a run prints, audits a PDF, watches or writes a Word copy, and pdfjs loads its worker by path.
//
// The CLI is bundled as CommonJS, which Node 20 can load with a V8 code
// cache (src/util/code-cache.ts; scripts/code-cache.mjs makes the cache): an ES
// module cannot take one before Node 22.
import fs from 'node:fs'
import {build} from 'esbuild'
import {asciiOnly} from './ascii-bundle.mjs'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['puppeteer', 'puppeteer-core', 'puppeteer-core/*', 'pdfjs-dist', 'chokidar', '@napi-rs/canvas', 'docx'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
}

// pdfjs, on Node, loads @napi-rs/canvas (Skia, a native library: 24 MB of memory and 20-50 ms) as
// it loads, and puts its DOMMatrix, ImageData and Path2D on globalThis for rendering pages. exchange
// only reads text, which needs none of them: the bundle leaves that block out, so the audit neither
// loads Skia nor changes the globals of the process it runs in. Rendering would still load the
// canvas itself (pdfjs's NodeCanvasFactory requires it on use). The build fails if the block changes.
const canvasPolyfills = /\nif \(isNodeJS\) \{\n  let canvas;\n[\s\S]*?\n  if \(!globalThis\.Path2D\) \{\n[\s\S]*?\n  \}\n\}\n/g
const textOnlyPdfjs = {
  name: 'text-only-pdfjs',
  setup(build) {
    build.onLoad({filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/}, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8')
      const blocks = source.match(canvasPolyfills) ?? []
      if (blocks.length !== 1 || /DOMMatrix|Path2D|ImageData/.test(blocks[0].replace(/if \(!globalThis\.(DOMMatrix|ImageData|Path2D)\) \{[\s\S]*?\n  \}/g, ''))) {
        throw new Error(`${args.path}: cannot find pdfjs's block of canvas polyfills (found ${blocks.length}); check scripts/bundle.mjs against this pdfjs-dist`)
      }
      return {contents: source.replace(canvasPolyfills, '\n/* exchange: canvas polyfills left out (text only; see scripts/bundle.mjs) */\n'), loader: 'js'}
    })
  },
}

await Promise.all([
  build({
    ...common,
    entryPoints: {exchange: 'dist/cli/index.js'},
    outdir: 'dist',
    outExtension: {'.js': '.cjs'},
    format: 'cjs',
    // The modules find their files from import.meta.url: in CommonJS, the bundle's own URL.
    define: {'import.meta.url': '__exchangeModuleUrl'},
    banner: {js: "const __exchangeModuleUrl = require('node:url').pathToFileURL(__filename).href;"},
  }),
  // Puppeteer's connection (puppeteer-core's Puppeteer and PipeTransport, a hundred small CommonJS modules,
  // 45 ms to require) as one bundle with a code cache (18 ms), loaded by src/print/browser.ts. What those
  // modules load only on other paths (WebDriver BiDi, WebSockets) stays outside.
  build({
    ...common,
    stdin: {
      contents: "exports.Puppeteer = require('puppeteer-core/internal/common/Puppeteer.js').Puppeteer\nexports.PipeTransport = require('puppeteer-core/internal/node/PipeTransport.js').PipeTransport\n",
      resolveDir: '.',
      loader: 'js',
      sourcefile: 'puppeteer-connect.cjs',
    },
    outfile: 'dist/puppeteer-connect.cjs',
    format: 'cjs',
    external: [],
    plugins: [
      {
        name: 'only-puppeteer-core',
        setup(build) {
          // debug too: every protocol message goes through it, so it always loads.
          const inside = /^(puppeteer-core\/|debug$|ms$|supports-color$|has-flag$)/
          build.onResolve({filter: /^[^./]/}, (args) => (inside.test(args.path) ? undefined : {path: args.path, external: true}))
        },
      },
    ],
  }),
  // pdfjs (its reader and the worker module it runs on the same thread), for the PDF audit: as ES
  // modules they took some 60 ms to compile, while the browser prints; from a code cache, 15 ms.
  build({
    ...common,
    stdin: {
      contents: "export * as reader from 'pdfjs-dist/legacy/build/pdf.mjs'\nexport * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs'\n",
      resolveDir: '.',
      loader: 'js',
      sourcefile: 'pdf-reader.js',
    },
    outfile: 'dist/pdf-reader.cjs',
    format: 'cjs',
    external: ['@napi-rs/canvas'],
    plugins: [textOnlyPdfjs],
    // pdfjs finds @napi-rs/canvas from import.meta.url: in CommonJS, the bundle's own URL.
    define: {'import.meta.url': '__exchangeModuleUrl'},
    banner: {js: "const __exchangeModuleUrl = require('node:url').pathToFileURL(__filename).href;"},
    sourcemap: false,
  }),
  // The compile worker, as CommonJS with a code cache like the CLI's: a fresh worker thread then reads the
  // functions a compile runs from the cache instead of parsing and compiling them (as an ES module, which
  // Node 20 cannot cache, it took some 150-190 ms to answer its first job). The worker thread starts on a
  // small script that loads it (src/engine/worker-boot.ts).
  build({
    ...common,
    entryPoints: {'exchange-compile': 'dist/engine/worker.js', 'exchange-worker': 'dist/engine/worker-boot.js'},
    outdir: 'dist',
    outExtension: {'.js': '.cjs'},
    format: 'cjs',
    define: {'import.meta.url': '__exchangeModuleUrl'},
    banner: {js: "const __exchangeModuleUrl = require('node:url').pathToFileURL(__filename).href;"},
  }),
])

// Every bundle ASCII: V8 keeps a script with one character outside ASCII as a two-byte string, decoded
// on UTF-8's slow path, in each isolate that loads it (scripts/ascii-bundle.mjs). Before the code caches
// are made (scripts/code-cache.mjs), as they hold the bundle's digest. A changed line's columns in the
// source map shift by the escapes' length (a regular expression's, a template's), no more.
for (const file of ['dist/exchange.cjs', 'dist/exchange-compile.cjs', 'dist/exchange-worker.cjs', 'dist/puppeteer-connect.cjs', 'dist/pdf-reader.cjs']) {
  const source = fs.readFileSync(file, 'utf8')
  const ascii = asciiOnly(source, file)
  if (ascii.text !== source) fs.writeFileSync(file, ascii.text)
}

// The CommonJS bundles run from a code cache, where import() fails: every import() must go through
// importEsm, bar pdfjs's own two, which never run: the import of its worker script (exchange hands it
// the worker module) and a string of code it only gives a web worker.
const allowedImports = {
  'dist/exchange.cjs': ['lent(specifier) : import(specifier)'],
  'dist/puppeteer-connect.cjs': [],
  'dist/pdf-reader.cjs': ['await import("${url}");', 'const worker = await import('],
  'dist/exchange-compile.cjs': ['lent(specifier) : import(specifier)'],
  // The worker's start script is run by Node's own loader, where import() works: it lends it to the bundle.
  'dist/exchange-worker.cjs': ['(specifier) => import(specifier)'],
}
for (const [file, allowed] of Object.entries(allowedImports)) {
  const imports = fs.readFileSync(file, 'utf8').split('\n').filter((line) => /\bimport\(/.test(line))
  const unknown = imports.filter((line) => !allowed.some((known) => line.includes(known)))
  if (unknown.length > 0 || imports.length !== allowed.length) {
    throw new Error(`${file} calls import() outside importEsm (src/util/import-esm.ts):\n${imports.join('\n')}`)
  }
}
