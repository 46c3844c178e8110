// Bundles the local host page's script (lib/localhost/main.js, compiled by Heft) for `danvan365 serve`.
// The strings module the SPFx loader provides in SharePoint is the Vietnamese file here.
const path = require('path');

module.exports = {
  mode: 'production',
  entry: path.resolve(__dirname, '../lib/localhost/main.js'),
  output: {
    path: path.resolve(__dirname, 'dist'),
    filename: 'local-host.js'
  },
  resolve: {
    alias: {
      DanVan365Strings: path.resolve(__dirname, '../lib/loc/vi-vn.js')
    }
  },
  module: {
    // React 17 has no package "exports", so Griffel's ESM import of 'react/jsx-runtime' must not be fully specified.
    rules: [{ test: /\.m?js$/, resolve: { fullySpecified: false } }]
  },
  // Served from 127.0.0.1 only: skipping minification keeps this step quick; React still uses its production build.
  optimization: { minimize: false },
  performance: { hints: false },
  devtool: false
};
