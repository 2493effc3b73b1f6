// Builds the Excel add-in's pages into dist/web (the CLI's tsc output owns dist/), after Microsoft's
// task-pane template (`yo office`, TypeScript). `webpack --mode production` needs no dev certificates;
// `webpack serve` asks office-addin-dev-certs for them.
"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const OUTPUT_DIR = path.resolve(__dirname, "dist/web");

// One page per entry: its script and the HTML template it is injected into. A new target is one more line.
const entries = {
  taskpane: { script: "./src/taskpane/taskpane.ts", html: "./src/taskpane/taskpane.html", style: "./src/taskpane/taskpane.css" },
  commands: { script: "./src/taskpane/commands.ts", html: "./src/taskpane/commands.html" },
};

// The web page (`npm run web`): the task pane's own page and script without the Office.js tag, so
// nothing but the page's own files is ever requested; without Office the pane runs in web mode.
const webPage = { filename: "index.html", template: entries.taskpane.html, chunks: ["taskpane"], templateParameters: { office: false } };

/** Where the production add-in is hosted: $ADDIN_URL, always ending in "/" so it can replace DEV_URL. */
function productionUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) {
    console.warn(`ADDIN_URL is not set: dist/web/manifest.xml keeps ${DEV_URL}`);
    return DEV_URL;
  }
  return url.endsWith("/") ? url : `${url}/`;
}

async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/** TypeScript through ts-loader; the benchmark's page bundle uses the same rule. */
const typescriptRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      configFile: path.resolve(__dirname, "tsconfig.json"),
      transpileOnly: true,
      // tsconfig.json emits CommonJS for Node; ES modules let webpack tree-shake and split chunks.
      compilerOptions: { module: "es2020", moduleResolution: "bundler" },
    },
  },
};

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const hostUrl = dev ? DEV_URL : productionUrl();
  return {
    devtool: dev ? "source-map" : false,
    entry: Object.fromEntries(Object.entries(entries).map(([name, page]) => [name, page.style ? [page.script, page.style] : page.script])),
    output: {
      path: OUTPUT_DIR,
      filename: dev ? "[name].js" : "[name].[contenthash].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    // exceljs (~900 KB) is a lazy chunk loaded only when a workbook is written; the first load is what
    // must stay small (≤ 200 KB gzipped), and the browser test and the benchmark measure it.
    performance: { hints: false },
    module: {
      rules: [typescriptRule],
    },
    // A page's stylesheet is part of its entry; webpack's native CSS support emits it as a file next to the script.
    experiments: { css: true },
    plugins: [
      ...Object.entries(entries).map(
        ([name, page]) =>
          new HtmlWebpackPlugin({ filename: `${name}.html`, template: page.html, chunks: [name], templateParameters: { office: true } }),
      ),
      new HtmlWebpackPlugin(webPage),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().replaceAll(DEV_URL, hostUrl)),
          },
        ],
      }),
    ],
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? await devServerHttpsOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port) || DEV_PORT,
    },
  };
};

module.exports.typescriptRule = typescriptRule;
