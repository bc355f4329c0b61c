// Prints the JavaScript each area loads before it can show anything (entry script + preloaded chunks),
// gzip-compressed, from the production build. Run `npm run build` first.
import { type Area, areaPages, initialJs } from './lib/initial-js';

for (const area of Object.keys(areaPages) as Area[]) {
  const { gzipKb, files } = initialJs(area);
  console.log(`${area}_initial_js_gzip_kb: ${gzipKb.toFixed(1)} KB (${files} files)`);
}
