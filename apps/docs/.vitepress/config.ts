/**
 * The VitePress site: pages in ./pages (hand-written guide, recipes and
 * reference pages; `pages/api/` is generated from TSDoc by `src/prepare.ts`),
 * built into ./dist. Local search indexes every page, API names included.
 */
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';

const apiSidebarFile = new URL('../pages/api/typedoc-sidebar.json', import.meta.url);
const apiPackages: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? (JSON.parse(readFileSync(apiSidebarFile, 'utf8')) as DefaultTheme.SidebarItem[])
  : [];
const apiOverview: DefaultTheme.SidebarItem = {
  text: 'API reference',
  link: '/api/',
  items: apiPackages.map((p) => ({ text: p.text ?? '', link: p.link ?? '/api/' })),
};
// Each package's pages show that package's members only: one sidebar of every
// API name would be rendered into each of the ~400 API pages.
const apiSidebars = Object.fromEntries(
  apiPackages.map((p) => [p.link ?? '/api/', [apiOverview, { text: p.text ?? '', link: p.link ?? '/api/', items: p.items ?? [] }]]),
);

const guide: DefaultTheme.SidebarItem[] = [
  {
    text: 'Guide',
    items: [
      { text: 'What iolib is', link: '/guide/' },
      { text: 'Installing', link: '/guide/installing' },
      { text: 'How waiting works', link: '/guide/waiting' },
      { text: 'Worker threads', link: '/guide/worker-threads' },
      { text: 'Errors', link: '/guide/errors' },
      { text: 'Timeouts and AbortSignal', link: '/guide/timeouts' },
      { text: 'Events', link: '/guide/events' },
      { text: 'Process lifetime', link: '/guide/lifetime' },
      { text: 'Platform support', link: '/guide/platform' },
    ],
  },
  {
    text: 'Reference',
    items: [
      { text: 'API', link: '/api/' },
      { text: 'Coming from IOLib', link: '/coming-from-iolib' },
      { text: 'Differences from IOLib', link: '/differences-from-iolib' },
      { text: 'Performance', link: '/performance' },
    ],
  },
];

const recipes: DefaultTheme.SidebarItem[] = [
  {
    text: 'Recipes',
    items: [
      { text: 'Overview', link: '/recipes/' },
      { text: 'TCP echo server', link: '/recipes/tcp-echo' },
      { text: 'Unix stream echo server', link: '/recipes/unix-echo' },
      { text: 'Unix datagrams', link: '/recipes/unix-datagrams' },
      { text: 'A syslog client', link: '/recipes/syslog' },
      { text: 'Passing file descriptors', link: '/recipes/fd-passing' },
      { text: 'Three fds and who sent them', link: '/recipes/fds-with-credentials' },
      { text: 'Multicast announcer and listener', link: '/recipes/multicast' },
      { text: 'SSRF guard', link: '/recipes/ssrf-guard' },
      { text: 'A custom nameserver', link: '/recipes/custom-nameserver' },
      { text: 'An EventBase server', link: '/recipes/event-base-server' },
      { text: 'Listing interfaces', link: '/recipes/interfaces' },
    ],
  },
];

export default defineConfig({
  title: 'iolib',
  description: 'IOLib for Node.js: every socket of the C library on Node’s own event loop, without a native addon.',
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  srcDir: 'pages',
  outDir: 'dist',
  cleanUrls: false,
  lastUpdated: false,
  // Page metadata in one chunk instead of inlined into each of the ~450 pages.
  metaChunk: true,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/' },
      { text: 'Recipes', link: '/recipes/' },
      { text: 'API', link: '/api/' },
      { text: 'Coming from IOLib', link: '/coming-from-iolib' },
      { text: 'Performance', link: '/performance' },
    ],
    sidebar: {
      '/guide/': guide,
      '/coming-from-iolib': guide,
      '/differences-from-iolib': guide,
      '/performance': guide,
      '/recipes/': recipes,
      ...apiSidebars,
      '/api/': [apiOverview],
    },
    search: { provider: 'local' },
    outline: { level: [2, 3] },
  },
});
