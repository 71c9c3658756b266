// ESLint for site_build/theme/assets/javascripts: ES modules in the browser, no globals of ours.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      // no globals of ours: a module exports what others need
      "no-restricted-syntax": [
        "error",
        { selector: "AssignmentExpression > MemberExpression.left[object.name='window']", message: "export it instead" },
      ],
      "no-implicit-globals": "error",
      "no-var": "off",
      eqeqeq: "error",
      "no-unused-vars": ["error", { args: "after-used" }],
    },
  },
];
