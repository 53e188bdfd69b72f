/**
 * `import()` of a package that is only an ES module (pdfjs, chokidar).
 *
 * The bundled CLI runs as a CommonJS script from a V8 code cache
 * (`src/util/code-cache.ts`), where `import()` has no module loader to go to; the
 * CLI's entry (`bin/exchange.js`), an ES module, lends its own `import()` on `globalThis`. Run
 * any other way (the library, the tests, the worker thread), this is plain
 * `import()`.
 */
export const importHook = Symbol.for('exchange.import')

type Importer = (specifier: string) => Promise<unknown>

export function importEsm<T>(specifier: string): Promise<T> {
  const lent = (globalThis as {[importHook]?: Importer})[importHook]
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>
}
