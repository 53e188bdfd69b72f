// exchange never uses a browser that Puppeteer downloads: it prints with the
// system Chromium (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH or a standard path).
// Skipping the download keeps `npm ci` working where downloads are blocked.
module.exports = {skipDownload: true};
