/* What the Node tests share: the cases tests/test_page_js.py makes from the Python
 * definitions (the environment variable ACTORGRAPH_JS_CASES names their JSON file; a test
 * that needs them skips itself without it) and the page's pure script files. */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const file = process.env.ACTORGRAPH_JS_CASES;
const cases = file ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
// The options of a test that needs the cases.
const needsCases = cases ? {} : {
  skip: "ACTORGRAPH_JS_CASES is not set: tests/test_page_js.py makes the cases and sets it" };
const pageScript = name => require(path.join(__dirname, "../../src/actorgraph/page/js", name));

module.exports = { cases, needsCases, pageScript };
