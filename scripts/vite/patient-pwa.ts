import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify, type Plugin, type ResolvedConfig, type Rollup, transformWithOxc } from 'vite';
import type { PwaBuild } from '../../src/web/patient/pwa/sw-types';

export interface PatientPwaOptions {
  /** The app's HTML entry in the build output, e.g. `entries/app.html`. */
  page: string;
  /** The URL that serves that page, answered for every navigation inside the scope (`/app`). */
  shell: string;
  /** Source of the service worker (TypeScript, no run-time imports). */
  worker: string;
  /** Where the built worker goes in the output, e.g. `app/sw.js`. */
  output: string;
  /** Files of the public directory to precache, as URLs (`/app/manifest.webmanifest`, icons…). */
  publicFiles: string[];
}

/**
 * Builds the patient app's service worker with the list of files to precache: the app's page, every chunk it
 * imports, statically or lazily, their CSS and assets, and the given public files. The worker's version is a
 * hash of all their contents, so any change to the app ships a new worker (the browser's update check compares
 * the worker's bytes). Build only: in development no worker is registered.
 */
export function patientPwa(options: PatientPwaOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'sourire-patient-pwa',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      // After Vite's HTML plugin has written the pages into the bundle.
      order: 'post',
      async handler(_output, bundle) {
        const page = bundle[options.page];
        if (page?.type !== 'asset') throw new Error(`patient-pwa: ${options.page} is not in the build`);
        const entry = Object.values(bundle).find(
          (file): file is Rollup.OutputChunk =>
            file.type === 'chunk' && file.isEntry && (file.facadeModuleId ?? '').endsWith(`/${options.page}`),
        );
        if (!entry) throw new Error(`patient-pwa: no entry chunk for ${options.page}`);

        const contents = new Map<string, string | Uint8Array>([[options.shell, page.source]]);
        for (const fileName of reachableFiles(bundle, entry)) {
          const file = bundle[fileName];
          if (file) contents.set(`/${fileName}`, file.type === 'chunk' ? file.code : file.source);
        }
        for (const url of options.publicFiles) contents.set(url, readFileSync(join(config.publicDir, url)));

        const hash = createHash('sha256');
        for (const [url, content] of [...contents].sort(([a], [b]) => a.localeCompare(b))) {
          hash.update(url).update('\0').update(content).update('\0');
        }
        const build: PwaBuild = {
          version: hash.digest('hex').slice(0, 16),
          shell: options.shell,
          urls: [...contents.keys()],
        };
        this.emitFile({
          type: 'asset',
          fileName: options.output,
          source: await compileWorker(options.worker, build),
        });
      },
    },
  };
}

/** The chunk's own file and every file it may load: imports, lazy imports, their CSS and assets. */
function reachableFiles(bundle: Rollup.OutputBundle, entry: Rollup.OutputChunk): Set<string> {
  const files = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (files.has(chunk.fileName)) return;
    files.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
    for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
    for (const name of [...chunk.imports, ...chunk.dynamicImports]) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  visit(entry);
  return files;
}

/** TypeScript → one classic script (what every browser accepts as a service worker), minified. */
async function compileWorker(source: string, build: PwaBuild): Promise<string> {
  const transformed = await transformWithOxc(readFileSync(source, 'utf8'), source, {
    lang: 'ts',
    target: 'es2022',
    define: { __SOURIRE_PWA_BUILD__: JSON.stringify(build) },
  });
  // Type-only imports leave an empty `export {}` behind; any other import or export cannot run in a classic worker.
  const script = transformed.code.replace(/^export\s*\{\s*\};?\s*$/m, '');
  if (/^\s*(import|export)\b/m.test(script)) {
    throw new Error(
      `patient-pwa: ${source} imports or exports at run time; a service worker here is one script`,
    );
  }
  const minified = await minify(source.replace(/\.ts$/, '.js'), `(() => {\n${script}\n})();\n`, {
    module: false,
  });
  if (minified.errors.length > 0) throw new Error(`patient-pwa: ${minified.errors[0]?.message}`);
  return minified.code;
}
