import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Feature folders may not import each other; app/ composes them (bulletproof-react's one-way rule). */
const FEATURES = ["approvals", "chat", "connection", "find", "gateway-state", "logs", "provider-health", "runs", "sessions"];
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

/**
 * Layers, bottom up: lib → gateway → providers → features → app; each imports only from the layers below it.
 * (One rule object per file set: a later `no-restricted-imports` would replace an earlier one, not add to it.)
 */
const NO_REACT = [
  { name: "react", message: "src/gateway and plain src/lib modules know nothing of React." },
  { name: "react-dom", message: "src/gateway and plain src/lib modules know nothing of React." },
];
const LIB_IS_THE_BOTTOM = {
  group: ["@/gateway/*", "@/providers/*", "@/features/*", "@/app/*"],
  message: "src/lib is the bottom layer: it imports nothing from gateway, providers, features or the app.",
};
const GATEWAY_IS_BELOW_VIEWS = {
  group: ["@/providers/*", "@/features/*", "@/app/*"],
  message: "src/gateway imports only src/lib; providers, features and the app build on it.",
};

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
    files: ["src/lib/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: NO_REACT, patterns: [LIB_IS_THE_BOTTOM] }] },
  },
  {
    files: ["src/lib/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [LIB_IS_THE_BOTTOM] }] },
  },
  {
    files: ["src/gateway/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: NO_REACT, patterns: [GATEWAY_IS_BELOW_VIEWS] }] },
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
