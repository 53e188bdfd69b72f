// exchange prints with puppeteer-core and a system Chromium, and never downloads
// a browser. The `puppeteer` package is only here as md-to-pdf's dependency
// (a dev dependency, for the benchmark): skipping its download keeps `npm ci`
// of this repository working where downloads are blocked. Users who install
// the published package never get `puppeteer`.
module.exports = {skipDownload: true};
