import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Feature folders may not import each other; app/ composes them (bulletproof-react's one-way rule). */
const FEATURES = ["chat", "connection", "gateway-state", "logs", "provider-health", "runs", "sessions"];
const featureBoundaries = FEATURES.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: FEATURES.filter((other) => other !== feature).map((other) => `@/features/${other}/*`),
            message: "Features do not import each other; compose them in src/app.",
          },
          { group: ["@/app/*"], message: "Features do not import the app layer." },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["dist", "dist-*", "node_modules", "runtime", ".clawscope", "test-results", "playwright-report", "coverage"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react-hooks/refs": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/gateway/**/*.ts", "src/lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "src/gateway and plain src/lib modules know nothing of React." },
            { name: "react-dom", message: "src/gateway and plain src/lib modules know nothing of React." },
          ],
          patterns: [{ group: ["@/features/*", "@/app/*"], message: "Shared code does not import features or the app." }],
        },
      ],
    },
  },
  ...featureBoundaries,
  {
    files: ["src/**/*.test.{ts,tsx}", "e2e/**/*.ts", "scripts/**/*.{mjs,ts}", "bench/**/*.{ts,mjs}"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.mjs", "*.config.{js,ts}"],
    languageOptions: { globals: globals.node },
  },
);
