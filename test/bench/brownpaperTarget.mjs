// Brownpaper as a target of ../shared/bench/canvas/run.mjs: the web client's /bench page,
// served by a Brownpaper host. test/bench/canvas.mjs sets BROWNPAPER_URL.
export default {
  name: 'brownpaper',
  url: process.env.BROWNPAPER_URL ?? 'http://127.0.0.1:4380/bench',
  setup: (scene) => window.__bench.load(scene),
  ready: () => window.__bench && window.__bench.readyAt,
  pan: (dx, dy) => window.__bench.pan(dx, dy),
  zoom: (f, cx, cy) => window.__bench.zoom(f, cx, cy),
};
