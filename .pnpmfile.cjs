// pnpm hooks for this workspace.
// beforePacking: the package.json inside a published tarball carries no scripts. The
// packages' scripts (build, typecheck, lint, test) only work inside this monorepo
// (they call the root's vitest config and turbo), so a user must not see them.
/* global module */
module.exports = {
  hooks: {
    beforePacking(pkg) {
      delete pkg.scripts;
      return pkg;
    },
  },
};
